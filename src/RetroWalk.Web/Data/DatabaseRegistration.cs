using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Bound from <c>ConnectionStrings:RetroWalk</c>.</summary>
    [Required(ErrorMessage = "No database is configured. Set ConnectionStrings:RetroWalk (environment variable ConnectionStrings__RetroWalk) to a PostgreSQL connection string, or start the app with scripts/run.sh, which starts a private PostgreSQL server.")]
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
            .ValidateOnStart();

        builder.Services.AddClinicClock();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        // One context per operation (a circuit lives for hours). Scoped so that each context sees the
        // current user of its request or circuit for the clinic query filter and the audit trail.
        builder.Services.AddDbContextFactory<RetroWalkDbContext>((sp, options) =>
            {
                var connectionString = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
                options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3))
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            },
            ServiceLifetime.Scoped);
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContext());

        builder.Services.AddHealthChecks().AddDbContextCheck<RetroWalkDbContext>("database");
        return builder;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
