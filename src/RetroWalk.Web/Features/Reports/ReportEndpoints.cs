using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Reports;

/// <summary>
/// PDF and ZIP downloads are plain HTTP GETs (not over the Blazor circuit), behind the sign-in
/// fallback policy; the clinic query filter makes another clinic's report a 404. PDFs pass the
/// <see cref="ReportRenderGate"/> first.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/reports");

        reports.MapGet("/{id:guid}/pdf", async (Guid id, ReportService service, CancellationToken cancellationToken) =>
            await service.RenderAsync(id, cancellationToken) is { } report
                ? Results.File(report.Pdf, "application/pdf", report.FileName)
                : Results.NotFound())
            .AddEndpointFilter<ReportRenderLimit>();

        reports.MapGet("/batches/{id:guid}/zip", (Guid id, ReportBatches batches, ICurrentUser user) =>
            batches.Download(id, user.ClinicId) is { } zip
                ? Results.File(zip.Path, "application/zip", zip.FileName)
                : Results.NotFound());

        return endpoints;
    }
}
