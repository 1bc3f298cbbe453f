using RetroWalk.Clinical;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Exports;

/// <summary>
/// CSV exports as plain HTTP GETs for the clinic's administrators (every patient of the clinic leaves in one file, so
/// not every therapist may take it); the clinic query filter keeps them to the signed-in person's clinic. Never cached; every download is recorded in the access log by <see cref="ExportService"/>.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/csv", async (ExportKind kind, Guid? protocol, Condition? condition, DateOnly? from, DateOnly? to,
            HttpContext context, ExportService exports, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var request = new ExportRequest(kind, protocol, condition, from, to);
            if (request.Problem is { } problem)
            {
                return Results.BadRequest(problem);
            }
            var file = await exports.CreateAsync(request, cancellationToken);
            return Results.File(file.Zip, "application/zip", file.FileName);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.ClinicAdmin));
        return endpoints;
    }
}
