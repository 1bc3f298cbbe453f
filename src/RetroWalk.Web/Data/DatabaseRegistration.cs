using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>PostgreSQL</c> (default) or <c>SqlServer</c>; see <see cref="DatabaseProvider"/>.</summary>
    public string Provider { get; set; } = DatabaseProvider.PostgreSql.Name;

    /// <summary>Bound from <c>ConnectionStrings:RetroWalk</c>.</summary>
    [Required(ErrorMessage = "No database is configured. Set ConnectionStrings:RetroWalk (environment variable ConnectionStrings__RetroWalk) to a connection string for Database:Provider (PostgreSQL by default, or SqlServer), or start the app with scripts/run.sh, which starts a private PostgreSQL server.")]
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Bound from <c>ConnectionStrings:RetroWalkOwner</c>: the role that owns the tables, used only to apply the
    /// migrations (the <c>migrate</c> command, or <see cref="MigrateOnStartup"/>) and then to grant the app's role
    /// (the one of <see cref="ConnectionString"/>) what it needs. Without it the app's own connection migrates and
    /// no grants are made (a single-role database, as before).
    /// </summary>
    public string? OwnerConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (on in appsettings.Development.json).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// Connections one app instance may hold. PostgreSQL accepts 100 by default, three of them kept for
    /// superusers; 30 per instance leaves room for three instances, the migration one-shot and an operator's
    /// psql. With more instances, lower this or raise the server's max_connections. A "Maximum Pool Size"
    /// in the connection string wins over this setting.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>
    /// How often a failed database operation is retried when the error is transient (the server restarting,
    /// a dropped connection). With the default delays (0, 1, 3 and 5 s) four retries ride out an outage of
    /// about nine seconds before a save reports that the database is not reachable.
    /// </summary>
    [Range(0, 20)]
    public int MaxRetryCount { get; set; } = 4;

    /// <summary>The longest wait between two retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

public static class Database
{
    public static IHostApplicationBuilder AddRetroWalkDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ConnectionString ??= configuration.GetConnectionString("RetroWalk");
                options.OwnerConnectionString ??= configuration.GetConnectionString("RetroWalkOwner");
            })
            .ValidateDataAnnotations()
            .Validate(options => DatabaseProvider.Named(options.Provider) is not null,
                $"Database:Provider must be one of: {string.Join(", ", DatabaseProvider.All.Select(p => p.Name))}.")
            .ValidateOnStart();

        builder.Services.AddClinicClock();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddHostedService<AuditMonths>();
        builder.Services.AddScoped<AuditArchive>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        // One context per operation (a circuit lives for hours). Scoped so that each context sees the
        // current user of its request or circuit for the clinic query filter and the audit trail.
        // The retrying execution strategy replays a whole operation after a transient error. Code that opens its
        // own transaction must run it through db.Database.CreateExecutionStrategy() (see InTransactionAsync).
        builder.Services.AddDbContextFactory<RetroWalkDbContext>((sp, options) =>
            {
                var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                DatabaseProvider.Named(database.Provider)!.Use(options, database.ConnectionString!, database);
                options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            },
            ServiceLifetime.Scoped);
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContext());

        builder.Services.AddHealthChecks().AddDbContextCheck<RetroWalkDbContext>("database", tags: [HealthEndpoints.ReadinessTag]);
        return builder;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction the caller controls, as one retriable unit: after a transient
    /// error the retrying strategy rolls back and runs all of it again, so <paramref name="work"/> must start
    /// from the database's state (no tracked changes carried over from before).
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this RetroWalkDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    /// <summary>
    /// Applies the migrations as the owner role when one is configured, then grants the app's role its least
    /// privileges (<see cref="DatabaseProvider.GrantAppRole"/>).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var provider = DatabaseProvider.Named(settings.Provider)!;
        MigrationsAssemblies.Load(provider);
        var owner = string.IsNullOrWhiteSpace(settings.OwnerConnectionString) ? null : settings.OwnerConnectionString;
        await using var db = owner is null
            ? await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(cancellationToken)
            : OwnerContext(provider, owner, settings, scope.ServiceProvider);
        await PrepareForFirstMigrationAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (owner is not null && provider.RoleOf(settings.ConnectionString!) is { } appRole
            && !string.Equals(appRole, provider.RoleOf(owner), StringComparison.Ordinal))
        {
            await db.Database.ExecuteSqlRawAsync(provider.GrantAppRole(appRole), cancellationToken);
        }
        await AuditMonths.PrepareAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
    }

    /// <summary>The app's context (its model reads the app's Identity options) connected as the owner role.</summary>
    private static RetroWalkDbContext OwnerContext(DatabaseProvider provider, string connectionString, DatabaseOptions settings, IServiceProvider services)
    {
        var options = new DbContextOptionsBuilder<RetroWalkDbContext>().UseApplicationServiceProvider(services);
        provider.Use(options, connectionString, settings);
        return new RetroWalkDbContext(options.Options, services.GetRequiredService<ICurrentUser>());
    }

    /// <summary>
    /// Creates the database and the (empty) migrations history table if they are missing, with the
    /// provider's own existence checks. Migrate would create both too, but on PostgreSQL it first probes for
    /// them by trying to read the history, and EF logs that expected failure as an error on every first start.
    /// </summary>
    private static async Task PrepareForFirstMigrationAsync(RetroWalkDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
    }

    /// <summary>A save refused by a unique index or constraint, on whichever provider.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        DatabaseProvider.All.Any(p => p.IsUniqueViolation(exception));
}
