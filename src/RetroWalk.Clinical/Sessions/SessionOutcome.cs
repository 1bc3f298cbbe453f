using System.Text.Json.Serialization;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<SessionStatus>))]
public enum SessionStatus
{
    Completed = 1,

    /// <summary>Started but not finished as planned: counts as delivered, flagged.</summary>
    Partial = 2,

    Missed = 3,

    /// <summary>Cancelled by the clinic: does not count against the patient.</summary>
    CancelledByClinic = 4,

    CancelledByPatient = 5,
}

[JsonConverter(typeof(JsonStringEnumConverter<AdverseEventType>))]
public enum AdverseEventType
{
    Fall = 1,
    NearFall = 2,
    Dizziness = 3,
    ChestPain = 4,
    PainIncrease = 5,
    StoppedEarly = 6,
    Other = 99,
}

public sealed record AdverseEvent(AdverseEventType Type, string? Note = null);

/// <summary>
/// What happened in one session. <see cref="Sequence"/> links it to the planned session. Speeds in km/h,
/// incline in <see cref="InclineUnit"/>, blood pressure in mmHg, heart rate in bpm, pain 0–10, RPE on the protocol's scale.
/// </summary>
public sealed record SessionOutcome
{
    public int? Sequence { get; init; }

    public DateOnly Date { get; init; }

    public SessionStatus Status { get; init; }

    public decimal? PlannedMainMinutes { get; init; }

    public decimal? WarmUpMinutes { get; init; }

    /// <summary>Minutes of backward walking actually done.</summary>
    public decimal? MainMinutes { get; init; }

    public decimal? CoolDownMinutes { get; init; }

    public decimal? PlannedSpeedKmh { get; init; }

    /// <summary>Working speed actually used in the main part.</summary>
    public decimal? SpeedKmh { get; init; }

    public decimal? Incline { get; init; }

    public InclineUnit InclineUnit { get; init; } = InclineUnit.Degrees;

    public HandrailSupport? Handrail { get; init; }

    public bool? Harness { get; init; }

    public decimal? Rpe { get; init; }

    public int? RestingHeartRate { get; init; }

    public int? PeakHeartRate { get; init; }

    public int? HeartRateAfter { get; init; }

    public int? RestingSystolic { get; init; }

    public int? RestingDiastolic { get; init; }

    public int? PeakSystolic { get; init; }

    public int? PeakDiastolic { get; init; }

    public decimal? PainBefore { get; init; }

    public decimal? PainAfter { get; init; }

    public IReadOnlyList<AdverseEvent> AdverseEvents { get; init; } = [];

    public string? StoppedEarlyReason { get; init; }

    public string? Notes { get; init; }

    [JsonIgnore]
    public bool IsDelivered => Status is SessionStatus.Completed or SessionStatus.Partial;

    /// <summary>Missed or cancelled by the patient: counts against adherence.</summary>
    [JsonIgnore]
    public bool IsPatientMiss => Status is SessionStatus.Missed or SessionStatus.CancelledByPatient;
}

public static class SessionDisplay
{
    public static string Display(this AdverseEventType type) => type switch
    {
        AdverseEventType.Fall => "fall",
        AdverseEventType.NearFall => "near-fall",
        AdverseEventType.Dizziness => "dizziness",
        AdverseEventType.ChestPain => "chest pain",
        AdverseEventType.PainIncrease => "pain increase",
        AdverseEventType.StoppedEarly => "stopped early",
        _ => "other adverse event",
    };

    public static string Display(this SessionStatus status) => status switch
    {
        SessionStatus.Completed => "Completed",
        SessionStatus.Partial => "Partly completed",
        SessionStatus.Missed => "Missed",
        SessionStatus.CancelledByClinic => "Cancelled by the clinic",
        _ => "Cancelled by the patient",
    };
}
