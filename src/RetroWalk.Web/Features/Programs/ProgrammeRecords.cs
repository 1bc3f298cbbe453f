using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Web.Features.Programs;

/// <summary>The assign dialog's form.</summary>
public sealed class AssignInput
{
    public Guid PatientId { get; set; }
    public Guid? ProtocolId { get; set; }
    public DateOnly? StartDate { get; set; }
    public string? TherapistUserId { get; set; }
    public HashSet<DayOfWeek> TrainingDays { get; set; } = [];
}

public sealed record StaffOption(string UserId, string Name);

/// <summary>One dated session and its planned dose. Speed in km/h; incline in the prescription's unit.</summary>
public sealed record ScheduledSessionItem(
    Guid Id, int Sequence, DateOnly Date, int Week, int DoseSequence, bool IsMakeUp, int? ReplacesSequence,
    ScheduledSessionStatus Status, SessionPrescription Prescription)
{
    public bool IsPlanned => Status == ScheduledSessionStatus.Planned;
    public decimal TotalMinutes => Prescription.WarmUpMinutes + Prescription.MainMinutes + Prescription.CoolDownMinutes;
}

public sealed record ProgrammeDetails(
    Guid Id, Guid PatientId, string PatientName, string RecordNumber, Guid ProtocolId, string ProtocolName,
    int ProtocolVersionNumber, int CurrentProtocolVersionNumber, string TherapistUserId, string TherapistName,
    DateOnly StartDate, Weekdays TrainingDays, ProgrammeStatus Status, DateOnly? PausedFrom, string? DiscontinuedReason,
    DateOnly? EndedOn, Guid Version, ProtocolDefinition Definition, SpeedUnit SpeedUnit, IReadOnlyList<ScheduledSessionItem> Sessions,
    DateOnly Today)
{
    public bool IsOngoing => Status.IsOngoing();
    public int PlannedCount => Sessions.Count(s => s.IsPlanned);

    /// <summary>Planned and on the pause date or after it: the session waits for the programme to resume.</summary>
    public bool IsOnHold(ScheduledSessionItem session) => session.IsPlanned && PausedFrom is { } paused && session.Date >= paused;

    /// <summary>
    /// What a schedule row's Status column reads: the recorded status once the session is recorded (e.g. "Completed"),
    /// else "Planned", "On hold (paused)" or "Cancelled".
    /// </summary>
    public string StatusOf(ScheduledSessionItem session, SessionStatus? recorded) =>
        recorded is { } status ? status.Display()
        : !session.IsPlanned ? "Cancelled"
        : IsOnHold(session) ? "On hold (paused)"
        : "Planned";

    /// <summary>What ending the programme today does to its sessions (the same rule the service applies when it ends it).</summary>
    public EndingConsequence Ending(int delivered) =>
        new(delivered, PlannedCount, Sessions.Count(s => ProgrammeStatuses.CancelledOnEnd(s.Status, s.Date, Today)));
}

/// <summary>What marking a programme completed or discontinuing it today does: sessions done, and planned sessions cancelled.</summary>
public sealed record EndingConsequence(int Done, int Planned, int Cancelled)
{
    /// <summary>"0 of 12 sessions done; the 12 remaining planned sessions will be cancelled."</summary>
    public string Sentence => $"{Done} of {Planned} session{(Planned == 1 ? "" : "s")} done; " + Cancelled switch
    {
        0 => "no planned session is left to cancel.",
        1 => "the 1 remaining planned session will be cancelled.",
        _ => $"the {Cancelled} remaining planned sessions will be cancelled.",
    };
}

public sealed record ProgrammeListItem(
    Guid Id, string ProtocolName, int ProtocolVersionNumber, DateOnly StartDate, Weekdays TrainingDays, ProgrammeStatus Status,
    string TherapistName, int PlannedSessions, DateOnly? NextSession)
{
    public bool IsOngoing => Status.IsOngoing();
}

/// <summary>A planned session in a therapist's week, for the dashboard.</summary>
public sealed record WeekSession(
    Guid SessionId, Guid ProgrammeId, Guid PatientId, string PatientName, string RecordNumber, string ProtocolName,
    int Sequence, int SessionsInProgramme, DateOnly Date, int Week, bool IsMakeUp, SessionPrescription Prescription);

public static class ProgrammeDisplay
{
    public static string Display(this ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Planned => "Planned",
        ProgrammeStatus.Active => "Active",
        ProgrammeStatus.Paused => "Paused",
        ProgrammeStatus.Completed => "Completed",
        _ => "Discontinued",
    };

    /// <summary>"1.2 km/h · 0.0° · 5 + 30 + 5 min".</summary>
    public static string Line(this SessionPrescription p, SpeedUnit unit) =>
        $"{Units.FormatSpeed(p.SpeedKmh, unit)} · {Units.FormatIncline(p.Incline, p.InclineUnit)} · {Minutes(p)}";

    public static string Minutes(this SessionPrescription p) =>
        $"{N(p.WarmUpMinutes)} + {N(p.MainMinutes)} + {N(p.CoolDownMinutes)} min";

    public static string N(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
