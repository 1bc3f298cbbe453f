using System.ComponentModel.DataAnnotations;

namespace RetroWalk.Web.Infrastructure.Jobs;

/// <summary>The background work queue's settings, bound from <c>Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Where results (report ZIPs) are written, readable by the app's user only. Every instance must see the same
    /// folder (a shared volume), since any instance may serve a download. Default: RetroWalk/job-results in the
    /// app user's local data folder; never the system's temporary folder.
    /// </summary>
    public string? ResultsDirectory { get; set; }

    /// <summary>How long a finished result can be downloaded before it is deleted.</summary>
    public TimeSpan KeepResultsFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a running job's worker records that it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A running job whose worker has been silent this long is taken over (its instance stopped or died).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle worker looks for work queued by other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expired results are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Starts (first run and resumptions after restarts) before a job is failed.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    public string ResultsDirectoryPath => ResultsDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "RetroWalk", "job-results");
}
