using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The audit trail partitioned by month, with older months moved into files and back (<see cref="AuditArchive"/>), as
/// the app runs it: migrations as the owner role, the app as the least-privileged role.
/// </summary>
public sealed class AuditArchiveTests(LeastPrivilegeApp app) : IClassFixture<LeastPrivilegeApp>, IDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly string archive = Path.Combine(Path.GetTempPath(), $"rw-archive-{Guid.NewGuid():N}");

    /// <summary>The first instant (UTC) of the month <paramref name="monthsAhead"/> after the test clock's start.</summary>
    private static DateTimeOffset MonthStart(int monthsAhead) =>
        new DateTimeOffset(TestClock.Start.UtcDateTime.Year, TestClock.Start.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(monthsAhead);

    private static string Partition(int monthsAhead) => PartitionOf(MonthStart(monthsAhead));

    private static string PartitionOf(DateTimeOffset at) => "AuditEntries_" + at.UtcDateTime.ToString("yyyy_MM", CultureInfo.InvariantCulture);

    /// <summary>The current month's partition (the app's clock moves on in one test of the class), made ready.</summary>
    private async Task<string> CurrentPartitionAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        await AuditMonths.PrepareAsync(db, app.Clock.GetUtcNow(), Token);
        return PartitionOf(app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task OlderMonthsLeaveForFilesTheLiveChainStillVerifiesAndTheyComeBackWhole()
    {
        // Five months of saves by two clinics, each month in its own partition (the app role prepares the months).
        var clinics = new[] { await app.CreateClinicAsync(), await app.CreateClinicAsync() };
        for (var month = 0; month <= 4; month++)
        {
            if (month > 0)
            {
                app.Clock.SetUtcNow(MonthStart(month).AddDays(14).AddHours(11));
            }
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
                await AuditMonths.PrepareAsync(db, app.Clock.GetUtcNow(), Token);
            }
            foreach (var clinic in clinics)
            {
                await using var therapist = app.ScopeFor(clinic);
                var number = $"AR-{month}-{Guid.NewGuid():N}"[..12];
                Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(number), Token)).Succeeded);
            }
        }
        var placed = await PartitionCountsAsync(clinics);
        for (var month = 0; month <= 4; month++)
        {
            Assert.True(placed.GetValueOrDefault(Partition(month)) > 0, $"{Partition(month)} has no rows");
        }
        Assert.Equal(0, placed.GetValueOrDefault("AuditEntries_default"));
        var before = await CheckAsync(clinics);
        Assert.All(before, r => Assert.True(r.Intact, r.FirstBreak?.Reason));

        // Keep two months (this one and the last): the three before leave.
        var output = new StringWriter();
        Assert.Equal(0, await ArchiveAsync(keepMonths: 2, output));
        var files = Enumerable.Range(0, 3).Select(month => Path.Combine(archive, AuditArchive.FileNameOf(MonthStart(month)))).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f), $"{f} was not written\n{output}"));
        Assert.Contains($"rows archived to {files[2]}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal([Partition(3), Partition(4)], (await PartitionCountsAsync(clinics)).Keys.Where(k => k != "AuditEntries_default").Order());
        Assert.False(await ExistsAsync(Partition(1)));

        // The file holds the month's rows as CSV with a header.
        var csv = await ReadGzipAsync(files[0]);
        Assert.StartsWith("Id,ClinicId,At,", csv, StringComparison.Ordinal);
        Assert.Contains(clinics[0].Id.ToString("D"), csv, StringComparison.Ordinal);

        // The live rows verify from the archived months' links; the archived rows are counted, not lost.
        var archived = await CheckAsync(clinics);
        foreach (var (after, earlier) in archived.Zip(before))
        {
            Assert.True(after.Intact, after.FirstBreak?.Reason);
            Assert.Equal(earlier.Rows, after.Rows + after.Archived);
            Assert.True(after.Archived > 0);
            Assert.Equal(earlier.LastHash, after.LastHash);
        }
        var command = new StringWriter();
        Assert.Equal(0, await WebRegistration.VerifyAuditAsync(app.Services, command));
        Assert.Contains($"AuditEntries/{clinics[0].Id:D}: {archived[0].Rows} rows ({archived[0].Archived} more archived) intact", command.ToString(), StringComparison.Ordinal);

        // Saving goes on, and archiving again finds nothing more to move.
        await using (var therapist = app.ScopeFor(clinics[0]))
        {
            Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("AR-NOW"), Token)).Succeeded);
        }
        var live = await CheckAsync(clinics);
        Assert.True(live[0].Intact, live[0].FirstBreak?.Reason);
        output = new StringWriter();
        Assert.Equal(0, await ArchiveAsync(keepMonths: 2, output));
        Assert.Contains("Nothing to archive", output.ToString(), StringComparison.Ordinal);

        // A file that is not the one written is refused, and nothing is restored.
        var original = await File.ReadAllBytesAsync(files[0], Token);
        await File.WriteAllBytesAsync(files[0], [.. original.Take(original.Length - 1), (byte)(original[^1] ^ 1)], Token);
        output = new StringWriter();
        Assert.Equal(1, await RestoreAsync(files[0], output));
        Assert.Contains("is not the file that was archived", output.ToString(), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(Partition(0)));
        await File.WriteAllBytesAsync(files[0], original, Token);

        // Restored, the whole chain verifies from its first row with nothing archived.
        foreach (var file in files)
        {
            output = new StringWriter();
            Assert.Equal(0, await RestoreAsync(file, output));
        }
        var restored = await CheckAsync(clinics);
        Assert.All(restored, r => Assert.True(r.Intact && r.Archived == 0, r.FirstBreak?.Reason ?? $"{r.Archived} archived"));
        Assert.Equal(live.Select(r => r.Rows + r.Archived), restored.Select(r => r.Rows));
        Assert.Equal(placed[Partition(1)], (await PartitionCountsAsync(clinics))[Partition(1)]);

        // They leave again without new files; then a link removed behind the app's back shows as a break.
        output = new StringWriter();
        Assert.Equal(0, await ArchiveAsync(keepMonths: 2, output));
        Assert.Contains("archived again", output.ToString(), StringComparison.Ordinal);
        Assert.All(await CheckAsync(clinics), r => Assert.True(r.Intact, r.FirstBreak?.Reason));
        await using (var owner = new NpgsqlConnection(app.OwnerConnectionString))
        {
            await owner.OpenAsync(Token);
            await using var remove = new NpgsqlCommand($"""DELETE FROM "AuditArchiveLinks" WHERE "Chain" = 'AuditEntries/{clinics[1].Id:D}'""", owner);
            Assert.True(await remove.ExecuteNonQueryAsync(Token) > 0);
        }
        var broken = (await CheckAsync(clinics))[1];
        Assert.False(broken.Intact);
        Assert.Contains("is missing", broken.FirstBreak!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAppRoleReachesTheMonthsOnlyThroughTheTrail()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(clinic))
        {
            Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("AR-ROLE"), Token)).Succeeded);
        }
        var month = await CurrentPartitionAsync();
        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync(Token);
        foreach (var attack in new[]
        {
            $"DELETE FROM \"{month}\"", $"UPDATE \"{month}\" SET \"UserName\" = 'Nobody'", $"TRUNCATE \"{month}\"",
            $"SELECT count(*) FROM \"{month}\"", "TRUNCATE \"AuditEntries_default\"", $"ALTER TABLE \"AuditEntries\" DETACH PARTITION \"{month}\"",
            "INSERT INTO \"AuditArchiveLinks\" VALUES ('AuditEntries/x', 1, 'x', gen_random_uuid())", "DELETE FROM \"AuditArchiveMonths\"",
        })
        {
            await using var command = new NpgsqlCommand(attack, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Token));
            Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.WrongObjectType, $"{attack}: {refused.SqlState} {refused.MessageText}");
        }
        await using var rows = new NpgsqlCommand($"SELECT count(*) FROM \"AuditEntries\" WHERE \"ClinicId\" = '{clinic.Id}'", connection);
        Assert.True((long)(await rows.ExecuteScalarAsync(Token))! > 0);
    }

    [Fact]
    public async Task ArchivingRefusesWhileAChainIsBroken()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(clinic))
        {
            var patients = therapist.ServiceProvider.GetRequiredService<PatientService>();
            Assert.True((await patients.CreateAsync(PatientData.Valid("AR-B1"), Token)).Succeeded);
            Assert.True((await patients.CreateAsync(PatientData.Valid("AR-B2"), Token)).Succeeded);
        }
        await using var owner = new NpgsqlConnection(app.OwnerConnectionString);
        await owner.OpenAsync(Token);
        async Task SetUserNameAsync(string name)
        {
            await using var tamper = new NpgsqlCommand($"""
                ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_entries_append_only;
                UPDATE "AuditEntries" SET "UserName" = @name WHERE "ClinicId" = '{clinic.Id}' AND "ChainSequence" = 1;
                ALTER TABLE "AuditEntries" ENABLE TRIGGER audit_entries_append_only;
                """, owner);
            tamper.Parameters.AddWithValue("name", name);
            await tamper.ExecuteNonQueryAsync(Token);
        }
        await using var read = new NpgsqlCommand($"""SELECT "UserName" FROM "AuditEntries" WHERE "ClinicId" = '{clinic.Id}' AND "ChainSequence" = 1""", owner);
        var written = (string)(await read.ExecuteScalarAsync(Token))!;
        await SetUserNameAsync("Someone Else");
        try
        {
            var output = new StringWriter();
            Assert.Equal(1, await ArchiveAsync(keepMonths: 1, output));
            Assert.Contains("broken", output.ToString(), StringComparison.Ordinal);
            Assert.True(await ExistsAsync(await CurrentPartitionAsync()));
        }
        finally
        {
            // The other tests of this class share the database and archive from intact chains.
            await SetUserNameAsync(written);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(archive))
        {
            Directory.Delete(archive, recursive: true);
        }
    }

    private async Task<int> ArchiveAsync(int keepMonths, TextWriter output)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditArchive>().ArchiveAsync(keepMonths, archive, output, Token);
    }

    private async Task<int> RestoreAsync(string file, TextWriter output)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditArchive>().RestoreAsync(file, output, Token);
    }

    private async Task<List<ChainReport>> CheckAsync(TestClinic[] clinics)
    {
        var reports = new List<ChainReport>();
        foreach (var clinic in clinics)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var check = await scope.ServiceProvider.GetRequiredService<AuditChainCheck>().CheckAsync(clinic.Id, Token);
            reports.Add(Assert.Single(check, r => r.Chain.StartsWith("AuditEntries/", StringComparison.Ordinal)));
        }
        return reports;
    }

    /// <summary>How many of these clinics' audit rows each partition holds.</summary>
    private async Task<Dictionary<string, long>> PartitionCountsAsync(TestClinic[] clinics)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync(Token);
        var ids = string.Join(", ", clinics.Select(c => $"'{c.Id}'"));
        await using var command = new NpgsqlCommand(
            $"SELECT tableoid::regclass::text, count(*) FROM \"AuditEntries\" WHERE \"ClinicId\" IN ({ids}) GROUP BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync(Token))
        {
            counts[reader.GetString(0).Trim('"')] = reader.GetInt64(1);
        }
        return counts;
    }

    private async Task<bool> ExistsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand($"SELECT to_regclass('\"{table}\"') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(Token))!;
    }

    private static async Task<string> ReadGzipAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var zip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(zip);
        return await reader.ReadToEndAsync(Token);
    }
}
