using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Security;

/// <summary>The app with sign-in throttling and the two-factor requirement as a deployment gets them.</summary>
public sealed class ProductionSignInFixture : RetroWalkApp
{
    public ProductionSignInFixture() => WithProductionSignInDefaults();
}

/// <summary>Production sign-in rules on a clock the test moves (lockout waits, idle time, revalidation).</summary>
public sealed class SecurityClockFixture : RetroWalkApp
{
    public SecurityClockFixture() => WithProductionSignInDefaults();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
