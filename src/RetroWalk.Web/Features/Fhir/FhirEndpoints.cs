using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// FHIR R4 over plain HTTP, behind the sign-in fallback policy like every endpoint; the clinic query filter makes
/// another clinic's patient a 404. Responses carry patient data, so nothing may store them (Cache-Control: no-store).
/// </summary>
public static class FhirEndpoints
{
    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/fhir/Patient/{id:guid}/$everything", async (Guid id, HttpContext context, PatientEverything everything, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var fhirBase = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/fhir";
            if (await everything.ReadAsync(id, fhirBase, cancellationToken) is not { } bundle)
            {
                return Results.NotFound();
            }
            return Results.Text(FhirJson.Serialize(bundle, indented: true), FhirJson.MediaType, System.Text.Encoding.UTF8);
        });

        endpoints.MapGet("/exports/fhir/{id:guid}/zip", async (Guid id, FhirBulkExports exports, ICurrentUser user, AccessLog log, HttpContext context, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            if (await exports.DownloadAsync(id, user.ClinicId, cancellationToken) is not { } zip)
            {
                return Results.NotFound();
            }
            await log.RecordAsync(AccessKind.FhirBulkExportDownloaded, zip.FileName, id.ToString(), CancellationToken.None);
            return Results.File(zip.Path, "application/zip", zip.FileName);
        }).RequireAuthorization(policy => policy.RequireRole(Roles.ClinicAdmin));
        return endpoints;
    }
}
