using Microsoft.EntityFrameworkCore;
using Npgsql;
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

    public override string Name => "PostgreSQL";

    protected override string EfProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override string DesignTimeConnectionString => "Host=127.0.0.1;Database=retrowalk_design";

    public override void Use(DbContextOptionsBuilder options, string connectionString, DatabaseOptions? settings = null)
    {
        settings ??= new DatabaseOptions();
        var pooled = SetsPoolSize(connectionString)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = settings.MaxPoolSize }.ConnectionString;
        options.UseNpgsql(pooled, npgsql => npgsql
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
    }

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
