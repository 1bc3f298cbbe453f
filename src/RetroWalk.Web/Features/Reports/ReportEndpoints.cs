using Microsoft.Net.Http.Headers;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Reports;

/// <summary>
/// PDF and ZIP downloads are plain HTTP GETs (not over the Blazor circuit), behind the sign-in
/// fallback policy; the clinic query filter makes another clinic's report a 404. PDFs pass the
/// <see cref="ReportRenderGate"/> first, and are served as issued: the same bytes every time, with their
/// SHA-256 as the entity tag.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/reports");

        // Every download is recorded in the access log (who, when, from where, which file).
        reports.MapGet("/{id:guid}/pdf", async (Guid id, ReportIssuer issuer, AccessLog log, CancellationToken cancellationToken) =>
            {
                if (await issuer.IssueAsync(id, cancellationToken) is not { } report)
                {
                    return Results.NotFound();
                }
                await log.RecordAsync(AccessKind.ReportDownloaded, report.FileName, id.ToString(), CancellationToken.None);
                return Results.File(report.Pdf, "application/pdf", report.FileName, entityTag: new EntityTagHeaderValue($"\"{report.Sha256}\""));
            })
            .AddEndpointFilter<ReportRenderLimit>();

        reports.MapGet("/batches/{id:guid}/zip", async (Guid id, ReportBatches batches, ICurrentUser user, AccessLog log, CancellationToken cancellationToken) =>
            {
                if (await batches.DownloadAsync(id, user.ClinicId, cancellationToken) is not { } zip)
                {
                    return Results.NotFound();
                }
                await log.RecordAsync(AccessKind.BatchDownloaded, zip.FileName, id.ToString(), CancellationToken.None);
                return Results.File(zip.Path, "application/zip", zip.FileName);
            });

        return endpoints;
    }
}
