using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Reports;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Reports;

public enum BatchState
{
    Preparing,
    Rendering,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>The patients of the clinic's active or completed programmes in a period, optionally of one therapist.</summary>
public sealed record BatchRequest(DateOnly From, DateOnly To, string? TherapistUserId);

public sealed record BatchStatus(Guid Id, BatchState State, int Done, int Total, string Message, DateTimeOffset StartedAt)
{
    public bool IsRunning => State is BatchState.Preparing or BatchState.Rendering;

    /// <summary>0–100: preparing the reports is the first half of the work, rendering them the second.</summary>
    public int Percent
    {
        get
        {
            if (Total == 0)
            {
                return IsRunning ? 0 : 100;
            }
            var stepsDone = State switch
            {
                BatchState.Preparing => Done,
                BatchState.Rendering => Total + Done,
                _ => 2 * Total,
            };
            return 100 * stepsDone / (2 * Total);
        }
    }
}

public sealed record BatchDownload(string Path, string FileName);

/// <summary>
/// Batches of progress reports, generated in the background as a ZIP of PDFs. Each batch runs on its own
/// DI scope acting as the user who started it; one batch renders at a time so interactive users keep a core.
/// Finished ZIPs are kept for an hour in the temp folder and downloaded over plain HTTP.
/// </summary>
public sealed class ReportBatches(IServiceScopeFactory scopes, IProgressReportRenderer renderer, TimeProvider clock, ILogger<ReportBatches> logger) : IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, Job> jobs = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly string folder = Directory.CreateTempSubdirectory("retrowalk-batches-").FullName;

    public Guid Start(BatchRequest request, ClaimsPrincipal principal, Guid clinicId)
    {
        RemoveExpired();
        var job = new Job(Guid.CreateVersion7(), clinicId, principal, request, clock.GetUtcNow());
        jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job.Id;
    }

    public BatchStatus? Status(Guid id, Guid clinicId) => Find(id, clinicId)?.Status;

    public bool Cancel(Guid id, Guid clinicId)
    {
        var job = Find(id, clinicId);
        if (job is null || !job.Status.IsRunning)
        {
            return false;
        }
        job.Cancellation.Cancel();
        return true;
    }

    /// <summary>The finished ZIP of this clinic's batch; null otherwise (a 404 for anyone else).</summary>
    public BatchDownload? Download(Guid id, Guid clinicId) =>
        Find(id, clinicId) is { Status.State: BatchState.Completed } job && File.Exists(job.ZipPath)
            ? new BatchDownload(job.ZipPath, job.FileName)
            : null;

    private Job? Find(Guid id, Guid clinicId) => jobs.TryGetValue(id, out var job) && job.ClinicId == clinicId ? job : null;

    private async Task RunAsync(Job job)
    {
        var token = job.Cancellation.Token;
        job.ZipPath = Path.Combine(folder, $"{job.Id:N}.zip");
        try
        {
            await oneAtATime.WaitAsync(token);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = job.Principal;
                var items = await PrepareAsync(job, scope.ServiceProvider, token);

                job.Update(BatchState.Rendering, 0, items.Count, $"Rendering {items.Count} reports…");
                await using (var zip = File.Create(job.ZipPath))
                {
                    var progress = new SynchronousProgress(done => job.Update(BatchState.Rendering, done, items.Count, $"Rendered {done} of {items.Count}"));
                    new ReportBatchWriter(renderer).Write(items, zip, progress, token);
                }
                job.Update(BatchState.Completed, items.Count, items.Count,
                    items.Count == 0 ? "No active or completed programmes in that period: the ZIP is empty." : $"{items.Count} reports ready.");
            }
            finally
            {
                oneAtATime.Release();
            }
        }
        catch (OperationCanceledException)
        {
            File.Delete(job.ZipPath);
            job.Update(BatchState.Cancelled, job.Status.Done, job.Status.Total, "Cancelled; nothing was kept.");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Report batch {BatchId} failed", job.Id);
            File.Delete(job.ZipPath);
            job.Update(BatchState.Failed, job.Status.Done, job.Status.Total, "The batch failed; no file was kept. Try again, or tell your administrator.");
        }
    }

    /// <summary>Records one generated report per patient (audited) and gathers each one's data.</summary>
    private static async Task<List<ReportBatchItem>> PrepareAsync(Job job, IServiceProvider services, CancellationToken token)
    {
        var request = job.Request;
        var dbFactory = services.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>();
        List<Guid> patientIds;
        await using (var db = await dbFactory.CreateDbContextAsync(token))
        {
            var programmes = db.Set<Programme>().Where(p =>
                (p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Completed) && p.StartDate <= request.To);
            if (!string.IsNullOrEmpty(request.TherapistUserId))
            {
                programmes = programmes.Where(p => p.TherapistUserId == request.TherapistUserId);
            }
            patientIds = await programmes.Select(p => p.PatientId).Distinct().ToListAsync(token);
        }

        var reports = services.GetRequiredService<ReportService>();
        var items = new List<ReportBatchItem>(patientIds.Count);
        job.Update(BatchState.Preparing, 0, patientIds.Count, $"Gathering data for {patientIds.Count} patients…");
        foreach (var patientId in patientIds)
        {
            token.ThrowIfCancellationRequested();
            var saved = await reports.CreateAsync(patientId, new ReportInput { From = request.From, To = request.To }, token);
            if (saved.Succeeded && await reports.PrepareAsync(saved.Id, token) is { } item)
            {
                items.Add(item);
            }
            job.Update(BatchState.Preparing, items.Count, patientIds.Count, $"Gathered {items.Count} of {patientIds.Count}");
        }
        return items;
    }

    private void RemoveExpired()
    {
        foreach (var job in jobs.Values.Where(j => !j.Status.IsRunning && clock.GetUtcNow() - j.Status.StartedAt > KeepFor))
        {
            if (jobs.TryRemove(job.Id, out _) && job.ZipPath is not null)
            {
                File.Delete(job.ZipPath);
            }
        }
    }

    public void Dispose()
    {
        foreach (var job in jobs.Values)
        {
            job.Cancellation.Cancel();
        }
        oneAtATime.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A batch still writing; the temp folder is cleaned by the system.
        }
    }

    private sealed class Job(Guid id, Guid clinicId, ClaimsPrincipal principal, BatchRequest request, DateTimeOffset startedAt)
    {
        public Guid Id { get; } = id;
        public Guid ClinicId { get; } = clinicId;
        public ClaimsPrincipal Principal { get; } = principal;
        public BatchRequest Request { get; } = request;
        public CancellationTokenSource Cancellation { get; } = new();
        public string? ZipPath { get; set; }
        public string FileName { get; } = $"progress-reports_{request.From:yyyy-MM-dd}_{request.To:yyyy-MM-dd}.zip";
        public BatchStatus Status { get; private set; } = new(id, BatchState.Preparing, 0, 0, "Starting…", startedAt);

        public void Update(BatchState state, int done, int total, string message) => Status = Status with { State = state, Done = done, Total = total, Message = message };
    }

    /// <summary>Reports progress on the writer's thread (Progress&lt;T&gt; would post to a context there is none of).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
