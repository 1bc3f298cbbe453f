using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Data;

/// <summary>
/// The context as <c>dotnet ef</c> sees it, for one provider: the app's model, no running database.
/// Each migrations project's design-time factory calls this with its provider; the tests use it to
/// compare a provider's model with its migrations and to generate its migration script.
/// </summary>
public static class DesignTimeContext
{
    /// <param name="connectionString">A database to migrate or read (tests); by default none, as for <c>dotnet ef</c>.</param>
    public static RetroWalkDbContext Create(DatabaseProvider provider, string? connectionString = null)
    {
        // Identity reads its table layout from the application's IdentityOptions; give it the app's.
        var appServices = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = RetroWalkDbContext.IdentitySchema)
            .BuildServiceProvider();
        var options = new DbContextOptionsBuilder<RetroWalkDbContext>();
        provider.Use(options, connectionString ?? provider.DesignTimeConnectionString);
        return new(options
                .UseApplicationServiceProvider(appServices)
#pragma warning disable RS0030 // design time (dotnet ef) has no app services: the system clock is the only one
                .AddInterceptors(new AuditInterceptor(TimeProvider.System))
#pragma warning restore RS0030
                .Options,
            new CurrentUser());
    }
}
