using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Features.Reports;

/// <summary>The patients of the clinic's active or completed programmes in a period, optionally of one therapist.</summary>
public sealed record BatchRequest(DateOnly From, DateOnly To, string? TherapistUserId);

/// <summary>
/// Batches of progress reports as a ZIP of PDFs, made by the background work queue: recorded in the database,
/// so that progress shows on every instance and a restart resumes the batch or fails it cleanly. Each report of
/// a batch is issued like a single one (recorded, audited, its PDF kept unchanged).
/// </summary>
public sealed class ReportBatches(JobQueue queue)
{
    /// <summary>The period's errors by field (From, To); empty when the period can be asked for.</summary>
    public static FieldErrors Validate(DateOnly? from, DateOnly? to)
    {
        var errors = new FieldErrors();
        if (from is null)
        {
            errors.Add("From", "Enter the first day of the period.");
        }
        if (to is null)
        {
            errors.Add("To", "Enter the last day of the period.");
        }
        else if (from is not null && to < from)
        {
            errors.Add("To", "The end of the period is before its start.");
        }
        return errors;
    }

    public Task<Guid> StartAsync(BatchRequest request, Guid clinicId, string? userId, string userName, CancellationToken cancellationToken = default) =>
        queue.EnqueueAsync(ReportBatchJob.JobKind, clinicId, userId, userName, request,
            $"progress-reports_{request.From:yyyy-MM-dd}_{request.To:yyyy-MM-dd}.zip", ".zip", "Waiting for its turn…", cancellationToken);

    public Task<JobStatus?> StatusAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default) =>
        queue.StatusAsync(id, clinicId, cancellationToken);

    /// <summary>The latest batch this person started, for the page to show again after a reload or a restart.</summary>
    public Task<JobStatus?> LatestAsync(Guid clinicId, string? userId, CancellationToken cancellationToken = default) =>
        queue.LatestAsync(ReportBatchJob.JobKind, clinicId, userId, cancellationToken);

    public Task<bool> CancelAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default) =>
        queue.CancelAsync(id, clinicId, cancellationToken);

    /// <summary>The finished ZIP of this clinic's batch; null otherwise (a 404 for anyone else, and after expiry).</summary>
    public Task<JobResult?> DownloadAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default) =>
        queue.ResultAsync(id, clinicId, cancellationToken);
}
