using System.Globalization;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Web.Features.Sessions;

/// <summary>The session form's model. Speeds are in the clinic's unit; the service converts them to km/h.</summary>
public sealed class SessionInput
{
    public Guid? Id { get; set; }
    public Guid Version { get; set; }

    /// <summary>Made when the form opens; a repeated save with the same key never makes a second record.</summary>
    public Guid IdempotencyKey { get; set; } = Guid.NewGuid();

    public int? Sequence { get; set; }
    public DateOnly? Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Completed;

    public int? RestingHeartRate { get; set; }
    public int? RestingSystolic { get; set; }
    public int? RestingDiastolic { get; set; }
    public decimal? PainBefore { get; set; }

    public decimal? WarmUpMinutes { get; set; }
    public decimal? MainMinutes { get; set; }
    public decimal? CoolDownMinutes { get; set; }
    public decimal? StartSpeed { get; set; }
    public decimal? EndSpeed { get; set; }
    public decimal? Incline { get; set; }
    public HandrailSupport? Handrail { get; set; }
    public bool Harness { get; set; }

    public decimal? Rpe { get; set; }
    public int? PeakHeartRate { get; set; }
    public int? HeartRateAfter { get; set; }
    public int? SystolicAfter { get; set; }
    public int? DiastolicAfter { get; set; }
    public decimal? PainAfter { get; set; }

    public List<AdverseEventInput> AdverseEvents { get; set; } =
        [.. Enum.GetValues<AdverseEventType>().Select(t => new AdverseEventInput { Type = t })];

    public string? Notes { get; set; }

    public ScreeningReadings Screening => new(RestingSystolic, RestingDiastolic, RestingHeartRate, PainBefore);

    /// <summary>Completed or partly completed: the session has treadmill and effort values.</summary>
    public bool IsDelivered => Status is SessionStatus.Completed or SessionStatus.Partial;

    /// <summary>
    /// What is saved: a session not done records no treadmill or effort values. The form keeps them on screen (greyed)
    /// in case the status goes back to completed, so nothing typed is lost to a change of status.
    /// </summary>
    public SessionInput ForSaving()
    {
        var saved = (SessionInput)MemberwiseClone();
        if (!IsDelivered)
        {
            saved.WarmUpMinutes = saved.MainMinutes = saved.CoolDownMinutes = null;
            saved.StartSpeed = saved.EndSpeed = saved.Incline = null;
            saved.Rpe = saved.PainAfter = null;
            saved.PeakHeartRate = saved.HeartRateAfter = saved.SystolicAfter = saved.DiastolicAfter = null;
            saved.Handrail = null;
            saved.Harness = false;
        }
        return saved;
    }

    public InSessionReadings InSession => new(SystolicAfter, DiastolicAfter, PeakHeartRate, PainAfter);

    public IReadOnlyList<AdverseEvent> CheckedEvents =>
        [.. AdverseEvents.Where(e => e.Occurred).Select(e => new AdverseEvent(e.Type, string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim()))];
}

public sealed class AdverseEventInput
{
    public AdverseEventType Type { get; set; }
    public bool Occurred { get; set; }
    public string? Note { get; set; }
}

/// <summary>Everything the session form shows beside the entry: the prescription, the targets and the limits.</summary>
public sealed record SessionFormData(
    Guid ProgrammeId,
    Guid PatientId,
    string PatientName,
    string RecordNumber,
    string ProtocolName,
    DateOnly ProgrammeStart,
    DateOnly Today,
    bool ProgrammeOngoing,
    SpeedUnit SpeedUnit,
    ProtocolDefinition Definition,
    PlannedSessionView? Planned,
    int SessionsInProgramme,
    DateOnly PatientDateOfBirth,
    int? PatientRestingHeartRate,
    bool TakesBetaBlockers,
    SessionInput Input)
{
    public IntensityTarget Intensity => Definition.Intensity;
    public ScreeningLimits Screening => Definition.Safety.Screening;
    public StopLimits Stop => Definition.Safety.Stop;
    public bool IsExtra => Planned is null;

    /// <summary>The Karvonen heart-rate zone for this patient with the given resting heart rate, or why none applies.</summary>
    public HeartRateZone Zone(int? restingHeartRate) =>
        (restingHeartRate ?? PatientRestingHeartRate) is { } rest
            ? HeartRateZones.Karvonen(Intensity, PatientDateOfBirth, Today, rest, TakesBetaBlockers)
            : TakesBetaBlockers
                ? HeartRateZone.NotApplicable(HeartRateZones.BetaBlockerReason)
                : HeartRateZone.NotApplicable("Not available: enter the resting heart rate.");
}

public sealed record PlannedSessionView(int Sequence, DateOnly Date, int Week, bool IsMakeUp, SessionPrescription Prescription);

/// <summary>The suggested dose for the next planned session, beside its current plan.</summary>
public sealed record NextSessionSuggestion(
    int Sequence, DateOnly Date, int Week, SessionPrescription Current, SessionPrescription Suggested,
    ProgressionAction Action, IReadOnlyList<string> Reasons, SpeedUnit SpeedUnit, Guid? AfterRecordId, DecisionView? Decision);

public sealed record DecisionView(PrescriptionChoice Choice, decimal SpeedKmh, decimal Incline, decimal MainMinutes, string DecidedBy, DateTimeOffset At, string? OverrideReason);

/// <summary>The therapist's answer to a suggestion. Override values in the clinic's speed unit and the protocol's incline unit.</summary>
public sealed class DecisionInput
{
    public int ForSequence { get; set; }
    public Guid? AfterRecordId { get; set; }
    public PrescriptionChoice Choice { get; set; }
    public decimal? Speed { get; set; }
    public decimal? Incline { get; set; }
    public decimal? MainMinutes { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Adherence of one programme, with what the schedule table needs: each planned session's recorded status.</summary>
public sealed record ProgrammeAdherence(Guid ProgrammeId, AdherenceSummary Summary, IReadOnlyDictionary<int, SessionStatus> RecordedBySequence, int ExtraSessions);

/// <summary>A patient's adherence over all their programmes (the figures summed), and the latest programme's flags.</summary>
public sealed record PatientAdherence(int Programmes, int PlannedToDate, int Delivered, int Missed, decimal PrescribedMainMinutes, decimal DeliveredMainMinutes,
    int AdverseEventCount, int ConsecutiveMissed, IReadOnlyList<AdherenceFlag> Flags)
{
    public decimal? AdherencePercent => PlannedToDate == 0 ? null : Math.Round(Delivered * 100m / PlannedToDate, 1, MidpointRounding.AwayFromZero);
    public decimal? DosePercent => PrescribedMainMinutes == 0 ? null : Math.Round(DeliveredMainMinutes * 100m / PrescribedMainMinutes, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A planned session today in one of the signed-in therapist's programmes.</summary>
public sealed record TodaySession(Guid ProgrammeId, Guid PatientId, string PatientName, string RecordNumber, string ProtocolName,
    int Sequence, SessionPrescription Prescription, SessionStatus? Recorded);

/// <summary>The dashboard's flagged programmes in order, and whether more are flagged than were asked for.</summary>
public sealed record FlagList(IReadOnlyList<FlaggedProgramme> Rows, bool More);

/// <summary>A programme that needs attention, with its flags and the figures behind them.</summary>

public sealed record FlaggedProgramme(Guid ProgrammeId, Guid PatientId, string PatientName, string RecordNumber, string ProtocolName,
    string TherapistName, bool IsMine, IReadOnlyList<AdherenceFlag> Flags, int ConsecutiveMissed, RecordedAdverseEvent? MostRecentAdverseEvent, DateOnly? EndDate);

/// <summary>One session of a programme's history, for reports: planned dose beside what was done. Speeds in km/h.</summary>
public sealed record SessionHistoryRow(
    int? Sequence, DateOnly Date, TimeOnly? StartTime, SessionStatus Status, bool ScreeningPassed, string? ScreeningReason,
    decimal? PlannedSpeedKmh, decimal? PlannedMainMinutes, decimal? WarmUpMinutes, decimal? MainMinutes, decimal? CoolDownMinutes,
    decimal? StartSpeedKmh, decimal? EndSpeedKmh, decimal? Incline, InclineUnit InclineUnit, HandrailSupport? Handrail, bool? Harness,
    decimal? Rpe, int? RestingHeartRate, int? PeakHeartRate, int? HeartRateAfter, int? RestingSystolic, int? RestingDiastolic,
    int? SystolicAfter, int? DiastolicAfter, decimal? PainBefore, decimal? PainAfter, IReadOnlyList<AdverseEvent> AdverseEvents, string? Notes);

/// <summary>A point of the speed progression: the working speed of a delivered session.</summary>
public sealed record SpeedPoint(DateOnly Date, int? Sequence, decimal SpeedKmh);

/// <summary>A programme's session history and adherence as plain records (no UI types), for the PDF report.</summary>
public sealed record ProgrammeSessionHistory(
    Guid ProgrammeId, Guid PatientId, string PatientName, string RecordNumber, string ProtocolName, int ProtocolVersionNumber,
    DateOnly StartDate, SpeedUnit SpeedUnit, RpeScale RpeScale, AdherenceSummary Adherence, IReadOnlyList<SessionHistoryRow> Sessions,
    IReadOnlyList<RecordedAdverseEvent> AdverseEvents, IReadOnlyList<SpeedPoint> SpeedProgression);

public static class SessionFormat
{
    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(decimal? value) => value is { } v ? $"{v.ToString("0.#", CultureInfo.InvariantCulture)} %" : "–";

    public static string Display(this AdherenceFlag flag, int consecutiveMissed = 2) => flag switch
    {
        AdherenceFlag.ConsecutiveMissedSessions => $"{consecutiveMissed} missed sessions in a row",
        AdherenceFlag.RecentAdverseEvent => "Adverse event in the last 7 days",
        AdherenceFlag.PastEndDateStillActive => "Past its end date but still active",
        AdherenceFlag.PartialSessions => "Partly completed sessions",
        _ => "Past sessions not recorded",
    };

    /// <summary>The dashboard shows the flags that need action; the others are shown with the adherence figures.</summary>
    public static bool IsDashboardFlag(this AdherenceFlag flag) =>
        flag is AdherenceFlag.ConsecutiveMissedSessions or AdherenceFlag.RecentAdverseEvent or AdherenceFlag.PastEndDateStillActive;

    public static string Display(this ProgressionAction action) => action switch
    {
        ProgressionAction.Increase => "Increase",
        ProgressionAction.Hold => "Hold",
        ProgressionAction.AtMaximum => "At maximum",
        ProgressionAction.Start => "Start values",
        _ => "As planned",
    };

    public static string Capitalised(this AdverseEventType type)
    {
        var text = type.Display();
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
