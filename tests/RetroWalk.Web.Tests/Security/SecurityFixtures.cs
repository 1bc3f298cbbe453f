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

/// <summary>Production sign-in rules on the app's test clock, which these tests move (lockout waits).</summary>
public sealed class SecurityClockFixture : RetroWalkApp
{
    public SecurityClockFixture() => WithProductionSignInDefaults();
}
