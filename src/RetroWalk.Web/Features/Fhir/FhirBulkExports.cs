using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>The clinic's FHIR bulk export: every patient, as NDJSON files per resource type in a ZIP, on the background work queue.</summary>
public sealed class FhirBulkExports(JobQueue queue, TimeProvider time, ClinicClock clock)
{
    public Task<Guid> StartAsync(Guid clinicId, string? userId, string userName, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return queue.EnqueueAsync(FhirBulkExportJob.JobKind, clinicId, userId, userName, new FhirBulkRequest(now),
            $"fhir-export_{clock.Today:yyyy-MM-dd}.zip", ".zip", "Waiting for its turn…", cancellationToken);
    }

    public Task<JobStatus?> StatusAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default) =>
        queue.StatusAsync(id, clinicId, cancellationToken);

    public Task<JobStatus?> LatestAsync(Guid clinicId, string? userId, CancellationToken cancellationToken = default) =>
        queue.LatestAsync(FhirBulkExportJob.JobKind, clinicId, userId, cancellationToken);

    public Task<bool> CancelAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default) =>
        queue.CancelAsync(id, clinicId, cancellationToken);

    public Task<JobResult?> DownloadAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default) =>
        queue.ResultAsync(id, clinicId, cancellationToken);
}

/// <summary>When the export was asked for (the Bulk Data manifest's transaction time).</summary>
public sealed record FhirBulkRequest(DateTimeOffset RequestedAt);
