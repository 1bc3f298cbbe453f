using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Data;

/// <summary>Used only by <c>dotnet ef</c> to build the model for migrations; needs no running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RetroWalkDbContext>
{
    public RetroWalkDbContext CreateDbContext(string[] args)
    {
        // Identity reads its table layout from the application's IdentityOptions; give it the app's.
        var appServices = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = RetroWalkDbContext.IdentitySchema)
            .BuildServiceProvider();
        return new(new DbContextOptionsBuilder<RetroWalkDbContext>()
                .UseNpgsql("Host=127.0.0.1;Database=retrowalk_design")
                .UseApplicationServiceProvider(appServices)
#pragma warning disable RS0030 // design time (dotnet ef) has no app services: the system clock is the only one
                .AddInterceptors(new AuditInterceptor(TimeProvider.System))
#pragma warning restore RS0030
                .Options,
            new CurrentUser());
    }
}
