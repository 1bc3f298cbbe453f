using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Data.Providers;

/// <summary>
/// A database RetroWalk runs on, chosen by the setting <c>Database:Provider</c>. One subclass per provider
/// holds everything that differs between them: how to connect, the SQL that the model and the migrations
/// cannot say in a provider-neutral way, and how the provider reports a unique-key violation. Everything
/// else (queries, the <see cref="ClinicalRecord.Version"/> concurrency token, search folding in
/// <see cref="Infrastructure.SearchText"/>) is provider-neutral and shared.
/// </summary>
public abstract class DatabaseProvider
{
    public static readonly PostgreSqlProvider PostgreSql = new();
    public static readonly SqlServerProvider SqlServer = new();

    public static IReadOnlyList<DatabaseProvider> All { get; } = [PostgreSql, SqlServer];

    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The assembly holding this provider's migrations (project <c>src/RetroWalk.Migrations.{Name}</c>).</summary>
    public string MigrationsAssembly => $"RetroWalk.Migrations.{Name}";

    /// <summary>EF Core's name of the provider, as <c>DbContext.Database.ProviderName</c> reports it.</summary>
    protected abstract string EfProviderName { get; }

    /// <summary>A connection string that is never opened: generating migrations and scripts needs no server.</summary>
    public abstract string DesignTimeConnectionString { get; }

    /// <summary>
    /// Connects the context to this provider, with its migrations assembly, retries on transient faults and the
    /// connection pool capped (see <see cref="DatabaseOptions"/>; its defaults when <paramref name="settings"/> is null).
    /// </summary>
    public abstract void Use(DbContextOptionsBuilder options, string connectionString, DatabaseOptions? settings = null);

    /// <summary>Whether the connection string sizes the pool itself (which then wins over <see cref="DatabaseOptions.MaxPoolSize"/>).</summary>
    protected static bool SetsPoolSize(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal) is var compact
            && (compact.Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase) || compact.Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The model's provider-specific SQL (index filters).</summary>
    public abstract void ConfigureModel(ModelBuilder builder);

    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// The collation people's names sort by: the Unicode Collation Algorithm's root order, in which "Ánh",
    /// "Çağlayan" and "Ó Briain" sort among the A, C and O names, not after "Wiśniewska" as code points would.
    /// </summary>
    public abstract string NameCollation { get; }

    /// <summary>Patients' names compare and sort by <see cref="NameCollation"/> (lists, their index).</summary>
    protected void UseNameCollation(ModelBuilder builder) =>
        builder.Entity<Patient>(patient =>
        {
            patient.Property(p => p.FamilyName).UseCollation(NameCollation);
            patient.Property(p => p.GivenName).UseCollation(NameCollation);
        });

    /// <summary>
    /// One statement that claims the oldest job no live worker holds (queued, or running with a heartbeat older
    /// than <paramref name="staleBefore"/>) for <paramref name="worker"/> and returns its id as the column
    /// <c>Value</c>; no row when there is none. Rows another worker is claiming at the same moment are skipped,
    /// not waited for, so instances never claim the same job and never queue behind each other.
    /// </summary>
    public abstract FormattableString ClaimNextJob(string worker, DateTimeOffset now, DateTimeOffset staleBefore);

    /// <summary>
    /// A statement that makes the audit trail's partition for the month of <paramref name="month"/> if it is missing
    /// (returns whether it made one, as the column <c>Value</c>); null where the trail is not partitioned by month.
    /// </summary>
    public virtual FormattableString? PrepareAuditMonth(DateTimeOffset month) => null;

    /// <summary>
    /// The tables the app role may only read and append to: the audit trail and the access log. Every other table
    /// it may read and write; the migrations history it may only read.
    /// </summary>
    public static IReadOnlyList<string> AppendOnlyTables { get; } = ["AuditEntries", "AccessEvents"];

    /// <summary>
    /// The tables the app role may only read: the migrations history, and the record of the audit trail's archived
    /// months with the links its chain check reads (written only by the owner's <c>archive-audit</c>).
    /// </summary>
    public static IReadOnlyList<string> ReadOnlyTables { get; } = ["__EFMigrationsHistory", "AuditArchiveMonths", "AuditArchiveLinks"];

    /// <summary>
    /// SQL, run by the database owner after the migrations, that gives the app's role what it needs and no more:
    /// no table ownership (so no ALTER, DROP, TRUNCATE or trigger switching), SELECT and INSERT only on
    /// <see cref="AppendOnlyTables"/>, SELECT only on <see cref="ReadOnlyTables"/>. Idempotent: new tables of a later migration get the same grants on the next run.
    /// </summary>
    public abstract string GrantAppRole(string role);

    /// <summary>The role (login) a connection string signs in as; null for integrated security.</summary>
    public abstract string? RoleOf(string connectionString);

    /// <summary>A role name from a connection string, refused unless plain (letters, digits, underscore), since it becomes SQL.</summary>
    protected static string PlainRoleName(string role) =>
        System.Text.RegularExpressions.Regex.IsMatch(role, "^[A-Za-z_][A-Za-z0-9_]{0,62}$")
            ? role
            : throw new InvalidOperationException($"The app's database role \"{role}\" must be made of letters, digits and underscores.");

    /// <summary>The provider of that name (any case); a blank setting means the default, PostgreSQL.</summary>
    public static DatabaseProvider? Named(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? PostgreSql
            : All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static DatabaseProvider Of(DatabaseFacade database) =>
        All.FirstOrDefault(p => p.EfProviderName == database.ProviderName)
        ?? throw new NotSupportedException($"RetroWalk does not support the database provider {database.ProviderName}.");

    /// <summary>The statuses of an ongoing programme as SQL string literals, for the one-ongoing-programme index.</summary>
    protected static string OngoingProgrammeStatusLiterals(string prefix = "") =>
        string.Join(", ", ProgrammeStatuses.Ongoing.Select(s => $"{prefix}'{s}'"));
}
