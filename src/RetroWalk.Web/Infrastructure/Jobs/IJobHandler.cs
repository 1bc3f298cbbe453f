using System.Text.Json;

namespace RetroWalk.Web.Infrastructure.Jobs;

/// <summary>
/// Runs one kind of background job. A handler must be safe to run again from the start for the same job: after
/// a restart the queue resumes a job by running it again (another attempt), and the handler reuses what the
/// earlier attempt already recorded. It writes its result to <see cref="JobContext.CreateResult"/>.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the work; returns the message shown when it is done. Throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    Task<string> RunAsync(JobContext job, CancellationToken cancellationToken);
}

/// <summary>What a handler knows of its job and how it reports back.</summary>
public sealed class JobContext(BackgroundJob job, JobResults results, Func<int, int, string, Task> progress)
{
    public Guid JobId => job.Id;
    public Guid ClinicId => job.ClinicId;
    public string? RequestedByUserId => job.RequestedByUserId;
    public string RequestedBy => job.RequestedBy;
    public int Attempt => job.Attempts;

    public T ParametersAs<T>() => JsonSerializer.Deserialize<T>(job.Parameters)
        ?? throw new InvalidOperationException($"Job {job.Id} has no parameters.");

    /// <summary>Records progress (read by every instance from the database) and that the worker is alive.</summary>
    public Task ProgressAsync(int done, int total, string message) => progress(done, total, message);

    /// <summary>A new, private file for the result; the queue names it and keeps it until expiry.</summary>
    public FileStream CreateResult() => results.CreatePartial(job.ResultFile!);
}
