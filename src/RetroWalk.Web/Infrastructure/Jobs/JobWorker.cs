using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Providers;

namespace RetroWalk.Web.Infrastructure.Jobs;

/// <summary>
/// Runs queued jobs, one at a time per instance so that interactive users keep the other core. Claims with the
/// provider's skip-locked statement (<see cref="DatabaseProvider.ClaimNextJob"/>), so any number of instances
/// share one queue; beats a heartbeat while it works; takes over jobs whose worker fell silent (a crash or a
/// kill) and fails a job cleanly after <see cref="JobOptions.MaxAttempts"/> starts. A stopping instance hands
/// its job back to the queue. At start-up and every <see cref="JobOptions.CleanupInterval"/> it deletes
/// results past their expiry and any file in the results folder no job owns.
/// </summary>
public sealed partial class JobWorker(
    IServiceScopeFactory scopes,
    IEnumerable<IJobHandler> handlers,
    JobResults results,
    JobSignals signals,
    IOptions<JobOptions> options,
    TimeProvider time,
    RetroWalkMetrics metrics,
    ILogger<JobWorker> logger) : BackgroundService
{
    public const string FailedMessage = "Failed; no file was kept. Try again, or tell your administrator.";
    public const string ExpiredMessage = "The file was deleted when it expired.";

    private readonly JobOptions settings = options.Value;
    private readonly Dictionary<string, IJobHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>This worker's name in <see cref="BackgroundJob.ClaimedBy"/>: the machine, the process and a random part.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var cleanup = CleanUpPeriodicallyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } job)
                {
                    await RunAsync(job, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Usually the database is away; the next round tries again.
                LogQueueUnavailable(exception);
            }
            try
            {
                await signals.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await cleanup;
    }

    /// <summary>Deletes expired results and files no job owns; returns how many files went.</summary>
    public async Task<int> CleanUpAsync(CancellationToken cancellationToken)
    {
        // Files are listed before the jobs are read: a job queued meanwhile has no file in the list yet.
        var files = results.ListFiles();
        var now = time.GetUtcNow();
        var (expired, owned) = await WithDatabaseAsync(async db =>
        {
            // An expired result's file goes first, then the job says so: whoever reads "expired" finds no file.
            var expiring = await AllJobs(db).Where(j => j.State == JobState.Completed && j.ExpiresAt <= now)
                .Select(j => new { j.Id, j.ResultFile }).ToListAsync(cancellationToken);
            foreach (var job in expiring)
            {
                results.Delete(job.ResultFile);
            }
            var ids = expiring.Select(j => j.Id).ToList();
            var expired = ids.Count == 0 ? 0 : await AllJobs(db).Where(j => ids.Contains(j.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Expired).SetProperty(j => j.ResultFile, (string?)null)
                    .SetProperty(j => j.Message, ExpiredMessage), cancellationToken);
            var owned = await AllJobs(db)
                .Where(j => j.ResultFile != null && (j.State == JobState.Queued || j.State == JobState.Running || j.State == JobState.Completed))
                .Select(j => j.ResultFile!).ToListAsync(cancellationToken);
            return (expired, owned);
        }, cancellationToken);
        var deleted = results.DeleteAllBut(owned.ToHashSet(StringComparer.Ordinal), files);
        if (expired > 0 || deleted > 0)
        {
            LogCleanedUp(expired, deleted);
        }
        return deleted;
    }

    private async Task CleanUpPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.CleanupInterval, time);
        do
        {
            try
            {
                await CleanUpAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogQueueUnavailable(exception);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<BackgroundJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await WithDatabaseAsync(async db =>
        {
            var claim = DatabaseProvider.Of(db.Database).ClaimNextJob(Name, now, now - settings.StaleAfter);
            // Not composed: the statement is an UPDATE and cannot be wrapped in a SELECT.
            var claimed = (await db.Database.SqlQuery<Guid>(claim).ToListAsync(cancellationToken)).FirstOrDefault();
            return claimed == Guid.Empty
                ? null
                : await AllJobs(db).AsNoTracking().SingleAsync(j => j.Id == claimed, cancellationToken);
        }, cancellationToken);
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        if (!byKind.TryGetValue(job.Kind, out var handler))
        {
            await FinishAsync(job, JobState.Failed, $"No worker of this version can run a job of kind '{job.Kind}'.", stoppingToken);
            return;
        }
        if (job.Attempts > settings.MaxAttempts)
        {
            results.Delete(job.ResultFile);
            await FinishAsync(job, JobState.Failed, $"Stopped after {settings.MaxAttempts} interrupted attempts; no file was kept. Start it again.", stoppingToken);
            return;
        }

        var started = time.GetTimestamp();
        var outcome = "failed";
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var registration = signals.Running(job.Id, cancellation);
        using var heartbeat = new CancellationTokenSource();
        var beating = BeatAsync(job, cancellation, heartbeat.Token);
        try
        {
            var context = new JobContext(job, results, (done, total, message) => ReportAsync(job, cancellation, done, total, message, heartbeat.Token));
            if (await IsCancelRequestedAsync(job.Id, stoppingToken))
            {
                await cancellation.CancelAsync();
            }
            var message = await handler.RunAsync(context, cancellation.Token);
            await heartbeat.CancelAsync();
            await beating;
            if (job.ResultFile is not null && File.Exists(results.PartialPathOf(job.ResultFile)))
            {
                results.Complete(job.ResultFile);
            }
            await FinishAsync(job, JobState.Completed, message, stoppingToken, expires: time.GetUtcNow() + settings.KeepResultsFor);
            outcome = "completed";
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // This instance is stopping: the job goes back to the queue for another instance or the next start.
            results.Delete(job.ResultFile);
            await ReleaseAsync(job);
            outcome = "released";
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            // Cancelled by its user (or taken over). A query cut short may surface as a provider error rather than
            // OperationCanceledException; either way the job ends as cancelled, never as a database outage.
            results.Delete(job.ResultFile);
            await FinishAsync(job, JobState.Cancelled, JobQueue.CancelledMessage, stoppingToken);
            outcome = "cancelled";
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            // The database went away: the job stays claimed, and is taken over once its heartbeat is stale.
            results.Delete(job.ResultFile);
            LogQueueUnavailable(exception);
            outcome = "interrupted";
        }
        catch (Exception exception)
        {
            LogJobFailed(exception, job.Id, job.Kind);
            results.Delete(job.ResultFile);
            await FinishAsync(job, JobState.Failed, FailedMessage, stoppingToken);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
            metrics.JobFinished(job.Kind, outcome, time.GetElapsedTime(started));
        }
    }

    /// <summary>Records progress and the heartbeat; cancels the run when someone asked to cancel it or another worker took it over.</summary>
    private async Task ReportAsync(BackgroundJob job, CancellationTokenSource run, int done, int total, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mine = await WithDatabaseAsync(db => AllJobs(db).Where(j => j.Id == job.Id && j.ClaimedBy == Name && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, total)
                .SetProperty(j => j.Message, Shorten(message)).SetProperty(j => j.HeartbeatAt, now), cancellationToken), cancellationToken);
        if (mine == 0 || await IsCancelRequestedAsync(job.Id, cancellationToken))
        {
            await run.CancelAsync();
        }
    }

    private async Task BeatAsync(BackgroundJob job, CancellationTokenSource run, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(settings.HeartbeatInterval, time);
        while (await Tick(timer, stop))
        {
            try
            {
                var now = time.GetUtcNow();
                var mine = await WithDatabaseAsync(db => AllJobs(db).Where(j => j.Id == job.Id && j.ClaimedBy == Name && j.State == JobState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now), stop), stop);
                if (mine == 0 || await IsCancelRequestedAsync(job.Id, stop))
                {
                    await run.CancelAsync();
                }
            }
            catch (Exception exception) when (!stop.IsCancellationRequested)
            {
                LogQueueUnavailable(exception);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> IsCancelRequestedAsync(Guid id, CancellationToken cancellationToken)
    {
        return await WithDatabaseAsync(db => AllJobs(db).Where(j => j.Id == id).Select(j => j.CancelRequested).SingleAsync(cancellationToken), cancellationToken);
    }

    private async Task FinishAsync(BackgroundJob job, JobState state, string message, CancellationToken cancellationToken, DateTimeOffset? expires = null)
    {
        var now = time.GetUtcNow();
        var keepsFile = state == JobState.Completed && job.ResultFile is not null && File.Exists(results.PathOf(job.ResultFile));
        // A job is finished even when the instance is stopping; only a job another worker took over is left alone.
        await WithDatabaseAsync(db => AllJobs(db).Where(j => j.Id == job.Id && j.ClaimedBy == Name)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(j => j.State, state).SetProperty(j => j.Message, Shorten(message)).SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.ExpiresAt, keepsFile ? expires : null).SetProperty(j => j.ResultFile, keepsFile ? job.ResultFile : null);
                if (state == JobState.Completed)
                {
                    s.SetProperty(j => j.Done, j => j.Total);
                }
            }, CancellationToken.None), CancellationToken.None);
    }

    private async Task ReleaseAsync(BackgroundJob job)
    {
        try
        {
            await WithDatabaseAsync(db => AllJobs(db).Where(j => j.Id == job.Id && j.ClaimedBy == Name && j.State == JobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.ClaimedBy, (string?)null)
                    .SetProperty(j => j.Message, "Waiting to resume after a restart…"), CancellationToken.None), CancellationToken.None);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            // Left claimed; taken over once its heartbeat is stale.
            LogQueueUnavailable(exception);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a context of its own (in a scope of its own: the worker outlives every scope).</summary>
    private async Task<T> WithDatabaseAsync<T>(Func<RetroWalkDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(cancellationToken);
        return await work(db);
    }

    /// <summary>Every clinic's jobs: the worker acts for no signed-in user.</summary>
    private static IQueryable<BackgroundJob> AllJobs(RetroWalkDbContext db) =>
        db.Set<BackgroundJob>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Clinic]);

    private static string Shorten(string message) =>
        message.Length <= BackgroundJob.MessageMaxLength ? message : message[..(BackgroundJob.MessageMaxLength - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background job queue could not reach the database; it tries again shortly.")]
    private partial void LogQueueUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {JobId} ({Kind}) failed")]
    private partial void LogJobFailed(Exception exception, Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job results: {Expired} expired, {Deleted} files deleted.")]
    private partial void LogCleanedUp(int expired, int deleted);
}
