using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Protocols;

namespace RetroWalk.Web.Features.Programs;

/// <summary>
/// Stored state of a programme. <see cref="Planned"/> turns into <see cref="Active"/> on the start date without a
/// write (see <see cref="ProgrammeStatuses.Effective"/>); the others are set by the therapist.
/// </summary>
public enum ProgrammeStatus
{
    Planned = 1,
    Active = 2,
    Paused = 3,
    Completed = 4,
    Discontinued = 5,
}

/// <summary>Training weekdays as flags, stored as readable text ("Monday, Wednesday, Friday").</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class ProgrammeStatuses
{
    /// <summary>The statuses of a programme still running or about to: a patient may have only one.</summary>
    public static readonly ProgrammeStatus[] Ongoing = [ProgrammeStatus.Planned, ProgrammeStatus.Active, ProgrammeStatus.Paused];

    public static ProgrammeStatus Effective(ProgrammeStatus stored, DateOnly startDate, DateOnly today) =>
        stored == ProgrammeStatus.Planned && startDate <= today ? ProgrammeStatus.Active : stored;

    public static bool IsOngoing(this ProgrammeStatus status) => Ongoing.Contains(status);

    /// <summary>Ending a programme on <paramref name="endDay"/> takes the planned sessions after that day out of the plan (kept, marked cancelled).</summary>
    public static bool CancelledOnEnd(ScheduledSessionStatus status, DateOnly date, DateOnly endDay) =>
        status == ScheduledSessionStatus.Planned && date > endDay;

    public static readonly DayOfWeek[] MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public static Weekdays ToWeekdays(IEnumerable<DayOfWeek> days) =>
        days.Aggregate(Weekdays.None, (all, day) => all | Flag(day));

    public static IReadOnlyList<DayOfWeek> ToDays(Weekdays weekdays) =>
        [.. MondayFirst.Where(d => weekdays.HasFlag(Flag(d)))];

    public static Weekdays Flag(DayOfWeek day) => day == DayOfWeek.Sunday ? Weekdays.Sunday : (Weekdays)(1 << ((int)day - 1));

    /// <summary>"Mon, Wed, Fri".</summary>
    public static string Abbreviated(Weekdays weekdays) => string.Join(", ", ToDays(weekdays).Select(d => d.ToString()[..3]));
}

/// <summary>A protocol version assigned to a patient, with its dated sessions in <see cref="ScheduledSession"/>.</summary>
public sealed class Programme : ClinicalRecord, IAuditLabel
{
    /// <summary>The unique index that allows one ongoing programme per patient.</summary>
    public const string OneOngoingPerPatientIndex = "IX_Programmes_OneOngoingPerPatient";

    public Guid PatientId { get; set; }
    public Guid ProtocolId { get; set; }
    public Guid ProtocolVersionId { get; set; }

    /// <summary>Name and version number at assignment, for lists and the audit trail.</summary>
    public string ProtocolName { get; set; } = "";
    public int ProtocolVersionNumber { get; set; }

    public string TherapistUserId { get; set; } = "";
    public string TherapistName { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public Weekdays TrainingDays { get; set; }
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Planned;

    /// <summary>While paused: the first day without sessions.</summary>
    public DateOnly? PausedFrom { get; set; }

    public string? DiscontinuedReason { get; set; }
    public DateOnly? EndedOn { get; set; }

    public string AuditLabel => $"{ProtocolName} v{ProtocolVersionNumber} from {StartDate:yyyy-MM-dd}";
}

public enum ScheduledSessionStatus
{
    Planned = 1,

    /// <summary>Taken out of the plan by the therapist; kept for the record, never deleted.</summary>
    Cancelled = 2,
}

/// <summary>
/// One dated session of a programme and its planned dose (prescription). <see cref="Sequence"/> is stable: it is
/// never renumbered when sessions move, are cancelled or a make-up is added, so session records can refer to it.
/// </summary>
public sealed class ScheduledSession : ClinicalRecord, IAuditLabel
{
    public Guid ProgrammeId { get; set; }
    public int Sequence { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Programme week (1-based); kept when the session moves, so the dose follows the training week.</summary>
    public int Week { get; set; }

    /// <summary>The session whose dose applies: itself, or for a make-up the session it stands for.</summary>
    public int DoseSequence { get; set; }

    public bool IsMakeUp { get; set; }
    public int? ReplacesSequence { get; set; }
    public ScheduledSessionStatus Status { get; set; } = ScheduledSessionStatus.Planned;

    public decimal SpeedKmh { get; set; }
    public decimal Incline { get; set; }
    public InclineUnit InclineUnit { get; set; } = InclineUnit.Degrees;
    public decimal WarmUpMinutes { get; set; }
    public decimal MainMinutes { get; set; }
    public decimal CoolDownMinutes { get; set; }

    public string AuditLabel => $"Session {Sequence} on {Date:yyyy-MM-dd}";

    public PlannedSession ToPlanned() => new(Sequence, Date, Week)
    {
        DoseSequence = DoseSequence,
        IsMakeUp = IsMakeUp,
        ReplacesSequence = ReplacesSequence,
    };
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.ProtocolName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.TherapistUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.TherapistName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.TrainingDays).HasConversion<string>().HasMaxLength(80);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DiscontinuedReason).HasMaxLength(1000);
        builder.Ignore(p => p.AuditLabel);
        builder.HasIndex(p => new { p.ClinicId, p.PatientId });
        // The database enforces one ongoing programme per patient, even for two assignments at the same moment.
        // The index's filter is SQL in each provider's dialect: DatabaseProvider.ConfigureModel adds it.
        builder.HasIndex(p => p.PatientId, Programme.OneOngoingPerPatientIndex).IsUnique();
        builder.HasIndex(p => new { p.ClinicId, p.TherapistUserId, p.Status });
        builder.HasIndex(p => p.ProtocolVersionId);
        // Programmes running in a period (report batches): the ongoing ones (no end) and those ended since its first day,
        // two ranges of this index, instead of reading every programme the clinic ever had.
        builder.HasIndex(p => new { p.ClinicId, p.EndedOn });
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(p => p.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProtocolVersion>().WithMany().HasForeignKey(p => p.ProtocolVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScheduledSessionConfiguration : IEntityTypeConfiguration<ScheduledSession>
{
    public void Configure(EntityTypeBuilder<ScheduledSession> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.InclineUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SpeedKmh).HasPrecision(6, 3);
        builder.Property(s => s.Incline).HasPrecision(6, 2);
        builder.Property(s => s.WarmUpMinutes).HasPrecision(6, 2);
        builder.Property(s => s.MainMinutes).HasPrecision(6, 2);
        builder.Property(s => s.CoolDownMinutes).HasPrecision(6, 2);
        builder.Ignore(s => s.AuditLabel);
        builder.HasIndex(s => new { s.ProgrammeId, s.Sequence }).IsUnique();
        builder.HasIndex(s => new { s.ClinicId, s.Date });
        // A programme's sessions by date: the dashboard flags and this week's sessions read a few of them per programme.
        builder.HasIndex(s => new { s.ProgrammeId, s.Date });
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
