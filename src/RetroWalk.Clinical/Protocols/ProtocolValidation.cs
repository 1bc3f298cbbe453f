using System.Globalization;

namespace RetroWalk.Clinical.Protocols;

/// <summary>Ranges a protocol definition must stay within.</summary>
public static class ProtocolLimits
{
    public const int NameMaxLength = 200;

    /// <summary>Main walking time: at least 1 minute (a session without backward walking is not a session).</summary>
    public const decimal MainMinutesMin = 1m;

    /// <summary>
    /// Warm-up and cool-down may be 0: several trials add backward walking to usual therapy, where the
    /// warm-up happens outside the treadmill block.
    /// </summary>
    public const decimal PhaseMinutesMin = 0m;

    public const decimal PhaseMinutesMax = 120m;

    public const int BoutsMax = 12;

    public const decimal RestBetweenBoutsMax = 30m;

    public const decimal SpeedMinKmh = 0.1m;

    public const decimal SpeedMaxKmh = 10m;

    /// <summary>Largest speed step per week or per tolerated session.</summary>
    public const decimal SpeedStepMaxKmh = 2m;

    public const decimal InclineMaxDegrees = 15m;

    public const int SessionsPerWeekMax = 7;

    public const int WeeksMin = 2;

    public const int WeeksMax = 12;

    public const int FixedSessionsMin = 6;

    public const int FixedSessionsMax = 24;

    public const decimal HeartRateReserveMinPercent = 20m;

    public const decimal HeartRateReserveMaxPercent = 90m;

    /// <summary>Largest incline in <paramref name="unit"/>: 15° or its percent grade (about 26.8 %).</summary>
    public static decimal InclineMax(InclineUnit unit) =>
        unit == InclineUnit.Percent ? Math.Round(Units.DegreesToPercent(InclineMaxDegrees), 2, MidpointRounding.ToZero) : InclineMaxDegrees;

    public static (decimal Min, decimal Max) RpeRange(RpeScale scale) => scale == RpeScale.Cr10 ? (0m, 10m) : (6m, 20m);
}

public static class ProtocolValidation
{
    /// <summary>
    /// Checks a protocol definition. Returns an empty list when it is valid. When
    /// <paramref name="knownMeasureCodes"/> is given, outcome measure codes must be in it.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(ProtocolDefinition protocol, IReadOnlyCollection<string>? knownMeasureCodes = null)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string message) => errors.Add(new ValidationError(field, message));

        if (string.IsNullOrWhiteSpace(protocol.Name))
        {
            Add(ProtocolFields.Name, "Enter a name.");
        }
        else if (protocol.Name.Length > ProtocolLimits.NameMaxLength)
        {
            Add(ProtocolFields.Name, $"Use at most {ProtocolLimits.NameMaxLength} characters.");
        }

        ValidateSession(protocol.Session, Add);
        ValidateCourse(protocol.Course, Add);
        ValidateTreadmill(protocol.Treadmill, Add);
        ValidateProgression(protocol, Add);
        ValidateIntensity(protocol.Intensity, Add);
        ValidateSafety(protocol.Safety, Add);
        ValidateOutcomes(protocol, knownMeasureCodes, Add);
        return errors;
    }

    /// <summary>
    /// Checks the weekdays chosen when a protocol is assigned to a patient: at least one, and at least as
    /// many as the protocol's sessions per week.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateTrainingDays(CoursePlan course, IReadOnlyCollection<DayOfWeek> trainingDays)
    {
        var distinct = trainingDays.Distinct().Count();
        if (distinct == 0)
        {
            return [new ValidationError(ProtocolFields.TrainingDays, "Choose at least one training day.")];
        }
        if (course.SessionsPerWeek > distinct)
        {
            return [new ValidationError(ProtocolFields.TrainingDays,
                $"The protocol has {course.SessionsPerWeek} sessions a week but only {distinct} training day{(distinct == 1 ? "" : "s")} {(distinct == 1 ? "is" : "are")} chosen.")];
        }
        return [];
    }

    private static void ValidateSession(SessionStructure s, Action<string, string> add)
    {
        if (s.MainMinutes < ProtocolLimits.MainMinutesMin || s.MainMinutes > ProtocolLimits.PhaseMinutesMax)
        {
            add(ProtocolFields.MainMinutes, $"Main walking time must be between {N(ProtocolLimits.MainMinutesMin)} and {N(ProtocolLimits.PhaseMinutesMax)} minutes.");
        }
        if (s.WarmUpMinutes < ProtocolLimits.PhaseMinutesMin || s.WarmUpMinutes > ProtocolLimits.PhaseMinutesMax)
        {
            add(ProtocolFields.WarmUpMinutes, $"Warm-up must be between 0 and {N(ProtocolLimits.PhaseMinutesMax)} minutes.");
        }
        if (s.CoolDownMinutes < ProtocolLimits.PhaseMinutesMin || s.CoolDownMinutes > ProtocolLimits.PhaseMinutesMax)
        {
            add(ProtocolFields.CoolDownMinutes, $"Cool-down must be between 0 and {N(ProtocolLimits.PhaseMinutesMax)} minutes.");
        }
        if (s.Bouts is { } bouts && (bouts < 1 || bouts > ProtocolLimits.BoutsMax))
        {
            add(ProtocolFields.Bouts, $"Bouts must be between 1 and {ProtocolLimits.BoutsMax}.");
        }
        if (s.RestBetweenBoutsMinutes is { } rest)
        {
            if (rest < 0 || rest > ProtocolLimits.RestBetweenBoutsMax)
            {
                add(ProtocolFields.RestBetweenBoutsMinutes, $"Rest between bouts must be between 0 and {N(ProtocolLimits.RestBetweenBoutsMax)} minutes.");
            }
            else if (rest > 0 && (s.Bouts ?? 1) < 2)
            {
                add(ProtocolFields.RestBetweenBoutsMinutes, "Rest between bouts needs two or more bouts.");
            }
        }
    }

    private static void ValidateCourse(CoursePlan c, Action<string, string> add)
    {
        if (c.SessionsPerWeek < 1)
        {
            add(ProtocolFields.SessionsPerWeek, "Plan at least one session a week.");
        }
        else if (c.SessionsPerWeek > ProtocolLimits.SessionsPerWeekMax)
        {
            add(ProtocolFields.SessionsPerWeek, $"Plan at most {ProtocolLimits.SessionsPerWeekMax} sessions a week.");
        }

        switch (c.Weeks, c.FixedSessionCount)
        {
            case (null, null):
                add(ProtocolFields.Weeks, "Set a number of weeks or a fixed number of sessions.");
                break;
            case (not null, not null):
                add(ProtocolFields.FixedSessionCount, "Set either a number of weeks or a fixed number of sessions, not both.");
                break;
            case ({ } weeks, null) when weeks < ProtocolLimits.WeeksMin || weeks > ProtocolLimits.WeeksMax:
                add(ProtocolFields.Weeks, $"The course must last {ProtocolLimits.WeeksMin} to {ProtocolLimits.WeeksMax} weeks.");
                break;
            case (null, { } count) when count < ProtocolLimits.FixedSessionsMin || count > ProtocolLimits.FixedSessionsMax:
                add(ProtocolFields.FixedSessionCount, $"A fixed course must have {ProtocolLimits.FixedSessionsMin} to {ProtocolLimits.FixedSessionsMax} sessions.");
                break;
            default:
                break;
        }
    }

    private static void ValidateTreadmill(TreadmillSettings t, Action<string, string> add)
    {
        // Messages speak the unit the therapist enters speeds in; the limits themselves are in km/h.
        var unit = t.DisplaySpeedUnit;
        var speedRange = $"between {Units.FormatSpeed(ProtocolLimits.SpeedMinKmh, unit)} and {Units.FormatSpeed(ProtocolLimits.SpeedMaxKmh, unit)}";
        var minOk = InSpeedRange(t.MinSpeedKmh);
        var maxOk = InSpeedRange(t.MaxSpeedKmh);
        if (!minOk)
        {
            add(ProtocolFields.MinSpeedKmh, $"Minimum speed must be {speedRange}.");
        }
        if (!maxOk)
        {
            add(ProtocolFields.MaxSpeedKmh, $"Maximum speed must be {speedRange}.");
        }
        if (minOk && maxOk && t.MinSpeedKmh > t.MaxSpeedKmh)
        {
            add(ProtocolFields.MinSpeedKmh, "Minimum speed must not be above the maximum speed.");
        }
        if (!InSpeedRange(t.StartSpeedKmh))
        {
            add(ProtocolFields.StartSpeedKmh, $"Start speed must be {speedRange}.");
        }
        else if (minOk && maxOk && t.MinSpeedKmh <= t.MaxSpeedKmh && (t.StartSpeedKmh < t.MinSpeedKmh || t.StartSpeedKmh > t.MaxSpeedKmh))
        {
            add(ProtocolFields.StartSpeedKmh, $"Start speed must be between the minimum ({Units.FormatSpeed(t.MinSpeedKmh, unit)}) and maximum ({Units.FormatSpeed(t.MaxSpeedKmh, unit)}) speed.");
        }

        var inclineMax = ProtocolLimits.InclineMax(t.InclineUnit);
        var inclineRange = $"between {Units.FormatIncline(0, t.InclineUnit)} and {Units.FormatIncline(inclineMax, t.InclineUnit)}";
        var maxInclineOk = t.MaxIncline >= 0 && t.MaxIncline <= inclineMax;
        if (!maxInclineOk)
        {
            add(ProtocolFields.MaxIncline, $"Maximum incline must be {inclineRange}.");
        }
        if (t.Incline < 0 || t.Incline > inclineMax)
        {
            add(ProtocolFields.Incline, $"Incline must be {inclineRange}.");
        }
        else if (maxInclineOk && t.Incline > t.MaxIncline)
        {
            add(ProtocolFields.Incline, "Incline must not be above the maximum incline.");
        }
    }

    private static bool InSpeedRange(decimal kmh) => kmh >= ProtocolLimits.SpeedMinKmh && kmh <= ProtocolLimits.SpeedMaxKmh;

    private static void ValidateProgression(ProtocolDefinition p, Action<string, string> add)
    {
        switch (p.Progression)
        {
            case SpeedStepPerWeek { StepKmh: var step }:
                ValidateSpeedStep(step, p.Treadmill.DisplaySpeedUnit, add);
                break;
            case SpeedStepAfterTolerated { StepKmh: var step }:
                ValidateSpeedStep(step, p.Treadmill.DisplaySpeedUnit, add);
                break;
            case InclineStepPerWeek { Step: var step }:
                var max = ProtocolLimits.InclineMax(p.Treadmill.InclineUnit);
                if (step <= 0 || step > max)
                {
                    add(ProtocolFields.InclineStep, $"Incline step must be above 0 and at most {Units.FormatIncline(max, p.Treadmill.InclineUnit)}.");
                }
                if (p.Treadmill.MaxIncline <= p.Treadmill.Incline)
                {
                    add(ProtocolFields.MaxIncline, "With an incline progression the maximum incline must be above the starting incline.");
                }
                break;
            case DurationRamp ramp:
                ValidateRamp(ramp, p.Session.MainMinutes, add);
                break;
            default:
                break;
        }
    }

    private static void ValidateSpeedStep(decimal step, SpeedUnit unit, Action<string, string> add)
    {
        if (step <= 0 || step > ProtocolLimits.SpeedStepMaxKmh)
        {
            add(ProtocolFields.SpeedStep, $"Speed step must be above 0 and at most {Units.FormatSpeed(ProtocolLimits.SpeedStepMaxKmh, unit)}.");
        }
    }

    private static void ValidateRamp(DurationRamp ramp, decimal mainMinutes, Action<string, string> add)
    {
        var startOk = ramp.StartMinutes >= ProtocolLimits.MainMinutesMin && ramp.StartMinutes <= ProtocolLimits.PhaseMinutesMax;
        var targetOk = ramp.TargetMinutes >= ProtocolLimits.MainMinutesMin && ramp.TargetMinutes <= ProtocolLimits.PhaseMinutesMax;
        if (!startOk)
        {
            add(ProtocolFields.RampStartMinutes, $"Ramp start must be between {N(ProtocolLimits.MainMinutesMin)} and {N(ProtocolLimits.PhaseMinutesMax)} minutes.");
        }
        if (!targetOk)
        {
            add(ProtocolFields.RampTargetMinutes, $"Ramp target must be between {N(ProtocolLimits.MainMinutesMin)} and {N(ProtocolLimits.PhaseMinutesMax)} minutes.");
        }
        if (startOk && targetOk && ramp.StartMinutes > ramp.TargetMinutes)
        {
            add(ProtocolFields.RampStartMinutes, "Ramp start must not be above the ramp target.");
        }
        if (targetOk && ramp.TargetMinutes != mainMinutes)
        {
            add(ProtocolFields.RampTargetMinutes, $"Ramp target ({N(ramp.TargetMinutes)} min) must equal the main walking time ({N(mainMinutes)} min).");
        }
        if (ramp.StepMinutes <= 0 || ramp.StepMinutes > ProtocolLimits.PhaseMinutesMax)
        {
            add(ProtocolFields.RampStepMinutes, "Ramp step must be above 0 minutes.");
        }
    }

    private static void ValidateIntensity(IntensityTarget i, Action<string, string> add)
    {
        var (lo, hi) = ProtocolLimits.RpeRange(i.RpeScale);
        var scaleName = i.RpeScale == RpeScale.Cr10 ? "CR-10" : "Borg";
        var minOk = i.RpeMin >= lo && i.RpeMin <= hi;
        var maxOk = i.RpeMax >= lo && i.RpeMax <= hi;
        if (!minOk)
        {
            add(ProtocolFields.RpeMin, $"RPE must be between {N(lo)} and {N(hi)} on the {scaleName} scale.");
        }
        if (!maxOk)
        {
            add(ProtocolFields.RpeMax, $"RPE must be between {N(lo)} and {N(hi)} on the {scaleName} scale.");
        }
        if (minOk && maxOk && i.RpeMin > i.RpeMax)
        {
            add(ProtocolFields.RpeMin, "Lower RPE target must not be above the upper target.");
        }

        var hrMin = i.HeartRateReserveMinPercent;
        var hrMax = i.HeartRateReserveMaxPercent;
        if (hrMin is null != hrMax is null)
        {
            add(hrMin is null ? ProtocolFields.HeartRateReserveMinPercent : ProtocolFields.HeartRateReserveMaxPercent,
                "Enter both ends of the heart-rate zone, or neither.");
            return;
        }
        if (hrMin is null || hrMax is null)
        {
            return;
        }
        var range = $"between {N(ProtocolLimits.HeartRateReserveMinPercent)} and {N(ProtocolLimits.HeartRateReserveMaxPercent)} % of heart-rate reserve";
        var hrMinOk = hrMin >= ProtocolLimits.HeartRateReserveMinPercent && hrMin <= ProtocolLimits.HeartRateReserveMaxPercent;
        var hrMaxOk = hrMax >= ProtocolLimits.HeartRateReserveMinPercent && hrMax <= ProtocolLimits.HeartRateReserveMaxPercent;
        if (!hrMinOk)
        {
            add(ProtocolFields.HeartRateReserveMinPercent, $"Must be {range}.");
        }
        if (!hrMaxOk)
        {
            add(ProtocolFields.HeartRateReserveMaxPercent, $"Must be {range}.");
        }
        if (hrMinOk && hrMaxOk && hrMin > hrMax)
        {
            add(ProtocolFields.HeartRateReserveMinPercent, "Lower heart-rate reserve target must not be above the upper target.");
        }
    }

    private static void ValidateSafety(SafetyRules s, Action<string, string> add)
    {
        if (s.Screening.MaxRestingSystolic is < 60 or > 300)
        {
            add(ProtocolFields.ScreeningMaxRestingSystolic, "Resting systolic limit must be between 60 and 300 mmHg.");
        }
        if (s.Screening.MaxRestingDiastolic is < 30 or > 200)
        {
            add(ProtocolFields.ScreeningMaxRestingDiastolic, "Resting diastolic limit must be between 30 and 200 mmHg.");
        }
        if (s.Screening.MinRestingHeartRate is < 30 or > 230)
        {
            add(ProtocolFields.ScreeningMinRestingHeartRate, "Resting heart-rate limit must be between 30 and 230 bpm.");
        }
        if (s.Screening.MaxRestingHeartRate is < 30 or > 230)
        {
            add(ProtocolFields.ScreeningMaxRestingHeartRate, "Resting heart-rate limit must be between 30 and 230 bpm.");
        }
        else if (s.Screening.MinRestingHeartRate >= s.Screening.MaxRestingHeartRate)
        {
            add(ProtocolFields.ScreeningMinRestingHeartRate, "Lowest resting heart rate must be below the highest.");
        }
        if (s.Screening.MaxPain is < 0 or > 10)
        {
            add(ProtocolFields.ScreeningMaxPain, "Pain limit must be between 0 and 10.");
        }
        if (s.Stop.MaxSystolic is < 60 or > 300)
        {
            add(ProtocolFields.StopMaxSystolic, "Systolic stop limit must be between 60 and 300 mmHg.");
        }
        if (s.Stop.MaxDiastolic is < 30 or > 200)
        {
            add(ProtocolFields.StopMaxDiastolic, "Diastolic stop limit must be between 30 and 200 mmHg.");
        }
        if (s.Stop.MaxHeartRate is < 30 or > 230)
        {
            add(ProtocolFields.StopMaxHeartRate, "Heart-rate stop limit must be between 30 and 230 bpm.");
        }
        if (s.Stop.MaxPain is < 0 or > 10)
        {
            add(ProtocolFields.StopMaxPain, "Pain stop limit must be between 0 and 10.");
        }
    }

    private static void ValidateOutcomes(ProtocolDefinition p, IReadOnlyCollection<string>? known, Action<string, string> add)
    {
        for (var i = 0; i < p.Outcomes.Count; i++)
        {
            var o = p.Outcomes[i];
            switch (o.Point)
            {
                case AssessmentPoint.Interim when o.Week is null || o.Week < 1 || (p.Course.Weeks is { } weeks && o.Week >= weeks):
                    add(ProtocolFields.OutcomeWeek(i), p.Course.Weeks is { } w
                        ? $"An interim assessment needs a week between 1 and {w - 1}."
                        : "An interim assessment needs a week of 1 or more.");
                    break;
                case AssessmentPoint.FollowUp when o.Week is null || o.Week < 1 || o.Week > 104:
                    add(ProtocolFields.OutcomeWeek(i), "A follow-up needs the number of weeks after the end (1 to 104).");
                    break;
                default:
                    break;
            }
            if (o.MeasureCodes.Count == 0 || o.MeasureCodes.Any(string.IsNullOrWhiteSpace))
            {
                add(ProtocolFields.OutcomeMeasureCodes(i), "Choose at least one measure, with no empty codes.");
            }
            else if (known is not null)
            {
                var unknown = o.MeasureCodes.Where(c => !known.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
                if (unknown.Count > 0)
                {
                    add(ProtocolFields.OutcomeMeasureCodes(i), $"Unknown measure code: {string.Join(", ", unknown)}.");
                }
            }
        }
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
