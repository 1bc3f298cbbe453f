using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Jobs;

/// <summary>A job as its requester sees it, read from the database (so from any instance).</summary>
public sealed record JobStatus(Guid Id, string Kind, JobState State, int Done, int Total, string Message, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    public bool IsActive => State is JobState.Queued or JobState.Running;

    public int Percent => State == JobState.Completed ? 100 : Total == 0 ? 0 : 100 * Math.Clamp(Done, 0, Total) / Total;
}

/// <summary>A finished job's result file and the name it downloads as.</summary>
public sealed record JobResult(string Path, string FileName);

/// <summary>In-process signals: wake the worker when a job is queued here, and cancel a job running here at once.</summary>
public sealed class JobSignals : IDisposable
{
    private readonly SemaphoreSlim wake = new(0);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();

    public void Wake() => wake.Release();

    /// <summary>Waits until woken or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);

    public IDisposable Running(Guid jobId, CancellationTokenSource cancellation)
    {
        running[jobId] = cancellation;
        return new Unregister(() => running.TryRemove(jobId, out _));
    }

    public void Cancel(Guid jobId)
    {
        if (running.TryGetValue(jobId, out var cancellation))
        {
            cancellation.Cancel();
        }
    }

    public void Dispose() => wake.Dispose();

    private sealed class Unregister(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>
/// The background work queue as features use it: queue a job, read its progress, cancel it, fetch its result.
/// Every call names the clinic, so another clinic's job is "not found".
/// </summary>
public sealed class JobQueue(IDbContextFactory<RetroWalkDbContext> dbFactory, JobResults results, JobSignals signals, TimeProvider time)
{
    public const string CancelledMessage = "Cancelled; nothing was kept.";

    public async Task<Guid> EnqueueAsync<TParameters>(string kind, Guid clinicId, string? userId, string userName, TParameters parameters,
        string resultName, string resultExtension, string message, CancellationToken cancellationToken = default)
    {
        var job = new BackgroundJob
        {
            Kind = kind,
            ClinicId = clinicId,
            RequestedByUserId = userId,
            RequestedBy = userName,
            CreatedAt = time.GetUtcNow(),
            Parameters = JsonSerializer.Serialize(parameters),
            State = JobState.Queued,
            Message = message,
            ResultName = resultName,
        };
        job.ResultFile = JobResults.FileNameOf(job.Id, resultExtension);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(job);
            await db.SaveChangesAsync(cancellationToken);
        }
        signals.Wake();
        return job.Id;
    }

    public async Task<JobStatus?> StatusAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Jobs(db, clinicId).Where(j => j.Id == id)
            .Select(j => new JobStatus(j.Id, j.Kind, j.State, j.Done, j.Total, j.Message, j.CreatedAt, j.ExpiresAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest job of a kind that this person started in the clinic.</summary>
    public async Task<JobStatus?> LatestAsync(string kind, Guid clinicId, string? userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Jobs(db, clinicId).Where(j => j.Kind == kind && j.RequestedByUserId == userId)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Select(j => new JobStatus(j.Id, j.Kind, j.State, j.Done, j.Total, j.Message, j.CreatedAt, j.ExpiresAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Cancels a queued job at once, and asks a running one (on whichever instance) to stop; false when it has ended.</summary>
    public async Task<bool> CancelAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var cancelledWaiting = await Jobs(db, clinicId).Where(j => j.Id == id && j.State == JobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.Message, CancelledMessage)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.ResultFile, (string?)null), cancellationToken);
        if (cancelledWaiting == 1)
        {
            return true;
        }
        var asked = await Jobs(db, clinicId).Where(j => j.Id == id && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
        signals.Cancel(id);
        return asked == 1;
    }

    /// <summary>The result of a completed, unexpired job of the clinic whose file is present; null otherwise.</summary>
    public async Task<JobResult?> ResultAsync(Guid id, Guid clinicId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var job = await Jobs(db, clinicId)
            .Where(j => j.Id == id && j.State == JobState.Completed && j.ResultFile != null)
            .Select(j => new { j.ResultFile, j.ResultName, j.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null || job.ExpiresAt <= now)
        {
            return null;
        }
        var path = results.PathOf(job.ResultFile!);
        return File.Exists(path) ? new JobResult(path, job.ResultName ?? Path.GetFileName(path)) : null;
    }

    /// <summary>
    /// How many jobs of every clinic wait or run, by state (states without jobs are absent). Synchronous, for the
    /// metrics collector's callback; one count per state over the (State, CreatedAt) index.
    /// </summary>
    public IReadOnlyDictionary<JobState, int> Depth()
    {
        using var db = dbFactory.CreateDbContext();
        return db.Set<BackgroundJob>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Clinic])
            .Where(j => j.State == JobState.Queued || j.State == JobState.Running)
            .GroupBy(j => j.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionary(g => g.State, g => g.Count);
    }

    /// <summary>The clinic's jobs, named explicitly so that background scopes (which have no signed-in user) read them too.</summary>
    private static IQueryable<BackgroundJob> Jobs(RetroWalkDbContext db, Guid clinicId) =>
        db.Set<BackgroundJob>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Clinic]).Where(j => j.ClinicId == clinicId);
}
