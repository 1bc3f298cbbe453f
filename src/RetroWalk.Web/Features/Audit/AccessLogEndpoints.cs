using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Audit;

public static class AccessLogEndpoints
{
    /// <summary><c>/admin/access-log.csv?kind=&amp;user=&amp;target=&amp;from=&amp;to=</c>: the filtered access log as CSV, administrators only.</summary>
    public static IEndpointRouteBuilder MapAccessLogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/access-log.csv", async (AccessKind? kind, string? user, string? target, DateOnly? from, DateOnly? to,
                AccessLogService service, CancellationToken cancellationToken) =>
            Results.File(await service.ExportCsvAsync(new AccessQuery(kind, user, target, from, to), cancellationToken),
                "text/csv; charset=utf-8", "access-log.csv"))
            .RequireAuthorization(policy => policy.RequireRole(Roles.ClinicAdmin));
        return endpoints;
    }
}
