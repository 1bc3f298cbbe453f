using Microsoft.EntityFrameworkCore;
using Npgsql;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Data.Providers;

/// <summary>
/// PostgreSQL (the default, and the database the run and test commands start by themselves).
/// The SQL here is PostgreSQL's dialect: double-quoted identifiers, PL/pgSQL trigger functions, SQLSTATE codes.
/// The migrations in src/RetroWalk.Migrations.PostgreSQL use these texts; changing one changes what a new
/// database gets, never what an existing one already has.
/// </summary>
public sealed class PostgreSqlProvider : DatabaseProvider
{
    /// <summary>The audit trail is append-only in the database too, whatever the application does.</summary>
    public const string CreateAuditAppendOnlyTrigger = """
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'Audit entries are append-only';
        END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string DropAuditAppendOnlyTrigger = """
        DROP TRIGGER IF EXISTS audit_entries_append_only ON "AuditEntries";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;

    /// <summary>
    /// Keys for the record numbers already stored, the way <see cref="Infrastructure.FieldText.RecordNumberKey"/>
    /// makes them (NFKC, no format characters or white space, upper case). Where two patients of a clinic already
    /// share a key, the later one's key gets its id appended so that the unique index can be built; editing that
    /// patient then asks for a record number of its own.
    /// </summary>
    public const string FillRecordNumberKeys = """
        UPDATE "Patients" SET "RecordNumberKey" = upper(regexp_replace(normalize("RecordNumber", NFKC),
            '[[:space:]\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]', '', 'g'));
        UPDATE "Patients" AS p SET "RecordNumberKey" = left(p."RecordNumberKey", 120) || '~' || p."Id"::text
        FROM (SELECT "Id", row_number() OVER (PARTITION BY "ClinicId", "RecordNumberKey" ORDER BY "Id") AS n FROM "Patients") AS d
        WHERE d."Id" = p."Id" AND d.n > 1;
        """;

    /// <summary>An issued report's PDF is written once: no UPDATE or DELETE changes what a reader was given.</summary>
    public const string CreateReportPdfWriteOnceTrigger = """
        CREATE FUNCTION report_pdfs_write_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'Issued report PDFs cannot be changed or removed';
        END $$;
        CREATE TRIGGER report_pdfs_write_once BEFORE UPDATE OR DELETE ON "ReportPdfs"
            FOR EACH ROW EXECUTE FUNCTION report_pdfs_write_once();
        """;

    public const string DropReportPdfWriteOnceTrigger = """
        DROP TRIGGER IF EXISTS report_pdfs_write_once ON "ReportPdfs";
        DROP FUNCTION IF EXISTS report_pdfs_write_once();
        """;

    /// <summary>
    /// The access log is append-only like the audit trail (the same refusing function). Both also refuse TRUNCATE, which
    /// row triggers do not see: only the owner could truncate, and it must disable the trigger first.
    /// </summary>
    public const string CreateAccessEventsAppendOnlyTrigger = """
        CREATE TRIGGER access_events_append_only BEFORE UPDATE OR DELETE ON "AccessEvents"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER access_events_no_truncate BEFORE TRUNCATE ON "AccessEvents"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public const string DropAccessEventsAppendOnlyTrigger = """
        DROP TRIGGER IF EXISTS access_events_append_only ON "AccessEvents";
        DROP TRIGGER IF EXISTS access_events_no_truncate ON "AccessEvents";
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
        """;

    /// <summary>
    /// The audit trail's stored form made compact (<see cref="Auditing.AuditStorage"/>): each row's changes from EF Core's
    /// JSON objects (<c>[{"Field":…,"From":null,"To":…}]</c>, jsonb) to arrays (<c>[["Field","To"]]</c>, text), and its
    /// hashes from 64 hexadecimal characters to their 32 bytes. One ALTER TABLE rewrites every row with the USING
    /// expressions: an ALTER TABLE fires no row trigger, so the append-only trigger stays in force throughout and is never
    /// disabled (only the owner role that runs the migrations may alter the table; the app role may not). The rewrite
    /// writes a new copy of the table and its indexes, so the space is given back at once, and holds an exclusive lock
    /// on the table while it runs. USING allows no subquery, hence the two functions, which live only for the session.
    /// Values that are not a lower-case hex hash (the app writes none) are kept as their UTF-8 bytes.
    /// </summary>
    public const string CompactAuditEntries = """
        CREATE FUNCTION pg_temp.audit_compact_changes(changes jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT '[' || coalesce(string_agg('[' || to_json(c ->> 'Field')::text
                || CASE WHEN c ->> 'From' IS NULL THEN '' ELSE ',' || to_json(c ->> 'From')::text END
                || ',' || coalesce(to_json(c ->> 'To')::text, 'null') || ']', ',' ORDER BY n), '') || ']'
            FROM jsonb_array_elements(coalesce(changes, '[]'::jsonb)) WITH ORDINALITY AS e(c, n)
        $$;
        CREATE FUNCTION pg_temp.audit_hash_bytes(hash text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN hash ~ '^[0-9a-f]{64}$' THEN decode(hash, 'hex') ELSE convert_to(hash, 'UTF8') END
        $$;
        ALTER TABLE "AuditEntries"
            ALTER COLUMN "Changes" TYPE text USING pg_temp.audit_compact_changes("Changes"),
            ALTER COLUMN "Changes" SET NOT NULL,
            ALTER COLUMN "Hash" TYPE bytea USING pg_temp.audit_hash_bytes("Hash"),
            ALTER COLUMN "PreviousHash" TYPE bytea USING pg_temp.audit_hash_bytes("PreviousHash");
        DROP FUNCTION pg_temp.audit_compact_changes(jsonb);
        DROP FUNCTION pg_temp.audit_hash_bytes(text);
        """;

    /// <summary>Back to EF Core's JSON objects and hexadecimal hashes, the same way (see <see cref="CompactAuditEntries"/>).</summary>
    public const string ExpandAuditEntries = """
        CREATE FUNCTION pg_temp.audit_expand_changes(changes text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
            SELECT coalesce(jsonb_agg(CASE
                WHEN jsonb_typeof(c) = 'object' THEN c
                WHEN jsonb_array_length(c) = 2 THEN jsonb_build_object('Field', c -> 0, 'From', NULL::text, 'To', c -> 1)
                ELSE jsonb_build_object('Field', c -> 0, 'From', c -> 1, 'To', c -> 2) END ORDER BY n), '[]'::jsonb)
            FROM jsonb_array_elements(changes::jsonb) WITH ORDINALITY AS e(c, n)
        $$;
        CREATE FUNCTION pg_temp.audit_hash_text(hash bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN length(hash) = 32 THEN encode(hash, 'hex') ELSE convert_from(hash, 'UTF8') END
        $$;
        ALTER TABLE "AuditEntries"
            ALTER COLUMN "Changes" DROP NOT NULL,
            ALTER COLUMN "Changes" TYPE jsonb USING pg_temp.audit_expand_changes("Changes"),
            ALTER COLUMN "Hash" TYPE character varying(64) USING pg_temp.audit_hash_text("Hash"),
            ALTER COLUMN "PreviousHash" TYPE character varying(64) USING pg_temp.audit_hash_text("PreviousHash");
        DROP FUNCTION pg_temp.audit_expand_changes(text);
        DROP FUNCTION pg_temp.audit_hash_text(bytea);
        """;

    /// <summary>The audit trail's indexes, made again on the table that replaces it (<see cref="PartitionAuditEntries"/>).</summary>
    private const string AuditEntriesIndexes = """
        CREATE INDEX "IX_AuditEntries_ClinicId_At" ON "AuditEntries" ("ClinicId", "At");
        CREATE INDEX "IX_AuditEntries_ClinicId_ChainSequence" ON "AuditEntries" ("ClinicId", "ChainSequence");
        CREATE INDEX "IX_AuditEntries_ClinicId_EntityId" ON "AuditEntries" ("ClinicId", "EntityId");
        """;

    /// <summary>The audit trail's append-only triggers, made again on the table that replaces it.</summary>
    private const string AuditEntriesTriggers = """
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    /// <summary>
    /// The audit trail partitioned by month of <c>"At"</c> (UTC months), so that old months can leave the live database
    /// whole (<see cref="Auditing.AuditArchive"/>) instead of being deleted row by row. PostgreSQL cannot turn a table
    /// into a partitioned one in place: the table is renamed, a partitioned one with the same columns made, a partition
    /// made for each month that has rows, the rows copied and the old table dropped. The key becomes ("Id", "At")
    /// because a partitioned table's keys must contain the partition column. Rows whose month has no partition (a
    /// clock far off, months never prepared) go to a default partition rather than fail a save. The append-only triggers
    /// are made on the new table; PostgreSQL clones the row trigger onto every partition, present and future.
    /// <c>audit_entries_prepare_month</c> makes a month's partition; it runs as its owner (SECURITY DEFINER) so that the
    /// app role, which may create nothing, can keep the coming months ready (<see cref="Auditing.AuditMonths"/>).
    /// </summary>
    public const string PartitionAuditEntries = $$"""
        ALTER TABLE "AuditEntries" RENAME TO "AuditEntriesUnpartitioned";
        ALTER TABLE "AuditEntriesUnpartitioned" RENAME CONSTRAINT "PK_AuditEntries" TO "PK_AuditEntriesUnpartitioned";
        ALTER INDEX "IX_AuditEntries_ClinicId_At" RENAME TO "IX_AuditEntriesUnpartitioned_ClinicId_At";
        ALTER INDEX "IX_AuditEntries_ClinicId_ChainSequence" RENAME TO "IX_AuditEntriesUnpartitioned_ClinicId_ChainSequence";
        ALTER INDEX "IX_AuditEntries_ClinicId_EntityId" RENAME TO "IX_AuditEntriesUnpartitioned_ClinicId_EntityId";
        CREATE TABLE "AuditEntries" (LIKE "AuditEntriesUnpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE ("At");
        ALTER TABLE "AuditEntries" ADD CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Id", "At");
        {{AuditEntriesIndexes}}
        CREATE TABLE "AuditEntries_default" PARTITION OF "AuditEntries" DEFAULT;
        CREATE FUNCTION audit_entries_prepare_month(month timestamptz) RETURNS boolean
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            first timestamptz := date_trunc('month', month AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
            after timestamptz := (date_trunc('month', month AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
            name text := 'AuditEntries_' || to_char(month AT TIME ZONE 'UTC', 'YYYY_MM');
        BEGIN
            -- Instances preparing the same month at once take turns.
            PERFORM pg_advisory_xact_lock(hashtext('audit_entries_prepare_month'));
            IF to_regclass(quote_ident(name)) IS NOT NULL THEN
                RETURN false;
            END IF;
            -- Rows of that month already in the default partition would have to move first; they stay live there.
            IF EXISTS (SELECT 1 FROM "AuditEntries_default" WHERE "At" >= first AND "At" < after) THEN
                RETURN false;
            END IF;
            EXECUTE format('CREATE TABLE %I PARTITION OF "AuditEntries" FOR VALUES FROM (%L) TO (%L)', name, first, after);
            RETURN true;
        END $$;
        REVOKE ALL ON FUNCTION audit_entries_prepare_month(timestamptz) FROM PUBLIC;
        SELECT audit_entries_prepare_month(m) FROM (SELECT DISTINCT date_trunc('month', "At" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS m
            FROM "AuditEntriesUnpartitioned") AS months ORDER BY m;
        INSERT INTO "AuditEntries" SELECT * FROM "AuditEntriesUnpartitioned";
        DROP TABLE "AuditEntriesUnpartitioned";
        {{AuditEntriesTriggers}}
        """;

    /// <summary>Back to one table (see <see cref="PartitionAuditEntries"/>); archived months stay in their files.</summary>
    public const string UnpartitionAuditEntries = $$"""
        ALTER TABLE "AuditEntries" RENAME TO "AuditEntriesPartitioned";
        ALTER TABLE "AuditEntriesPartitioned" RENAME CONSTRAINT "PK_AuditEntries" TO "PK_AuditEntriesPartitioned";
        ALTER INDEX "IX_AuditEntries_ClinicId_At" RENAME TO "IX_AuditEntriesPartitioned_ClinicId_At";
        ALTER INDEX "IX_AuditEntries_ClinicId_ChainSequence" RENAME TO "IX_AuditEntriesPartitioned_ClinicId_ChainSequence";
        ALTER INDEX "IX_AuditEntries_ClinicId_EntityId" RENAME TO "IX_AuditEntriesPartitioned_ClinicId_EntityId";
        CREATE TABLE "AuditEntries" (LIKE "AuditEntriesPartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
        ALTER TABLE "AuditEntries" ADD CONSTRAINT "PK_AuditEntries" PRIMARY KEY ("Id");
        {{AuditEntriesIndexes}}
        INSERT INTO "AuditEntries" SELECT * FROM "AuditEntriesPartitioned";
        DROP TABLE "AuditEntriesPartitioned";
        DROP FUNCTION audit_entries_prepare_month(timestamptz);
        {{AuditEntriesTriggers}}
        """;

    /// <summary>The month partitions of the audit trail (not the default one), each with its first instant.</summary>
    public const string AuditMonthPartitions = """
        SELECT c.relname::text AS "Name",
            to_timestamp(substring(c.relname from 'AuditEntries_(\d{4}_\d{2})$'), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC' AS "MonthStart"
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = '"AuditEntries"'::regclass AND c.relname ~ '^AuditEntries_\d{4}_\d{2}$'
        ORDER BY 2
        """;

    /// <summary>
    /// The rows of one archived month that the live chains still need (<see cref="Auditing.AuditArchiveLink"/>): each
    /// row whose next row in its chain is not in the same month, from <paramref name="partition"/> (a name read from the
    /// catalogue), @month the archive's id. Hashes as the app reads them (<see cref="Auditing.AuditStorage.HashText"/>).
    /// </summary>
    public static string InsertAuditArchiveLinks(string partition) => $"""
        INSERT INTO "AuditArchiveLinks" ("Chain", "Sequence", "Hash", "ArchiveMonthId")
        SELECT 'AuditEntries/' || a."ClinicId"::text, a."ChainSequence",
            CASE WHEN length(a."Hash") = 32 THEN encode(a."Hash", 'hex') ELSE convert_from(a."Hash", 'UTF8') END, @month
        FROM "{partition}" AS a
        WHERE a."ChainSequence" IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM "{partition}" AS b WHERE b."ClinicId" = a."ClinicId" AND b."ChainSequence" = a."ChainSequence" + 1)
        ON CONFLICT ("Chain", "Sequence") DO NOTHING
        """;

    public override string Name => "PostgreSQL";

    /// <summary>
    /// PostgreSQL's privileges: the role may use the schema and its sequences (identity columns), read and write the
    /// tables, and only read and insert into the append-only ones. Not owning the tables, it cannot TRUNCATE, ALTER
    /// (disable a trigger) or DROP them; not a superuser, it cannot set session_replication_role to skip triggers.
    /// </summary>
    public override string? RoleOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Username;

    public override string GrantAppRole(string role)
    {
        var quoted = $"\"{PlainRoleName(role)}\"";
        var appendOnly = string.Join(", ", AppendOnlyTables.Select(t => $"\"{t}\""));
        var readOnly = string.Join(", ", ReadOnlyTables.Select(t => $"\"{t}\""));
        return $"""
            GRANT USAGE ON SCHEMA public TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted};
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {appendOnly} FROM {quoted};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {readOnly} FROM {quoted};
            DO $$
            DECLARE partition regclass;
            BEGIN
                -- The trail's partitions are reached through "AuditEntries" only, whose privileges are the ones checked.
                FOR partition IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = '"AuditEntries"'::regclass LOOP
                    EXECUTE format('REVOKE ALL ON %s FROM %I', partition, '{PlainRoleName(role)}');
                END LOOP;
            END $$;
            GRANT EXECUTE ON FUNCTION audit_entries_prepare_month(timestamptz) TO {quoted};
            """;
    }

    protected override string EfProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override string DesignTimeConnectionString => "Host=127.0.0.1;Database=retrowalk_design";

    public override void Use(DbContextOptionsBuilder options, string connectionString, DatabaseOptions? settings = null)
    {
        settings ??= new DatabaseOptions();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!SetsPoolSize(connectionString))
        {
            builder.MaxPoolSize = settings.MaxPoolSize;
        }
        // PostgreSQL compiles a query with its JIT when the planner's cost estimate is high. The dashboard flags' per-
        // programme look-ups are estimated in the millions while they run in milliseconds: on a clinic of 100,000
        // patients JIT compilation took 1.55 s of a 1.68 s query. The app sends only short, indexed queries, for which
        // JIT never pays, so its connections turn it off (unless the connection string sets options itself).
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }
        options.UseNpgsql(builder.ConnectionString, npgsql => npgsql
            .EnableRetryOnFailure(settings.MaxRetryCount, settings.MaxRetryDelay, errorCodesToAdd: null)
            .MigrationsAssembly(MigrationsAssembly));
    }

    /// <summary>ICU's root collation ("und" = no particular language), which PostgreSQL built with ICU provides.</summary>
    public override string NameCollation => "und-x-icu";

    public override void ConfigureModel(ModelBuilder builder)
    {
        // One ongoing programme per patient, even for two assignments at the same moment.
        builder.Entity<Programme>().HasIndex(p => p.PatientId, Programme.OneOngoingPerPatientIndex)
            .HasFilter($"\"Status\" IN ({OngoingProgrammeStatusLiterals()})");
        UseNameCollation(builder);

        // Patient search matches any part of the folded names and record number (LIKE '%term%'), which a B-tree cannot
        // serve: at 100,000 patients every search read the whole table. A trigram GIN index finds the rows holding a term
        // of three or more characters. pg_trgm is a trusted extension (PostgreSQL 13 and later), so the owner role that
        // runs the migrations may create it without being a superuser; the app role only uses the index.
        builder.HasPostgresExtension(TrigramExtension);
        builder.Entity<Patient>().HasIndex(p => p.SearchText, PatientSearchTrigramIndex).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    public const string TrigramExtension = "pg_trgm";
    public const string PatientSearchTrigramIndex = "IX_Patients_SearchText_Trigram";

    /// <summary>
    /// FOR UPDATE SKIP LOCKED locks the chosen row for this transaction and passes over rows other workers have
    /// locked, so concurrent claims take different jobs without blocking. The outer UPDATE runs in the same
    /// statement, so the claim is one atomic step.
    /// </summary>
    public override FormattableString ClaimNextJob(string worker, DateTimeOffset now, DateTimeOffset staleBefore) => $$"""
        UPDATE "BackgroundJobs"
        SET "State" = 'Running', "ClaimedBy" = {{worker}}, "HeartbeatAt" = {{now}}, "Attempts" = "Attempts" + 1
        WHERE "Id" = (
            SELECT "Id" FROM "BackgroundJobs"
            WHERE "State" = 'Queued' OR ("State" = 'Running' AND "HeartbeatAt" < {{staleBefore}})
            ORDER BY "CreatedAt"
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING "Id" AS "Value"
        """;

    public override FormattableString? PrepareAuditMonth(DateTimeOffset month) =>
        $"SELECT audit_entries_prepare_month({month}) AS \"Value\"";

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
