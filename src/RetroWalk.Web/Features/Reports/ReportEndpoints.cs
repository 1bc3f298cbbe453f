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

        // Batches for scripts and integrations, as the batch page starts them: POST a JSON period, get 202 Accepted
        // with the status address; poll it (from any instance) until "Completed", then fetch the ZIP above. A JSON body
        // is required (anything else is refused), which a cross-site form cannot send and a cross-site script cannot
        // send without a CORS preflight the app never grants: no antiforgery token is needed.
        reports.MapPost("/batches", async (BatchKickOff body, ReportBatches batches, ICurrentUser user, CancellationToken cancellationToken) =>
            {
                var errors = ReportBatches.Validate(body.From, body.To);
                if (!errors.IsValid)
                {
                    return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
                }
                var request = new BatchRequest(body.From!.Value, body.To!.Value, string.IsNullOrEmpty(body.TherapistUserId) ? null : body.TherapistUserId);
                var id = await batches.StartAsync(request, user.ClinicId, user.UserId, user.UserName, cancellationToken);
                return Results.Accepted($"/reports/batches/{id}", BatchStatus.Of((await batches.StatusAsync(id, user.ClinicId, cancellationToken))!));
            });

        reports.MapGet("/batches/{id:guid}", async (Guid id, ReportBatches batches, ICurrentUser user, CancellationToken cancellationToken) =>
            await batches.StatusAsync(id, user.ClinicId, cancellationToken) is { } status ? Results.Ok(BatchStatus.Of(status)) : Results.NotFound());

        return endpoints;
    }
}

/// <summary>A batch asked for over HTTP: the period, and optionally one therapist's patients only.</summary>
public sealed record BatchKickOff(DateOnly? From, DateOnly? To, string? TherapistUserId);

/// <summary>A batch's progress as JSON; <see cref="Download"/> once it is completed.</summary>
public sealed record BatchStatus(Guid Id, string State, int Done, int Total, string Message, string? Download)
{
    public static BatchStatus Of(Infrastructure.Jobs.JobStatus status) => new(status.Id, status.State.ToString(), status.Done, status.Total, status.Message,
        status.State == Infrastructure.Jobs.JobState.Completed ? $"/reports/batches/{status.Id}/zip" : null);
}
