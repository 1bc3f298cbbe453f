using System.Text.Json.Serialization;

namespace RetroWalk.Clinical.Protocols;

/// <summary>
/// The dose a therapist configures: session structure, course length, treadmill settings,
/// progression, intensity, safety limits and the outcome assessment plan.
/// </summary>
public sealed record ProtocolDefinition
{
    /// <summary>Stable key of a built-in template (e.g. "chronic-stroke-4wk"); empty for a clinic's own protocol.</summary>
    public string Key { get; init; } = "";

    public string Name { get; init; } = "";

    public Condition? Indication { get; init; }

    /// <summary>Who the protocol is for, in words (e.g. "Stroke more than 6 months ago, walks more than 11 m").</summary>
    public string Population { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Citation of the trial or guideline the dose comes from.</summary>
    public string Source { get; init; } = "";

    public SessionStructure Session { get; init; } = new();

    public CoursePlan Course { get; init; } = new();

    public TreadmillSettings Treadmill { get; init; } = new();

    public ProgressionRule Progression { get; init; } = new NoProgression();

    public IntensityTarget Intensity { get; init; } = new();

    public SafetyRules Safety { get; init; } = new();

    public IReadOnlyList<OutcomeAssessment> Outcomes { get; init; } = [];

    /// <summary>Planned sessions in the whole course: weeks × sessions per week, or the fixed count.</summary>
    public int TotalSessions => Course.TotalSessions;
}

/// <summary>Minutes of one session. The main part is the backward walking.</summary>
public sealed record SessionStructure
{
    public decimal WarmUpMinutes { get; init; }

    public decimal MainMinutes { get; init; } = 30m;

    public decimal CoolDownMinutes { get; init; }

    /// <summary>Number of bouts the main part is split into (e.g. 3 × 10 min); null or 1 means one continuous bout.</summary>
    public int? Bouts { get; init; }

    /// <summary>Rest between bouts, in minutes; only meaningful with two or more bouts.</summary>
    public decimal? RestBetweenBoutsMinutes { get; init; }
}

/// <summary>
/// Course length: a number of weeks at <see cref="SessionsPerWeek"/>, or a fixed number of sessions.
/// Exactly one of <see cref="Weeks"/> and <see cref="FixedSessionCount"/> is set. Sessions per week is
/// also used to spread a fixed count over the calendar.
/// </summary>
public sealed record CoursePlan
{
    public int SessionsPerWeek { get; init; } = 3;

    public int? Weeks { get; init; } = 4;

    public int? FixedSessionCount { get; init; }

    [JsonIgnore]
    public bool IsFixedCount => FixedSessionCount is not null;

    [JsonIgnore]
    public int TotalSessions => FixedSessionCount ?? (Weeks ?? 0) * SessionsPerWeek;
}

[JsonConverter(typeof(JsonStringEnumConverter<HandrailSupport>))]
public enum HandrailSupport
{
    None = 0,
    LightTouch = 1,
    Full = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<SupervisionLevel>))]
public enum SupervisionLevel
{
    /// <summary>Therapist within reach, not touching.</summary>
    StandBy = 1,

    /// <summary>Therapist right behind or beside the patient, ready to catch.</summary>
    CloseGuarding = 2,

    /// <summary>Therapist's hands on the patient (e.g. at the pelvis or gait belt).</summary>
    HandsOn = 3,
}

/// <summary>Treadmill settings. Speeds are stored in km/h; the incline and its maximum share <see cref="InclineUnit"/>.</summary>
public sealed record TreadmillSettings
{
    public decimal StartSpeedKmh { get; init; } = 1.0m;

    public decimal MinSpeedKmh { get; init; } = 0.3m;

    public decimal MaxSpeedKmh { get; init; } = 2.0m;

    /// <summary>How speeds are shown to the therapist; storage stays in km/h.</summary>
    public SpeedUnit DisplaySpeedUnit { get; init; } = SpeedUnit.KilometresPerHour;

    public decimal Incline { get; init; }

    public decimal MaxIncline { get; init; }

    public InclineUnit InclineUnit { get; init; } = InclineUnit.Degrees;

    public HandrailSupport Handrail { get; init; } = HandrailSupport.Full;

    public bool BodyWeightSupportHarness { get; init; }

    public SupervisionLevel Supervision { get; init; } = SupervisionLevel.CloseGuarding;
}

[JsonConverter(typeof(JsonStringEnumConverter<RpeScale>))]
public enum RpeScale
{
    /// <summary>Borg 6–20.</summary>
    Borg6To20 = 1,

    /// <summary>Borg CR-10, 0–10.</summary>
    Cr10 = 2,
}

/// <summary>
/// Target effort. RPE always applies; the heart-rate zone (percent of heart-rate reserve, Karvonen)
/// is optional and is not used for patients on beta-blockers.
/// </summary>
public sealed record IntensityTarget
{
    public RpeScale RpeScale { get; init; } = RpeScale.Borg6To20;

    public decimal RpeMin { get; init; } = 11m;

    public decimal RpeMax { get; init; } = 13m;

    public decimal? HeartRateReserveMinPercent { get; init; }

    public decimal? HeartRateReserveMaxPercent { get; init; }

    [JsonIgnore]
    public bool HasHeartRateZone => HeartRateReserveMinPercent is not null && HeartRateReserveMaxPercent is not null;
}

/// <summary>Pre-session screening limits and in-session stop limits.</summary>
public sealed record SafetyRules
{
    public ScreeningLimits Screening { get; init; } = new();

    public StopLimits Stop { get; init; } = new();
}

/// <summary>
/// Before the session: a reading above a maximum (or below the minimum heart rate) means no session today.
/// Blood pressure limits are the exclusion of resting BP &gt; 200/100 mmHg in the backward-treadmill trial
/// registration NCT02710773 (not one of the templates' trials); the heart-rate range and pain limit are clinic
/// defaults to adjust.
/// </summary>
public sealed record ScreeningLimits
{
    public int MaxRestingSystolic { get; init; } = 200;

    public int MaxRestingDiastolic { get; init; } = 100;

    public int MinRestingHeartRate { get; init; } = 40;

    public int MaxRestingHeartRate { get; init; } = 120;

    /// <summary>Pain (0–10) above this means no session today.</summary>
    public decimal MaxPain { get; init; } = 7m;
}

/// <summary>
/// During the session: numeric ACSM stop limits (systolic &gt; 250 or diastolic &gt; 115 mmHg), an optional
/// heart-rate ceiling and pain limit (clinic defaults), plus the non-numeric ACSM signs in <see cref="StopSign"/>.
/// </summary>
public sealed record StopLimits
{
    public int MaxSystolic { get; init; } = 250;

    public int MaxDiastolic { get; init; } = 115;

    /// <summary>Heart rate above this stops the session; null when no ceiling is set.</summary>
    public int? MaxHeartRate { get; init; }

    /// <summary>Pain (0–10) above this stops the session; null when not used.</summary>
    public decimal? MaxPain { get; init; } = 7m;
}

/// <summary>Non-numeric stop criteria (ACSM), shown to the therapist as a checklist.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StopSign>))]
public enum StopSign
{
    ModerateToSevereAngina = 1,
    AtaxiaVertigoOrConfusion = 2,
    SignsOfPoorPerfusion = 3,
    SeriousArrhythmia = 4,
    PatientAsksToStop = 5,
    SystolicFallingWithRisingWorkloadAndSymptoms = 6,
}

[JsonConverter(typeof(JsonStringEnumConverter<AssessmentPoint>))]
public enum AssessmentPoint
{
    Baseline = 1,

    /// <summary>During the course, at <see cref="OutcomeAssessment.Week"/>.</summary>
    Interim = 2,

    End = 3,

    /// <summary><see cref="OutcomeAssessment.Week"/> weeks after the end of the course.</summary>
    FollowUp = 4,
}

/// <summary>One time point of the outcome assessment plan and the measure codes taken then (e.g. "BBS", "TUG").</summary>
public sealed record OutcomeAssessment(AssessmentPoint Point, int? Week, IReadOnlyList<string> MeasureCodes);
