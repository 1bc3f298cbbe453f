using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Jobs;

public enum JobState
{
    /// <summary>Waiting for a worker of any instance to claim it.</summary>
    Queued,
    /// <summary>Claimed by the worker named in <see cref="BackgroundJob.ClaimedBy"/>, which beats its heart while it works.</summary>
    Running,
    /// <summary>Done; its result file is kept until <see cref="BackgroundJob.ExpiresAt"/>.</summary>
    Completed,
    Cancelled,
    Failed,
    /// <summary>Completed, and its result file deleted at expiry.</summary>
    Expired,
}

/// <summary>
/// A piece of background work recorded in the database, so that any instance can run it, show its progress and
/// serve its result, and a restart resumes it or fails it cleanly instead of losing it. Who asked, for which
/// clinic, what to do (<see cref="Kind"/> and <see cref="Parameters"/>), how far it got, and where its result is.
/// </summary>
public sealed class BackgroundJob : IClinicOwned
{
    public const int MessageMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Which <see cref="IJobHandler"/> runs it, e.g. "report-batch".</summary>
    public string Kind { get; set; } = "";

    public Guid ClinicId { get; set; }

    public string? RequestedByUserId { get; set; }

    /// <summary>The display name of the person who asked for it.</summary>
    public string RequestedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What to do, as JSON (for a report batch: the period and whose patients).</summary>
    public string Parameters { get; set; } = "{}";

    public JobState State { get; set; }

    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>Progress or outcome in words, for the person who asked.</summary>
    public string Message { get; set; } = "";

    /// <summary>The worker (instance) running it.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When its worker last said it is still at work; a silent worker's job is claimed again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>How many times a worker has started it (a restart resumes it as another attempt).</summary>
    public int Attempts { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>The result's file name in the results directory; null when there is none (any more).</summary>
    public string? ResultFile { get; set; }

    /// <summary>The name the result downloads as.</summary>
    public string? ResultName { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the result file is deleted.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("BackgroundJobs");
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.RequestedByUserId).HasMaxLength(450);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.Parameters).HasMaxLength(4000);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Message).HasMaxLength(BackgroundJob.MessageMaxLength);
        builder.Property(j => j.ClaimedBy).HasMaxLength(200);
        builder.Property(j => j.ResultFile).HasMaxLength(100);
        builder.Property(j => j.ResultName).HasMaxLength(200);
        // The worker's claim looks for queued and stalled jobs in order of arrival.
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.HasIndex(j => new { j.ClinicId, j.CreatedAt });
        builder.HasOne<Features.Clinics.Clinic>().WithMany().HasForeignKey(j => j.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
