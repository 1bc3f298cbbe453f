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

    /// <summary>Apply pending migrations at start-up (on in appsettings.Development.json).</summary>
    public bool MigrateOnStartup { get; set; }
}

public static class Database
{
    public static IHostApplicationBuilder AddRetroWalkDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString("RetroWalk"))
            .ValidateDataAnnotations()
            .Validate(options => DatabaseProvider.Named(options.Provider) is not null,
                $"Database:Provider must be one of: {string.Join(", ", DatabaseProvider.All.Select(p => p.Name))}.")
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        // One context per operation (a circuit lives for hours). Scoped so that each context sees the
        // current user of its request or circuit for the clinic query filter and the audit trail.
        builder.Services.AddDbContextFactory<RetroWalkDbContext>((sp, options) =>
            {
                var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                DatabaseProvider.Named(database.Provider)!.Use(options, database.ConnectionString!);
                options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            },
            ServiceLifetime.Scoped);
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContext());

        builder.Services.AddHealthChecks().AddDbContextCheck<RetroWalkDbContext>("database");
        return builder;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = DatabaseProvider.Named(scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider)!;
        MigrationsAssemblies.Load(provider);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await PrepareForFirstMigrationAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
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
