using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// Probes for orchestrators and load balancers, anonymous and saying only "Healthy" or "Unhealthy":
/// <c>/health/live</c> checks nothing but that the process answers (restart it when this fails);
/// <c>/health/ready</c> checks the database too (send it no traffic while this fails). <c>/health</c> is
/// readiness under its older name.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadinessTag = "ready";

    public static IEndpointRouteBuilder MapRetroWalkHealth(this IEndpointRouteBuilder endpoints)
    {
        var readiness = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag) };
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", readiness).AllowAnonymous();
        endpoints.MapHealthChecks("/health", readiness).AllowAnonymous();
        return endpoints;
    }
}
