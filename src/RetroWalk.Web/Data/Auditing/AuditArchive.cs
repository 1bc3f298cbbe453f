using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Features.Audit;

namespace RetroWalk.Web.Data.Auditing;

/// <summary>
/// Moves whole months of the audit trail out of the live database into files, and back (the <c>archive-audit</c> and
/// <c>restore-audit</c> commands, run by the clinic's IT as the owner role). A month leaves only if every audit chain
/// verifies first; its rows are written to <c>AuditEntries-YYYY-MM.csv.gz</c> (PostgreSQL's CSV, with a header),
/// the file's SHA-256 and row count are recorded (<see cref="AuditArchiveMonth"/>), so are the rows the live chains
/// still need (<see cref="AuditArchiveLink"/>), and the month's partition is dropped, all in one transaction. A file
/// is never overwritten. Restoring checks the file against its record, makes the month's partition again and copies
/// the rows back, after which the whole chain verifies from its first row. PostgreSQL only: the trail is partitioned
/// by month there (<see cref="PostgreSqlProvider.PartitionAuditEntries"/>).
/// </summary>
public sealed class AuditArchive(IOptions<DatabaseOptions> options, AuditChainCheck check, TimeProvider time)
{
    private const string FilePrefix = "AuditEntries-";
    private const string FileSuffix = ".csv.gz";

    public static string FileNameOf(DateTimeOffset monthStart) =>
        FilePrefix + monthStart.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture) + FileSuffix;

    /// <summary>
    /// Archives every month before the last <paramref name="keepMonths"/> (the current month counts as one) into
    /// <paramref name="directory"/>. Returns the exit code: 0 done (or nothing to do), 1 refused, 2 not possible here.
    /// </summary>
    public async Task<int> ArchiveAsync(int keepMonths, string directory, TextWriter output, CancellationToken cancellationToken = default)
    {
        if ((NotHere() ?? (keepMonths < 1 ? "Keep at least one month (the current one)." : null)) is { } refusal)
        {
            await output.WriteLineAsync(refusal);
            return 2;
        }
        var broken = (await check.CheckAsync(cancellationToken: cancellationToken))
            .Where(r => r.Chain.StartsWith("AuditEntries/", StringComparison.Ordinal) && !r.Intact).ToList();
        if (broken.Count > 0)
        {
            await output.WriteLineAsync($"Nothing archived: {broken.Count} audit chain(s) are broken (run verify-audit). Rows are archived only from intact chains.");
            return 1;
        }

        var now = time.GetUtcNow();
        var keepFrom = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - keepMonths);
        Directory.CreateDirectory(directory);
        await using var connection = await OpenAsync(cancellationToken);
        var months = new List<(string Partition, DateTimeOffset Start)>();
        await using (var list = new NpgsqlCommand(PostgreSqlProvider.AuditMonthPartitions, connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var start = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
                if (start < keepFrom)
                {
                    months.Add((reader.GetString(0), start));
                }
            }
        }
        if (months.Count == 0)
        {
            await output.WriteLineAsync($"Nothing to archive: no month of the audit trail before {keepFrom:yyyy-MM} is in the database.");
            return 0;
        }
        foreach (var (partition, start) in months)
        {
            var code = await ArchiveMonthAsync(connection, partition, start, directory, output, cancellationToken);
            if (code != 0)
            {
                return code;
            }
        }
        return 0;
    }

    private async Task<int> ArchiveMonthAsync(NpgsqlConnection connection, string partition, DateTimeOffset start, string directory, TextWriter output, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, FileNameOf(start));
        var rows = await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"{partition}\"", cancellationToken);
        if (File.Exists(file))
        {
            // A month restored earlier leaves again without a new file, if its file is still the one recorded.
            var recorded = await ScalarAsync<string?>(connection,
                $"SELECT max(\"FileSha256\") FROM \"AuditArchiveMonths\" WHERE \"MonthStart\" = '{start:O}' AND \"RestoredAt\" IS NOT NULL AND \"Rows\" = {rows}", cancellationToken);
            if (recorded is null || recorded != await Sha256Async(file, cancellationToken))
            {
                await output.WriteLineAsync($"Stopped at {start:yyyy-MM}: {file} already exists, and an archive is never overwritten.");
                return 1;
            }
            await using var again = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, again, $"""
                UPDATE "AuditArchiveMonths" SET "RestoredAt" = NULL WHERE "MonthStart" = '{start:O}';
                ALTER TABLE "AuditEntries" DETACH PARTITION "{partition}"; DROP TABLE "{partition}";
                """, cancellationToken);
            await again.CommitAsync(cancellationToken);
            await output.WriteLineAsync($"{start:yyyy-MM}: {rows} rows archived again; they are in {file} as before.");
            return 0;
        }
        var written = file + ".partial";
        try
        {
            await using (var stream = File.Create(written))
            await using (var zip = new GZipStream(stream, CompressionLevel.SmallestSize))
            await using (var text = new StreamWriter(zip))
            {
                using var export = await connection.BeginTextExportAsync(
                    $"COPY (SELECT * FROM \"{partition}\" ORDER BY \"ClinicId\", \"ChainSequence\", \"At\") TO STDOUT (FORMAT csv, HEADER)", cancellationToken);
                var buffer = new char[81920];
                int read;
                while ((read = await export.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await text.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            File.Move(written, file);
            var sha = await Sha256Async(file, cancellationToken);

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var id = Guid.CreateVersion7();
            await using (var record = new NpgsqlCommand("""
                INSERT INTO "AuditArchiveMonths" ("Id", "MonthStart", "FileName", "Rows", "FileSha256", "ArchivedAt")
                VALUES (@id, @start, @file, @rows, @sha, @at)
                ON CONFLICT ("MonthStart") DO UPDATE SET "FileName" = @file, "Rows" = @rows, "FileSha256" = @sha, "ArchivedAt" = @at, "RestoredAt" = NULL
                RETURNING "Id"
                """, connection, transaction))
            {
                record.Parameters.AddWithValue("id", id);
                record.Parameters.AddWithValue("start", start);
                record.Parameters.AddWithValue("file", Path.GetFileName(file));
                record.Parameters.AddWithValue("rows", rows);
                record.Parameters.AddWithValue("sha", sha);
                record.Parameters.AddWithValue("at", time.GetUtcNow());
                id = (Guid)(await record.ExecuteScalarAsync(cancellationToken))!;
            }
            await using (var links = new NpgsqlCommand(PostgreSqlProvider.InsertAuditArchiveLinks(partition), connection, transaction))
            {
                links.Parameters.AddWithValue("month", id);
                await links.ExecuteNonQueryAsync(cancellationToken);
            }
            await ExecuteAsync(connection, transaction, $"ALTER TABLE \"AuditEntries\" DETACH PARTITION \"{partition}\"; DROP TABLE \"{partition}\";", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await output.WriteLineAsync($"{start:yyyy-MM}: {rows} rows archived to {file} (SHA-256 {sha}).");
            return 0;
        }
        catch
        {
            // Nothing left the database: the file is not an archive of record.
            File.Delete(written);
            File.Delete(file);
            throw;
        }
    }

    /// <summary>Brings an archived month back into the database from its file. Returns the exit code as for archiving.</summary>
    public async Task<int> RestoreAsync(string file, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (NotHere() is { } refusal)
        {
            await output.WriteLineAsync(refusal);
            return 2;
        }
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"{file} does not exist.");
            return 1;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid id;
        DateTimeOffset start;
        long rows;
        string sha;
        await using (var find = new NpgsqlCommand("""
            SELECT "Id", "MonthStart", "Rows", "FileSha256" FROM "AuditArchiveMonths" WHERE "FileName" = @file AND "RestoredAt" IS NULL
            """, connection, transaction))
        {
            find.Parameters.AddWithValue("file", Path.GetFileName(file));
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await output.WriteLineAsync($"{Path.GetFileName(file)} is not an archived month of this database (or it is already restored).");
                return 1;
            }
            (id, start, rows, sha) = (reader.GetGuid(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), reader.GetInt64(2), reader.GetString(3));
        }
        var actual = await Sha256Async(file, cancellationToken);
        if (actual != sha)
        {
            await output.WriteLineAsync($"{file} is not the file that was archived: its SHA-256 is {actual}, the archive recorded {sha}. Nothing restored.");
            return 1;
        }
        await using (var prepare = new NpgsqlCommand("SELECT audit_entries_prepare_month(@start)", connection, transaction))
        {
            prepare.Parameters.AddWithValue("start", start);
            if (!(bool)(await prepare.ExecuteScalarAsync(cancellationToken))!)
            {
                await output.WriteLineAsync($"The partition of {start:yyyy-MM} exists already (or its rows are in the default partition). Nothing restored.");
                return 1;
            }
        }
        await using (var stream = File.OpenRead(file))
        await using (var zip = new GZipStream(stream, CompressionMode.Decompress))
        using (var text = new StreamReader(zip))
        await using (var import = await connection.BeginTextImportAsync("COPY \"AuditEntries\" FROM STDIN (FORMAT csv, HEADER)", cancellationToken))
        {
            var buffer = new char[81920];
            int read;
            while ((read = await text.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await import.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        var partition = "AuditEntries_" + start.UtcDateTime.ToString("yyyy_MM", CultureInfo.InvariantCulture);
        var copied = await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"{partition}\"", cancellationToken, transaction);
        if (copied != rows)
        {
            await output.WriteLineAsync($"{file} gave {copied} rows for {start:yyyy-MM}, the archive recorded {rows}. Nothing restored.");
            return 1;
        }
        await using (var restored = new NpgsqlCommand("""UPDATE "AuditArchiveMonths" SET "RestoredAt" = @at WHERE "Id" = @id""", connection, transaction))
        {
            restored.Parameters.AddWithValue("at", time.GetUtcNow());
            restored.Parameters.AddWithValue("id", id);
            await restored.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await output.WriteLineAsync($"{start:yyyy-MM}: {rows} rows restored from {file}.");
        return 0;
    }

    /// <summary>Why the trail cannot be archived with this database, or null.</summary>
    private string? NotHere() =>
        DatabaseProvider.Named(options.Value.Provider) != DatabaseProvider.PostgreSql
            ? $"The audit trail is archived by month on PostgreSQL only; on {options.Value.Provider} it stays whole in the database."
            : null;

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var connection = new NpgsqlConnection(string.IsNullOrWhiteSpace(settings.OwnerConnectionString) ? settings.ConnectionString : settings.OwnerConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : default!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
