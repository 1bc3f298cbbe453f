using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Audit;

public static class AccessLogEndpoints
{
    public const string CsvPath = "/admin/access-log.csv";

    /// <summary>The export's address for these filters (paging aside).</summary>
    public static string CsvUrl(AccessQuery query)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["kind"] = query.Kind?.ToString(),
            ["user"] = string.IsNullOrWhiteSpace(query.User) ? null : query.User.Trim(),
            ["target"] = string.IsNullOrWhiteSpace(query.Target) ? null : query.Target.Trim(),
            ["from"] = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(CsvPath, parameters.Where(p => p.Value is not null));
    }

    /// <summary><c>/admin/access-log.csv?kind=&amp;user=&amp;target=&amp;from=&amp;to=</c>: the filtered access log as CSV, administrators only.</summary>
    public static IEndpointRouteBuilder MapAccessLogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, (AccessKind? kind, string? user, string? target, DateOnly? from, DateOnly? to,
                AccessLogService service, CancellationToken cancellationToken) =>
            Results.Stream(output => service.ExportCsvAsync(new AccessQuery(kind, user, target, from, to), output, cancellationToken),
                "text/csv; charset=utf-8", "access-log.csv"))
            .RequireAuthorization(policy => policy.RequireRole(Roles.ClinicAdmin));
        return endpoints;
    }
}
