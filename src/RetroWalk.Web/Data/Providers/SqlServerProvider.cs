using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Data.Providers;

/// <summary>
/// Microsoft SQL Server (2022 and later), for clinics that already run one.
/// The SQL here is T-SQL: bracketed identifiers, N'' literals, a trigger that throws, error numbers.
/// The migrations in src/RetroWalk.Migrations.SqlServer use these texts; changing one changes what a new
/// database gets, never what an existing one already has.
/// </summary>
public sealed class SqlServerProvider : DatabaseProvider
{
    /// <summary>
    /// The audit trail is append-only in the database too, whatever the application does: an UPDATE or
    /// DELETE on it fails and rolls back (an error in a trigger aborts the whole transaction).
    /// Run through EXEC because CREATE TRIGGER must begin a batch of its own, and EF's idempotent migration
    /// script puts each statement inside IF NOT EXISTS (...) BEGIN ... END.
    /// </summary>
    public const string CreateAuditAppendOnlyTrigger = """
        EXEC(N'CREATE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries]
        AFTER UPDATE, DELETE
        AS
        BEGIN
            SET NOCOUNT ON;
            THROW 51000, ''Audit entries are append-only'', 1;
        END');
        """;

    public const string DropAuditAppendOnlyTrigger = "DROP TRIGGER IF EXISTS [AuditEntries_AppendOnly];";

    /// <summary>
    /// Keys for the record numbers already stored, as near as T-SQL gets to
    /// <see cref="Infrastructure.FieldText.RecordNumberKey"/> (it has no Unicode normalisation): white space,
    /// soft hyphens, zero-width characters and byte-order marks removed (compared in binary, since linguistic
    /// collations ignore some of them), upper case. Where two patients of a clinic already share a key, the
    /// later one's key gets its id appended so that the unique index can be built.
    /// Run through EXEC so that the idempotent script can wrap it in IF NOT EXISTS (...) BEGIN ... END.
    /// </summary>
    public const string FillRecordNumberKeys = """
        EXEC(N'UPDATE [Patients] SET [RecordNumberKey] = UPPER(
            REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
                [RecordNumber] COLLATE Latin1_General_100_BIN2,
                N'' '', N''''), NCHAR(9), N''''), NCHAR(160), N''''), NCHAR(173), N''''), NCHAR(8203), N''''),
                NCHAR(8204), N''''), NCHAR(8205), N''''), NCHAR(8288), N''''), NCHAR(65279), N''''));
        WITH [Duplicates] AS (
            SELECT [RecordNumberKey], [Id], ROW_NUMBER() OVER (PARTITION BY [ClinicId], [RecordNumberKey] ORDER BY [Id]) AS [N]
            FROM [Patients])
        UPDATE [Duplicates] SET [RecordNumberKey] = LEFT([RecordNumberKey], 120) + N''~'' + CONVERT(nvarchar(36), [Id])
        WHERE [N] > 1;');
        """;

    /// <summary>An issued report's PDF is written once: an UPDATE or DELETE on it fails and rolls back.</summary>
    public const string CreateReportPdfWriteOnceTrigger = """
        EXEC(N'CREATE TRIGGER [ReportPdfs_WriteOnce] ON [ReportPdfs]
        AFTER UPDATE, DELETE
        AS
        BEGIN
            SET NOCOUNT ON;
            THROW 51001, ''Issued report PDFs cannot be changed or removed'', 1;
        END');
        """;

    public const string DropReportPdfWriteOnceTrigger = "DROP TRIGGER IF EXISTS [ReportPdfs_WriteOnce];";

    /// <summary>The access log is append-only like the audit trail: an UPDATE or DELETE on it fails and rolls back.</summary>
    public const string CreateAccessEventsAppendOnlyTrigger = """
        EXEC(N'CREATE TRIGGER [AccessEvents_AppendOnly] ON [AccessEvents]
        AFTER UPDATE, DELETE
        AS
        BEGIN
            SET NOCOUNT ON;
            THROW 51002, ''Access events are append-only'', 1;
        END');
        """;

    public const string DropAccessEventsAppendOnlyTrigger = "DROP TRIGGER IF EXISTS [AccessEvents_AppendOnly];";

    /// <summary>
    /// SQL Server's permissions: a database user for the app's login, read and write on the schema, and DENY (which
    /// wins over the schema grant) of UPDATE and DELETE on the append-only tables and of writes to the migrations
    /// history. Without ALTER it can neither TRUNCATE a table nor disable a trigger.
    /// </summary>
    public override string? RoleOf(string connectionString) =>
        new SqlConnectionStringBuilder(connectionString).UserID is { Length: > 0 } user ? user : null;

    public override string GrantAppRole(string role)
    {
        var name = PlainRoleName(role);
        var denies = string.Join("\n", AppendOnlyTables.Select(t => $"DENY UPDATE, DELETE ON [dbo].[{t}] TO [{name}];"));
        return $"""
            IF USER_ID(N'{name}') IS NULL EXEC(N'CREATE USER [{name}] FOR LOGIN [{name}]');
            GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::[dbo] TO [{name}];
            {denies}
            DENY INSERT, UPDATE, DELETE ON [dbo].[__EFMigrationsHistory] TO [{name}];
            """;
    }

    /// <summary>SQL Server's errors for a duplicate key: 2601 in a unique index, 2627 in a unique constraint.</summary>
    private static readonly int[] UniqueViolationNumbers = [2601, 2627];

    public override string Name => "SqlServer";

    protected override string EfProviderName => "Microsoft.EntityFrameworkCore.SqlServer";

    public override string DesignTimeConnectionString => "Server=127.0.0.1;Database=retrowalk_design;TrustServerCertificate=true";

    public override void Use(DbContextOptionsBuilder options, string connectionString, DatabaseOptions? settings = null)
    {
        settings ??= new DatabaseOptions();
        var pooled = SetsPoolSize(connectionString)
            ? connectionString
            : new SqlConnectionStringBuilder(connectionString) { MaxPoolSize = settings.MaxPoolSize }.ConnectionString;
        options.UseSqlServer(pooled, sql => sql
            .EnableRetryOnFailure(settings.MaxRetryCount, settings.MaxRetryDelay, errorNumbersToAdd: null)
            .MigrationsAssembly(MigrationsAssembly));
    }

    /// <summary>
    /// A Windows (Unicode) collation of SQL Server 2008 and later: linguistic order over all scripts, case-insensitive
    /// and accent-sensitive, with supplementary characters as single characters.
    /// </summary>
    public override string NameCollation => "Latin1_General_100_CI_AS_SC";

    public override void ConfigureModel(ModelBuilder builder)
    {
        // One ongoing programme per patient, even for two assignments at the same moment.
        builder.Entity<Programme>().HasIndex(p => p.PatientId, Programme.OneOngoingPerPatientIndex)
            .HasFilter($"[Status] IN ({OngoingProgrammeStatusLiterals("N")})");
        UseNameCollation(builder);
        // No index for patient search here: SQL Server has no trigram index, a B-tree cannot serve LIKE '%term%', and the
        // folded search text is too long for an index key. Its equivalent, a full-text index, needs a full-text catalog
        // and cannot be created inside a migration's transaction; a DBA adds one where a clinic is that large.
    }

    /// <summary>
    /// UPDLOCK holds the chosen row until the statement ends, READPAST skips rows other workers hold (SQL Server's
    /// SKIP LOCKED), ROWLOCK keeps the lock to that row; the update through the common table expression claims it
    /// in the same statement and OUTPUT returns its id.
    /// </summary>
    public override FormattableString ClaimNextJob(string worker, DateTimeOffset now, DateTimeOffset staleBefore) => $$"""
        WITH next AS (
            SELECT TOP (1) * FROM [BackgroundJobs] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE [State] = N'Queued' OR ([State] = N'Running' AND [HeartbeatAt] < {{staleBefore}})
            ORDER BY [CreatedAt])
        UPDATE next
        SET [State] = N'Running', [ClaimedBy] = {{worker}}, [HeartbeatAt] = {{now}}, [Attempts] = [Attempts] + 1
        OUTPUT inserted.[Id] AS [Value];
        """;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqlException sql && UniqueViolationNumbers.Contains(sql.Number);
}
