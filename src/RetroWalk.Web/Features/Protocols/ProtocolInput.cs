using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Web.Features.Protocols;

public enum CourseMode
{
    Weeks = 1,
    FixedSessions = 2,
}

public enum ProgressionKind
{
    None = 0,
    SpeedStepPerWeek = 1,
    SpeedStepAfterTolerated = 2,
    DurationRamp = 3,
    InclineStepPerWeek = 4,
}

/// <summary>One time point of the outcome assessment plan, as edited in the form.</summary>
public sealed class OutcomeInput
{
    public AssessmentPoint Point { get; set; } = AssessmentPoint.Baseline;
    public int? Week { get; set; }
    public HashSet<string> MeasureCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The protocol editor's form: flat, nullable where a field can be left empty, speeds in the clinic's unit
/// (<see cref="SpeedUnit"/>). <see cref="ProtocolService"/> turns it into a <see cref="ProtocolDefinition"/> and checks it
/// with <see cref="ProtocolValidation"/>; the messages come back keyed by this class's property names.
/// </summary>
public sealed class ProtocolInput
{
    public string Name { get; set; } = "";
    public Condition? Indication { get; set; }
    public string Population { get; set; } = "";
    public string Description { get; set; } = "";
    public string Source { get; set; } = "";

    public decimal? WarmUpMinutes { get; set; } = 5m;
    public decimal? MainMinutes { get; set; } = 30m;
    public decimal? CoolDownMinutes { get; set; } = 5m;
    public int? Bouts { get; set; }
    public decimal? RestBetweenBoutsMinutes { get; set; }

    public CourseMode CourseMode { get; set; } = CourseMode.Weeks;
    public int? SessionsPerWeek { get; set; } = 3;
    public int? Weeks { get; set; } = 4;
    public int? FixedSessionCount { get; set; } = 12;

    /// <summary>The clinic's unit for every speed below.</summary>
    public SpeedUnit SpeedUnit { get; set; } = SpeedUnit.KilometresPerHour;
    public SpeedValue StartSpeed { get; set; } = new(1.0m);
    public SpeedValue MinSpeed { get; set; } = new(0.3m);
    public SpeedValue MaxSpeed { get; set; } = new(2.0m);
    public InclineUnit InclineUnit { get; set; } = InclineUnit.Degrees;
    public decimal? Incline { get; set; } = 0m;
    public decimal? MaxIncline { get; set; } = 0m;
    public HandrailSupport Handrail { get; set; } = HandrailSupport.Full;
    public bool Harness { get; set; }
    public SupervisionLevel Supervision { get; set; } = SupervisionLevel.CloseGuarding;

    public ProgressionKind Progression { get; set; } = ProgressionKind.None;
    public SpeedValue SpeedStep { get; set; } = new(0.2m);
    public decimal? InclineStep { get; set; } = 1m;
    public decimal? RampStartMinutes { get; set; } = 10m;
    public decimal? RampStepMinutes { get; set; } = 5m;
    public RampInterval RampPer { get; set; } = RampInterval.Week;

    public RpeScale RpeScale { get; set; } = RpeScale.Borg6To20;
    public decimal? RpeMin { get; set; } = 11m;
    public decimal? RpeMax { get; set; } = 13m;
    public decimal? HeartRateReserveMinPercent { get; set; }
    public decimal? HeartRateReserveMaxPercent { get; set; }

    public int? ScreeningMaxRestingSystolic { get; set; } = 200;
    public int? ScreeningMaxRestingDiastolic { get; set; } = 100;
    public int? ScreeningMinRestingHeartRate { get; set; } = 40;
    public int? ScreeningMaxRestingHeartRate { get; set; } = 120;
    public decimal? ScreeningMaxPain { get; set; } = 7m;
    public int? StopMaxSystolic { get; set; } = 250;
    public int? StopMaxDiastolic { get; set; } = 115;
    public int? StopMaxHeartRate { get; set; }
    public decimal? StopMaxPain { get; set; } = 7m;

    public List<OutcomeInput> Outcomes { get; set; } = [];

    /// <summary>The protocol's version token when the form was loaded; a save against a newer one is refused.</summary>
    public Guid Version { get; set; }

    public static string OutcomeWeekField(int index) => ProtocolFields.OutcomeWeek(index);

    public static string OutcomeMeasuresField(int index) => ProtocolFields.OutcomeMeasureCodes(index);
}

/// <summary>
/// A speed as entered in the clinic's unit. It remembers the stored km/h it was loaded from, so that opening and
/// saving a form in m/s does not drift the stored value through rounding.
/// </summary>
public sealed class SpeedValue
{
    public SpeedValue()
    {
    }

    public SpeedValue(decimal kmh, SpeedUnit unit = SpeedUnit.KilometresPerHour) => Load(kmh, unit);

    public decimal? Value { get; set; }

    public decimal? LoadedKmh { get; private set; }

    public void Load(decimal kmh, SpeedUnit unit)
    {
        LoadedKmh = kmh;
        Value = Shown(kmh, unit);
    }

    /// <summary>The value in km/h for storage, or null when empty.</summary>
    public decimal? ToKmh(SpeedUnit unit)
    {
        if (Value is not { } value)
        {
            return null;
        }
        if (LoadedKmh is { } loaded && Shown(loaded, unit) == value)
        {
            return loaded;
        }
        // Entered in m/s: the shown limits (e.g. 2.78 m/s for 10 km/h) must be accepted as those limits.
        foreach (var limit in new[] { ProtocolLimits.SpeedMinKmh, ProtocolLimits.SpeedMaxKmh })
        {
            if (unit == SpeedUnit.MetresPerSecond && Shown(limit, unit) == value)
            {
                return limit;
            }
        }
        return Math.Round(Units.ToKmh(value, unit), 3, MidpointRounding.AwayFromZero);
    }

    public static decimal Shown(decimal kmh, SpeedUnit unit) =>
        Math.Round(Units.FromKmh(kmh, unit), 2, MidpointRounding.AwayFromZero);
}
