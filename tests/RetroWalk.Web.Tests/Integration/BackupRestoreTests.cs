using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>scripts/backup.sh and scripts/restore.sh against the real test server: what is restored is what was backed up.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRestoreTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABackupRestoredIntoANewDatabaseHasEveryRowAndTheIssuedReportUnchanged()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var scope = app.ScopeFor(clinic))
        {
            var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "BAK-1", "Łucja", "Wiśniewska");
            var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
            var report = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-21), To = TestClock.Today }, Token);
            Assert.NotNull(await reports.RenderAsync(report.Id, Token));
        }
        var folder = Path.Combine(AppContext.BaseDirectory, "backups", Guid.NewGuid().ToString("N"));
        var backup = Path.Combine(folder, "retrowalk.dump");
        await using var restored = await TestDatabase.CreateAsync();
        try
        {
            var made = await ScriptAsync("scripts/backup.sh", LibpqUri(app.Database.ConnectionString), backup);
            var restoring = await ScriptAsync("scripts/restore.sh", backup, LibpqUri(restored.ConnectionString));
            var again = await ScriptAsync("scripts/restore.sh", backup, LibpqUri(restored.ConnectionString));

            Assert.True(made.ExitCode == 0, made.Error);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
            Assert.True(restoring.ExitCode == 0, restoring.Error);
            var counts = await RowCountsAsync(app.Database.ConnectionString);
            Assert.Contains(counts, c => c.Key == "ReportPdfs" && c.Value > 0);
            Assert.Equal(counts, await RowCountsAsync(restored.ConnectionString));
            Assert.Equal(await IssuedPdfsAsync(app.Database.ConnectionString), await IssuedPdfsAsync(restored.ConnectionString));
            // A second restore would mix with what is there: refused, nothing changed.
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("Restore only into a new, empty database", again.Error, StringComparison.Ordinal);
            Assert.Equal(counts, await RowCountsAsync(restored.ConnectionString));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Rows of every table of the database, by table name.</summary>
    private static async Task<SortedDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync(Token))!;
        }
        return counts;
    }

    /// <summary>Each issued PDF's stored hash, and the hash of its stored bytes as read back.</summary>
    private static async Task<List<(Guid Report, string Stored, string OfBytes)>> IssuedPdfsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT \"ReportId\", \"Sha256\", \"Pdf\" FROM \"ReportPdfs\" ORDER BY \"ReportId\"", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var pdfs = new List<(Guid, string, string)>();
        while (await reader.ReadAsync(Token))
        {
            var bytes = (byte[])reader[2];
            var stored = reader.GetString(1);
            Assert.Equal(stored, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            pdfs.Add((reader.GetGuid(0), stored, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        }
        return pdfs;
    }

    /// <summary>postgresql://user@host:port/database for the scripts; the password goes in PGPASSWORD.</summary>
    private static string LibpqUri(string connectionString)
    {
        var parts = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(parts.Username!)}@{parts.Host}:{parts.Port}/{Uri.EscapeDataString(parts.Database!)}";
    }

    private static async Task<(int ExitCode, string Output, string Error)> ScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = PrivatePostgres.RepositoryRoot() };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(TestServer()).Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output, await error);
    }

    private static string TestServer() =>
        Environment.GetEnvironmentVariable("RETROWALK_TEST_POSTGRES") ?? throw new InvalidOperationException("RETROWALK_TEST_POSTGRES is not set; run scripts/test.sh.");
}
