using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The app as scripts/run.sh and docker-compose.yml run it: the database and its two roles made by
/// deploy/database-roles.sql (through scripts/lib.sh), migrations applied as the owner role, the app connected as the
/// least-privileged app role.
/// </summary>
public sealed class LeastPrivilegeApp : RetroWalkApp
{
    private readonly string tag = Guid.NewGuid().ToString("N")[..8];
    private readonly string secrets = Path.Combine(Path.GetTempPath(), $"rw-roles-{Guid.NewGuid():N}");
    private TestDatabase? own;

    public string OwnerRole => $"rw_owner_{tag}";
    public string AppRole => $"rw_app_{tag}";
    public string OwnerConnectionString { get; private set; } = "";
    public string AppConnectionString { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        own = await TestDatabase.CreateAsync();
        var port = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("RETROWALK_TEST_POSTGRES")).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(secrets);
        var prefix = Path.Combine(secrets, "cluster");
        await PrivatePostgres.LibAsync("ensure_database_roles \"$1\" \"$2\" \"$3\" \"$4\" \"$5\"", port, own.Name, OwnerRole, AppRole, prefix);
        OwnerConnectionString = (await PrivatePostgres.LibAsync("role_connection \"$1\" \"$2\" \"$3\" \"$4\"", port, own.Name, OwnerRole, prefix)).Trim();
        AppConnectionString = (await PrivatePostgres.LibAsync("role_connection \"$1\" \"$2\" \"$3\" \"$4\"", port, own.Name, AppRole, prefix)).Trim();
        OnDatabase(own);
        WithSetting("ConnectionStrings:RetroWalk", AppConnectionString);
        WithSetting("ConnectionStrings:RetroWalkOwner", OwnerConnectionString);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (own is not null)
        {
            await own.DisposeAsync();
            await using var connection = new NpgsqlConnection($"{Environment.GetEnvironmentVariable("RETROWALK_TEST_POSTGRES")};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{AppRole}\"; DROP ROLE IF EXISTS \"{OwnerRole}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(secrets, recursive: true);
    }
}

/// <summary>
/// The gap: as the app's database user, TRUNCATE, disabling the trigger then DELETE, and session_replication_role
/// all erased or changed the audit trail, and nothing showed that it had been changed. Now the app's role cannot,
/// and every audit row carries a hash chained to the one before, which a check recomputes.
/// </summary>
public sealed class TamperEvidentAuditTests(LeastPrivilegeApp app) : IClassFixture<LeastPrivilegeApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAppConnectsAsARoleThatIsNeitherSuperuserNorOwnerOfAnyTable()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(app.AppRole, await db.Database.SqlQuery<string>($"SELECT current_user::text AS \"Value\"").SingleAsync(Token));
        Assert.False(await db.Database.SqlQuery<bool>($"SELECT rolsuper AS \"Value\" FROM pg_roles WHERE rolname = current_user").SingleAsync(Token));
        Assert.Equal(0, await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)").SingleAsync(Token));
        // The owner applied every migration; the app works as usual.
        Assert.Equal(app.OwnerRole, await db.Database.SqlQuery<string>(
            $"SELECT tableowner::text AS \"Value\" FROM pg_tables WHERE tablename = 'AuditEntries'").SingleAsync(Token));
        var clinic = await app.CreateClinicAsync();
        await using var therapist = app.ScopeFor(clinic);
        Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("LP-1"), Token)).Succeeded);
    }

    public static TheoryData<string, string> Attacks => new()
    {
        { "AuditEntries", "TRUNCATE \"AuditEntries\"" },
        { "AuditEntries", "DELETE FROM \"AuditEntries\"" },
        { "AuditEntries", "UPDATE \"AuditEntries\" SET \"UserName\" = 'Nobody'" },
        { "AuditEntries", "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER audit_entries_append_only" },
        { "AuditEntries", "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER ALL" },
        { "AuditEntries", "DROP TABLE \"AuditEntries\"" },
        { "AuditEntries", "SET session_replication_role = replica" },
        { "AccessEvents", "TRUNCATE \"AccessEvents\"" },
        { "AccessEvents", "DELETE FROM \"AccessEvents\"" },
        { "AccessEvents", "UPDATE \"AccessEvents\" SET \"ClientAddress\" = '10.0.0.1'" },
        { "AccessEvents", "ALTER TABLE \"AccessEvents\" DISABLE TRIGGER access_events_append_only" },
        { "AuditChainHeads", "TRUNCATE \"AuditChainHeads\"" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task TheAppRoleCannotEraseOrChangeTheAuditRecord(string table, string attack)
    {
        var clinic = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(clinic))
        {
            Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid($"AT-{Guid.NewGuid():N}"[..10]), Token)).Succeeded);
            await therapist.ServiceProvider.GetRequiredService<AccessLog>().RecordAsync(AccessKind.PatientViewed, "a patient", cancellationToken: Token);
        }
        var before = await CountAsync(app.OwnerConnectionString, table);

        await using var connection = new NpgsqlConnection(app.AppConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(attack, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Token));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(before, await CountAsync(app.OwnerConnectionString, table));
        var check = await app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AuditChainCheck>().CheckAsync(clinic.Id, Token);
        Assert.All(check, report => Assert.True(report.Intact, report.FirstBreak?.Reason));
    }

    [Fact]
    public async Task TheChainCheckFindsTheRowTheOwnerRoleChangedBehindTheTriggersBack()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(clinic))
        {
            var patients = therapist.ServiceProvider.GetRequiredService<PatientService>();
            foreach (var number in new[] { "CH-1", "CH-2", "CH-3" })
            {
                Assert.True((await patients.CreateAsync(PatientData.Valid(number), Token)).Succeeded);
            }
        }
        var chain = await ChainOfAsync(clinic.Id);
        Assert.Equal(3, chain.Count);
        Assert.Equal([1L, 2L, 3L], chain.Select(r => r.Sequence));
        var intact = Assert.Single(await CheckAsync(clinic.Id), r => r.Chain.StartsWith("AuditEntries/", StringComparison.Ordinal));
        Assert.True(intact.Intact);
        Assert.Equal(3, intact.Rows);
        Assert.Equal(chain[2].Hash, intact.LastHash);

        // The owner may switch the trigger off: the chain still shows what it did.
        await ExecuteAsync(app.OwnerConnectionString, $"""
            ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_entries_append_only;
            UPDATE "AuditEntries" SET "UserName" = 'Someone Else' WHERE "Id" = '{chain[1].Id}';
            ALTER TABLE "AuditEntries" ENABLE TRIGGER audit_entries_append_only;
            """);

        var broken = Assert.Single(await CheckAsync(clinic.Id), r => r.Chain.StartsWith("AuditEntries/", StringComparison.Ordinal));
        Assert.False(broken.Intact);
        Assert.Equal(2, broken.FirstBreak!.Sequence);
        Assert.Equal(chain[1].Id, broken.FirstBreak.RowId);
        Assert.Contains("changed after it was written", broken.FirstBreak.Reason, StringComparison.Ordinal);
        Assert.Equal(1, broken.Rows);

        // The command says so too, and fails.
        var output = new StringWriter();
        Assert.Equal(1, await WebRegistration.VerifyAuditAsync(app.Services, output));
        Assert.Contains($"AuditEntries/{clinic.Id:D}: 1 rows BROKEN at row 2 (id {chain[1].Id})", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChainCheckFindsAccessEventsTheOwnerRemovedFromTheMiddleOrTheEnd()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(clinic))
        {
            var log = therapist.ServiceProvider.GetRequiredService<AccessLog>();
            for (var i = 1; i <= 5; i++)
            {
                await log.RecordAsync(AccessKind.PatientViewed, $"Patient {i}", cancellationToken: Token);
            }
        }
        var ids = await AccessIdsAsync(clinic.Id);
        Assert.Equal(5, ids.Count);

        await ExecuteAsync(app.OwnerConnectionString, $"""
            ALTER TABLE "AccessEvents" DISABLE TRIGGER access_events_append_only;
            DELETE FROM "AccessEvents" WHERE "Id" = '{ids[4]}';
            """);
        var tail = Assert.Single(await CheckAsync(clinic.Id), r => r.Chain.StartsWith("AccessEvents/", StringComparison.Ordinal));
        Assert.Equal(5, tail.FirstBreak!.Sequence);
        Assert.Contains("missing from the end", tail.FirstBreak.Reason, StringComparison.Ordinal);

        await ExecuteAsync(app.OwnerConnectionString, $"""
            DELETE FROM "AccessEvents" WHERE "Id" = '{ids[1]}';
            ALTER TABLE "AccessEvents" ENABLE TRIGGER access_events_append_only;
            """);
        var middle = Assert.Single(await CheckAsync(clinic.Id), r => r.Chain.StartsWith("AccessEvents/", StringComparison.Ordinal));
        Assert.Equal(2, middle.FirstBreak!.Sequence);
        Assert.Contains("row 2 is missing", middle.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritersAtTheSameMomentNeitherForkNorBreakTheChain()
    {
        var clinic = await app.CreateClinicAsync();
        await Task.WhenAll(Enumerable.Range(1, 16).Select(async i =>
        {
            await using var scope = app.ScopeFor(clinic);
            await scope.ServiceProvider.GetRequiredService<AccessLog>().RecordAsync(AccessKind.PatientViewed, $"Patient {i}", cancellationToken: Token);
        }));

        var report = Assert.Single(await CheckAsync(clinic.Id), r => r.Chain.StartsWith("AccessEvents/", StringComparison.Ordinal));
        Assert.True(report.Intact, report.FirstBreak?.Reason);
        Assert.Equal(16, report.Rows);
    }

    private async Task<IReadOnlyList<ChainReport>> CheckAsync(Guid clinicId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainCheck>().CheckAsync(clinicId, Token);
    }

    private async Task<List<(Guid Id, long Sequence, string Hash)>> ChainOfAsync(Guid clinicId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(e => e.ClinicId == clinicId).OrderBy(e => e.ChainSequence)
            .Select(e => new { e.Id, e.ChainSequence, e.Hash }).ToListAsync(Token);
        return rows.Select(r => (r.Id, r.ChainSequence!.Value, r.Hash!)).ToList();
    }

    private async Task<List<Guid>> AccessIdsAsync(Guid clinicId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Set<AccessEvent>()
            .Where(e => e.ClinicId == clinicId).OrderBy(e => e.ChainSequence).Select(e => e.Id).ToListAsync(Token);
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
