using Microsoft.Net.Http.Headers;
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

        reports.MapGet("/{id:guid}/pdf", async (Guid id, ReportIssuer issuer, CancellationToken cancellationToken) =>
            await issuer.IssueAsync(id, cancellationToken) is { } report
                ? Results.File(report.Pdf, "application/pdf", report.FileName, entityTag: new EntityTagHeaderValue($"\"{report.Sha256}\""))
                : Results.NotFound())
            .AddEndpointFilter<ReportRenderLimit>();

        reports.MapGet("/batches/{id:guid}/zip", async (Guid id, ReportBatches batches, ICurrentUser user, CancellationToken cancellationToken) =>
            await batches.DownloadAsync(id, user.ClinicId, cancellationToken) is { } zip
                ? Results.File(zip.Path, "application/zip", zip.FileName)
                : Results.NotFound());

        return endpoints;
    }
}
