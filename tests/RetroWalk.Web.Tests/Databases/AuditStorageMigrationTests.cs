using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using NpgsqlTypes;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Databases;

/// <summary>
/// The audit trail's compact stored form: the same changes read back, and an audit trail written in the former form
/// (EF Core's JSON objects, hexadecimal hashes) rewritten by the migration still verifies, with the append-only trigger
/// in force.
/// </summary>
public sealed class AuditStorageMigrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Guid Clinic = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A created row, an update that sets, changes and clears values, one with no changes, and awkward text.</summary>
    private static List<AuditEntry> Trail()
    {
        List<List<FieldChange>> changes =
        [
            [new("GivenName", null, "Νίκος"), new("FamilyName", null, "Ó Briain"), new("HeightCm", null, "180"), new("Notes", null, "Said \"no\" \\ then\nyes <b>&</b>")],
            [new("HeightCm", "180", "181.5"), new("Notes", "Said \"no\"", null), new("WeightKg", null, "80")],
            [],
            [new("Notes", null, new string('x', 5000))],
        ];
        var previous = AuditChain.Genesis;
        var trail = new List<AuditEntry>();
        foreach (var (change, i) in changes.Select((c, i) => (c, i)))
        {
            var entry = new AuditEntry
            {
                Id = Guid.Parse($"0193a000-0000-7000-8000-00000000010{i}"),
                ClinicId = Clinic,
                At = Noon.AddMinutes(i),
                UserId = i == 2 ? null : "5b0c8e1e-8f0a-4c55-9d43-1f3f3c0e2a11",
                UserName = "therapist@example.org",
                EntityType = "Patient",
                EntityId = Guid.Parse("0193a000-0000-7000-8000-000000000200"),
                EntityLabel = "Νίκος Ó Briain (RW-1)",
                Action = i == 0 ? AuditAction.Created : AuditAction.Updated,
                Changes = change,
                ChainSequence = i + 1,
                PreviousHash = previous,
            };
            entry.Hash = previous = AuditChain.HashOf(entry);
            trail.Add(entry);
        }
        return trail;
    }

    [Fact]
    public void TheCompactFormReadsBackTheSameChangesAndSoTheSameHash()
    {
        foreach (var entry in Trail())
        {
            var stored = AuditStorage.WriteChanges(entry.Changes);
            var read = AuditStorage.ReadChanges(stored);
            Assert.Equal(entry.Changes, read);
            Assert.Equal(entry.Hash, AuditChain.HashOf(new AuditEntry
            {
                Id = entry.Id, ClinicId = entry.ClinicId, At = entry.At, UserId = entry.UserId, UserName = entry.UserName,
                EntityType = entry.EntityType, EntityId = entry.EntityId, EntityLabel = entry.EntityLabel, Action = entry.Action,
                Changes = read, ChainSequence = entry.ChainSequence, PreviousHash = entry.PreviousHash,
            }));
        }
        Assert.Equal("""[["GivenName","Νίκος"],["HeightCm","180","181.5"],["Notes","Said","x"],["Notes","y",null]]""",
            AuditStorage.WriteChanges([new("GivenName", null, "Νίκος"), new("HeightCm", "180", "181.5"), new("Notes", "Said", "x"), new("Notes", "y", null)]));
    }

    [Fact]
    public void TheFormerFormStillReads()
    {
        Assert.Equal([new FieldChange("Rpe", null, "12"), new FieldChange("Notes", "a", null)],
            AuditStorage.ReadChanges("""[{"To": "12", "From": null, "Field": "Rpe"}, {"Field":"Notes","From":"a","To":null}]"""));
    }

    [Fact]
    public void HashesAreStoredAsTheir32BytesAndReadBackAsTheSameText()
    {
        var hash = Trail()[0].Hash!;
        Assert.Equal(32, AuditStorage.HashBytes(hash).Length);
        Assert.Equal(hash, AuditStorage.HashText(AuditStorage.HashBytes(hash)));
        Assert.Equal(AuditChain.Genesis, AuditStorage.HashText(AuditStorage.HashBytes(AuditChain.Genesis)));
        Assert.Equal("not a hash", AuditStorage.HashText(AuditStorage.HashBytes("not a hash")));
    }

    [Fact]
    public async Task AnAuditTrailInTheFormerFormIsRewrittenAndStillVerifiesWithTheTriggerInForce()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = DesignTimeContext.Create(DatabaseProvider.PostgreSql, database.ConnectionString))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var compact = migrations.FindIndex(m => m.EndsWith("_CompactAuditTrail", StringComparison.Ordinal));
            Assert.True(compact > 0);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[compact - 1], Token);
            await WriteFormerFormAsync(database.ConnectionString, Trail());

            await migrator.MigrateAsync(cancellationToken: Token);
        }

        await using (var db = DesignTimeContext.Create(DatabaseProvider.PostgreSql, database.ConnectionString))
        {
            var rows = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.ChainSequence).ToListAsync(Token);
            var written = Trail();
            Assert.Equal(written.Count, rows.Count);
            var previous = AuditChain.Genesis;
            foreach (var (row, expected) in rows.Zip(written))
            {
                Assert.Equal(expected.Changes, row.Changes);
                Assert.Equal(expected.Hash, row.Hash);
                Assert.Equal(previous, row.PreviousHash);
                Assert.Equal(row.Hash, AuditChain.HashOf(row));
                previous = row.Hash!;
            }
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Token);
        Assert.Equal("""[["GivenName","Νίκος"],["FamilyName","Ó Briain"],["HeightCm","180"],["Notes","Said \"no\" \\ then\nyes <b>&</b>"]]""",
            await ScalarAsync<string>(connection, """SELECT "Changes" FROM "AuditEntries" WHERE "ChainSequence" = 1"""));
        Assert.Equal(32, await ScalarAsync<int>(connection, """SELECT octet_length("Hash") FROM "AuditEntries" WHERE "ChainSequence" = 1"""));
        Assert.Equal("O", await ScalarAsync<string>(connection,
            """SELECT tgenabled::text FROM pg_trigger WHERE tgname = 'audit_entries_append_only' AND tgrelid = '"AuditEntries"'::regclass"""));
        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            new NpgsqlCommand("""UPDATE "AuditEntries" SET "UserName" = 'Nobody'""", connection).ExecuteNonQueryAsync(Token));
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigratingBackGivesTheFormerFormAgain()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = DesignTimeContext.Create(DatabaseProvider.PostgreSql, database.ConnectionString);
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_CompactAuditTrail", StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before, Token);
        await WriteFormerFormAsync(database.ConnectionString, Trail());
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Token);
        const string Stored = """SELECT string_agg("Changes"::text || "Hash" || "PreviousHash", '|' ORDER BY "ChainSequence") FROM "AuditEntries" """;
        var former = await ScalarAsync<string>(connection, Stored);

        await migrator.MigrateAsync(cancellationToken: Token);
        await migrator.MigrateAsync(before, Token);

        Assert.Equal(former, await ScalarAsync<string>(connection, Stored));
    }

    /// <summary>Rows as the former model stored them: changes as EF Core's JSON objects in jsonb, hashes as hex text.</summary>
    private static async Task WriteFormerFormAsync(string connectionString, IEnumerable<AuditEntry> trail)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        foreach (var entry in trail)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO "AuditEntries" ("Id", "ClinicId", "At", "UserId", "UserName", "EntityType", "EntityId", "EntityLabel", "Action",
                    "Changes", "ChainSequence", "PreviousHash", "Hash")
                VALUES (@id, @clinic, @at, @user, @name, @type, @entity, @label, @action, @changes, @sequence, @previous, @hash)
                """, connection);
            insert.Parameters.AddWithValue("id", entry.Id);
            insert.Parameters.AddWithValue("clinic", entry.ClinicId);
            insert.Parameters.AddWithValue("at", entry.At);
            insert.Parameters.AddWithValue("user", (object?)entry.UserId ?? DBNull.Value);
            insert.Parameters.AddWithValue("name", entry.UserName);
            insert.Parameters.AddWithValue("type", entry.EntityType);
            insert.Parameters.AddWithValue("entity", entry.EntityId);
            insert.Parameters.AddWithValue("label", (object?)entry.EntityLabel ?? DBNull.Value);
            insert.Parameters.AddWithValue("action", entry.Action.ToString());
            insert.Parameters.AddWithValue("changes", NpgsqlDbType.Jsonb,
                JsonSerializer.Serialize(entry.Changes.Select(c => new { c.Field, c.From, c.To })));
            insert.Parameters.AddWithValue("sequence", entry.ChainSequence!.Value);
            insert.Parameters.AddWithValue("previous", entry.PreviousHash!);
            insert.Parameters.AddWithValue("hash", entry.Hash!);
            await insert.ExecuteNonQueryAsync(Token);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Token))!;
    }
}
