namespace RetroWalk.Clinical.Protocols;

/// <summary>
/// A message for one form field. <see cref="Field"/> is a stable dotted property path such as
/// "Treadmill.MaxSpeedKmh" or "Outcomes[1].Week", built from <c>nameof</c> of the record properties.
/// </summary>
public sealed record ValidationError(string Field, string Message);

public static class ValidationErrors
{
    /// <summary>Messages grouped by field, in the order they were found (the shape form validation stores expect).</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(this IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>Field keys of <see cref="ProtocolDefinition"/> used in validation errors.</summary>
public static class ProtocolFields
{
    public const string Name = nameof(ProtocolDefinition.Name);

    public const string WarmUpMinutes = nameof(ProtocolDefinition.Session) + "." + nameof(SessionStructure.WarmUpMinutes);
    public const string MainMinutes = nameof(ProtocolDefinition.Session) + "." + nameof(SessionStructure.MainMinutes);
    public const string CoolDownMinutes = nameof(ProtocolDefinition.Session) + "." + nameof(SessionStructure.CoolDownMinutes);
    public const string Bouts = nameof(ProtocolDefinition.Session) + "." + nameof(SessionStructure.Bouts);
    public const string RestBetweenBoutsMinutes = nameof(ProtocolDefinition.Session) + "." + nameof(SessionStructure.RestBetweenBoutsMinutes);

    public const string SessionsPerWeek = nameof(ProtocolDefinition.Course) + "." + nameof(CoursePlan.SessionsPerWeek);
    public const string Weeks = nameof(ProtocolDefinition.Course) + "." + nameof(CoursePlan.Weeks);
    public const string FixedSessionCount = nameof(ProtocolDefinition.Course) + "." + nameof(CoursePlan.FixedSessionCount);

    public const string StartSpeedKmh = nameof(ProtocolDefinition.Treadmill) + "." + nameof(TreadmillSettings.StartSpeedKmh);
    public const string MinSpeedKmh = nameof(ProtocolDefinition.Treadmill) + "." + nameof(TreadmillSettings.MinSpeedKmh);
    public const string MaxSpeedKmh = nameof(ProtocolDefinition.Treadmill) + "." + nameof(TreadmillSettings.MaxSpeedKmh);
    public const string Incline = nameof(ProtocolDefinition.Treadmill) + "." + nameof(TreadmillSettings.Incline);
    public const string MaxIncline = nameof(ProtocolDefinition.Treadmill) + "." + nameof(TreadmillSettings.MaxIncline);

    public const string SpeedStep = nameof(ProtocolDefinition.Progression) + "." + nameof(SpeedStepPerWeek.StepKmh);
    public const string InclineStep = nameof(ProtocolDefinition.Progression) + "." + nameof(InclineStepPerWeek.Step);
    public const string RampStartMinutes = nameof(ProtocolDefinition.Progression) + "." + nameof(DurationRamp.StartMinutes);
    public const string RampTargetMinutes = nameof(ProtocolDefinition.Progression) + "." + nameof(DurationRamp.TargetMinutes);
    public const string RampStepMinutes = nameof(ProtocolDefinition.Progression) + "." + nameof(DurationRamp.StepMinutes);

    public const string RpeMin = nameof(ProtocolDefinition.Intensity) + "." + nameof(IntensityTarget.RpeMin);
    public const string RpeMax = nameof(ProtocolDefinition.Intensity) + "." + nameof(IntensityTarget.RpeMax);
    public const string HeartRateReserveMinPercent = nameof(ProtocolDefinition.Intensity) + "." + nameof(IntensityTarget.HeartRateReserveMinPercent);
    public const string HeartRateReserveMaxPercent = nameof(ProtocolDefinition.Intensity) + "." + nameof(IntensityTarget.HeartRateReserveMaxPercent);

    public const string ScreeningMaxRestingSystolic = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Screening) + "." + nameof(ScreeningLimits.MaxRestingSystolic);
    public const string ScreeningMaxRestingDiastolic = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Screening) + "." + nameof(ScreeningLimits.MaxRestingDiastolic);
    public const string ScreeningMinRestingHeartRate = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Screening) + "." + nameof(ScreeningLimits.MinRestingHeartRate);
    public const string ScreeningMaxRestingHeartRate = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Screening) + "." + nameof(ScreeningLimits.MaxRestingHeartRate);
    public const string ScreeningMaxPain = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Screening) + "." + nameof(ScreeningLimits.MaxPain);
    public const string StopMaxSystolic = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Stop) + "." + nameof(StopLimits.MaxSystolic);
    public const string StopMaxDiastolic = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Stop) + "." + nameof(StopLimits.MaxDiastolic);
    public const string StopMaxHeartRate = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Stop) + "." + nameof(StopLimits.MaxHeartRate);
    public const string StopMaxPain = nameof(ProtocolDefinition.Safety) + "." + nameof(SafetyRules.Stop) + "." + nameof(StopLimits.MaxPain);

    /// <summary>Checked when a protocol is assigned with chosen weekdays, not on the protocol itself.</summary>
    public const string TrainingDays = "TrainingDays";

    public static string OutcomeWeek(int index) => $"{nameof(ProtocolDefinition.Outcomes)}[{index}].{nameof(OutcomeAssessment.Week)}";

    public static string OutcomeMeasureCodes(int index) => $"{nameof(ProtocolDefinition.Outcomes)}[{index}].{nameof(OutcomeAssessment.MeasureCodes)}";
}
