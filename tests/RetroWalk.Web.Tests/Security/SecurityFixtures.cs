using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Security;

/// <summary>The app on a real listener with sign-in throttling and the two-factor requirement as a deployment gets them.</summary>
public sealed class ProductionSignInFixture : RetroWalkApp
{
    public ProductionSignInFixture()
    {
        WithKestrel();
        WithProductionSignInDefaults();
    }
}

/// <summary>Production sign-in rules on the app's fake clock, which the test moves (lockout waits, idle time, revalidation).</summary>
public sealed class SecurityClockFixture : RetroWalkApp
{
    public SecurityClockFixture() => WithProductionSignInDefaults();
}
