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
    /// The audit trail's stored form made compact (<see cref="Auditing.AuditStorage"/>): each row's changes from EF Core's
    /// JSON objects (<c>[{"Field":…,"From":null,"To":…}]</c>) to arrays (<c>[["Field","To"]]</c>), and its hashes from 64
    /// hexadecimal characters to their 32 bytes (new columns, filled, then renamed: T-SQL cannot convert a column's
    /// values as it changes its type). Rewriting the rows is an UPDATE, which the append-only trigger refuses, so the
    /// trigger is disabled for it and enabled again in the same batch, inside the migration's transaction: if anything
    /// fails, the rows and the trigger are as they were. Only the owner role that runs the migrations may do this; the app
    /// role may not. Values that are not a lower-case hex hash (the app writes none) are kept as their bytes.
    /// Each step runs through EXEC: a batch cannot use a column added in the same batch, and EF's idempotent script
    /// wraps each statement in IF NOT EXISTS (...) BEGIN ... END.
    /// </summary>
    public const string CompactAuditEntries = """
        EXEC(N'ALTER TABLE [AuditEntries] ADD [HashBytes] varbinary(256) NULL, [PreviousHashBytes] varbinary(256) NULL;');
        EXEC(N'DISABLE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries];
        UPDATE [AuditEntries] SET
            [Changes] = (SELECT N''['' + COALESCE(STRING_AGG(CAST(N''["'' + STRING_ESCAPE(v.[Field], ''json'') + N''"''
                    + CASE WHEN v.[From] IS NULL THEN N'''' ELSE N'',"'' + STRING_ESCAPE(v.[From], ''json'') + N''"'' END
                    + CASE WHEN v.[To] IS NULL THEN N'',null]'' ELSE N'',"'' + STRING_ESCAPE(v.[To], ''json'') + N''"]'' END
                    AS nvarchar(max)), N'','') WITHIN GROUP (ORDER BY CAST(c.[key] AS int)), N'''') + N'']''
                FROM OPENJSON(COALESCE([Changes], N''[]'')) AS c
                CROSS APPLY OPENJSON(c.[value]) WITH ([Field] nvarchar(max) ''$.Field'', [From] nvarchar(max) ''$.From'', [To] nvarchar(max) ''$.To'') AS v),
            [HashBytes] = CASE WHEN LEN([Hash]) = 64 AND [Hash] COLLATE Latin1_General_100_BIN2 NOT LIKE N''%[^0-9a-f]%''
                THEN CONVERT(varbinary(256), CAST([Hash] AS varchar(64)), 2) ELSE CAST(CAST([Hash] AS varchar(64)) AS varbinary(256)) END,
            [PreviousHashBytes] = CASE WHEN LEN([PreviousHash]) = 64 AND [PreviousHash] COLLATE Latin1_General_100_BIN2 NOT LIKE N''%[^0-9a-f]%''
                THEN CONVERT(varbinary(256), CAST([PreviousHash] AS varchar(64)), 2) ELSE CAST(CAST([PreviousHash] AS varchar(64)) AS varbinary(256)) END;
        ENABLE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries];');
        EXEC(N'ALTER TABLE [AuditEntries] DROP COLUMN [Hash], [PreviousHash];');
        EXEC(N'EXEC sp_rename N''[AuditEntries].[HashBytes]'', N''Hash'', N''COLUMN'';
        EXEC sp_rename N''[AuditEntries].[PreviousHashBytes]'', N''PreviousHash'', N''COLUMN'';');
        EXEC(N'ALTER TABLE [AuditEntries] ALTER COLUMN [Changes] nvarchar(max) NOT NULL;');
        """;

    /// <summary>Back to EF Core's JSON objects and hexadecimal hashes, the same way (see <see cref="CompactAuditEntries"/>).</summary>
    public const string ExpandAuditEntries = """
        EXEC(N'ALTER TABLE [AuditEntries] ALTER COLUMN [Changes] nvarchar(max) NULL;');
        EXEC(N'ALTER TABLE [AuditEntries] ADD [HashText] nvarchar(64) NULL, [PreviousHashText] nvarchar(64) NULL;');
        EXEC(N'DISABLE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries];
        UPDATE [AuditEntries] SET
            [Changes] = (SELECT N''['' + COALESCE(STRING_AGG(CAST(CASE WHEN c.[type] = 5 THEN c.[value] ELSE
                    N''{"Field":"'' + STRING_ESCAPE(v.[Field], ''json'') + N''","From":''
                    + CASE WHEN v.[From] IS NULL THEN N''null'' ELSE N''"'' + STRING_ESCAPE(v.[From], ''json'') + N''"'' END
                    + N'',"To":'' + CASE WHEN v.[To] IS NULL THEN N''null'' ELSE N''"'' + STRING_ESCAPE(v.[To], ''json'') + N''"'' END + N''}'' END
                    AS nvarchar(max)), N'','') WITHIN GROUP (ORDER BY CAST(c.[key] AS int)), N'''') + N'']''
                FROM OPENJSON([Changes]) AS c
                CROSS APPLY (SELECT COUNT(*) AS [N] FROM OPENJSON(c.[value])) AS k
                CROSS APPLY (SELECT
                    (SELECT [value] FROM OPENJSON(c.[value]) WHERE [key] = N''0'') AS [Field],
                    CASE WHEN k.[N] = 3 THEN (SELECT [value] FROM OPENJSON(c.[value]) WHERE [key] = N''1'') END AS [From],
                    (SELECT [value] FROM OPENJSON(c.[value]) WHERE [key] = CAST(k.[N] - 1 AS nvarchar(4))) AS [To]) AS v),
            [HashText] = CASE WHEN DATALENGTH([Hash]) = 32 THEN LOWER(CONVERT(varchar(64), [Hash], 2)) ELSE CAST(CAST([Hash] AS varchar(64)) AS nvarchar(64)) END,
            [PreviousHashText] = CASE WHEN DATALENGTH([PreviousHash]) = 32 THEN LOWER(CONVERT(varchar(64), [PreviousHash], 2)) ELSE CAST(CAST([PreviousHash] AS varchar(64)) AS nvarchar(64)) END;
        ENABLE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries];');
        EXEC(N'ALTER TABLE [AuditEntries] DROP COLUMN [Hash], [PreviousHash];');
        EXEC(N'EXEC sp_rename N''[AuditEntries].[HashText]'', N''Hash'', N''COLUMN'';
        EXEC sp_rename N''[AuditEntries].[PreviousHashText]'', N''PreviousHash'', N''COLUMN'';');
        """;

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
            {string.Join("\n", ReadOnlyTables.Select(t => $"DENY INSERT, UPDATE, DELETE ON [dbo].[{t}] TO [{name}];"))}
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
