using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Protocols;

/// <summary>Between the editor's <see cref="ProtocolInput"/> and the clinical <see cref="ProtocolDefinition"/>, and its checks.</summary>
public static class ProtocolMapping
{
    /// <summary>The clinical rules' field keys and the form fields they are shown at.</summary>
    private static readonly Dictionary<string, string> FormFieldOf = new(StringComparer.Ordinal)
    {
        [ProtocolFields.Name] = nameof(ProtocolInput.Name),
        [ProtocolFields.WarmUpMinutes] = nameof(ProtocolInput.WarmUpMinutes),
        [ProtocolFields.MainMinutes] = nameof(ProtocolInput.MainMinutes),
        [ProtocolFields.CoolDownMinutes] = nameof(ProtocolInput.CoolDownMinutes),
        [ProtocolFields.Bouts] = nameof(ProtocolInput.Bouts),
        [ProtocolFields.RestBetweenBoutsMinutes] = nameof(ProtocolInput.RestBetweenBoutsMinutes),
        [ProtocolFields.SessionsPerWeek] = nameof(ProtocolInput.SessionsPerWeek),
        [ProtocolFields.Weeks] = nameof(ProtocolInput.Weeks),
        [ProtocolFields.FixedSessionCount] = nameof(ProtocolInput.FixedSessionCount),
        [ProtocolFields.StartSpeedKmh] = nameof(ProtocolInput.StartSpeed),
        [ProtocolFields.MinSpeedKmh] = nameof(ProtocolInput.MinSpeed),
        [ProtocolFields.MaxSpeedKmh] = nameof(ProtocolInput.MaxSpeed),
        [ProtocolFields.Incline] = nameof(ProtocolInput.Incline),
        [ProtocolFields.MaxIncline] = nameof(ProtocolInput.MaxIncline),
        [ProtocolFields.SpeedStep] = nameof(ProtocolInput.SpeedStep),
        [ProtocolFields.InclineStep] = nameof(ProtocolInput.InclineStep),
        [ProtocolFields.RampStartMinutes] = nameof(ProtocolInput.RampStartMinutes),
        // The ramp ends at the main walking time, which the form uses as the ramp target.
        [ProtocolFields.RampTargetMinutes] = nameof(ProtocolInput.MainMinutes),
        [ProtocolFields.RampStepMinutes] = nameof(ProtocolInput.RampStepMinutes),
        [ProtocolFields.RpeMin] = nameof(ProtocolInput.RpeMin),
        [ProtocolFields.RpeMax] = nameof(ProtocolInput.RpeMax),
        [ProtocolFields.HeartRateReserveMinPercent] = nameof(ProtocolInput.HeartRateReserveMinPercent),
        [ProtocolFields.HeartRateReserveMaxPercent] = nameof(ProtocolInput.HeartRateReserveMaxPercent),
        [ProtocolFields.ScreeningMaxRestingSystolic] = nameof(ProtocolInput.ScreeningMaxRestingSystolic),
        [ProtocolFields.ScreeningMaxRestingDiastolic] = nameof(ProtocolInput.ScreeningMaxRestingDiastolic),
        [ProtocolFields.ScreeningMinRestingHeartRate] = nameof(ProtocolInput.ScreeningMinRestingHeartRate),
        [ProtocolFields.ScreeningMaxRestingHeartRate] = nameof(ProtocolInput.ScreeningMaxRestingHeartRate),
        [ProtocolFields.ScreeningMaxPain] = nameof(ProtocolInput.ScreeningMaxPain),
        [ProtocolFields.StopMaxSystolic] = nameof(ProtocolInput.StopMaxSystolic),
        [ProtocolFields.StopMaxDiastolic] = nameof(ProtocolInput.StopMaxDiastolic),
        [ProtocolFields.StopMaxHeartRate] = nameof(ProtocolInput.StopMaxHeartRate),
        [ProtocolFields.StopMaxPain] = nameof(ProtocolInput.StopMaxPain),
    };

    public static IReadOnlyCollection<string> MeasureCodes { get; } = [.. MeasureCatalogue.All.Select(m => m.Code)];

    /// <summary>The form field a clinical validation key is shown at (outcome rows keep their indexed keys).</summary>
    public static string FormField(string clinicalField) => FormFieldOf.GetValueOrDefault(clinicalField, clinicalField);

    /// <summary>Checks the form: empty required fields first, then the clinical rules. The definition is null when invalid.</summary>
    public static (FieldErrors Errors, ProtocolDefinition? Definition) Validate(ProtocolInput input)
    {
        var errors = new FieldErrors();
        void Need(object? value, string field, string message)
        {
            if (value is null)
            {
                errors.Add(field, message);
            }
        }

        Need(input.WarmUpMinutes, nameof(ProtocolInput.WarmUpMinutes), "Enter the warm-up in minutes (0 for none).");
        Need(input.MainMinutes, nameof(ProtocolInput.MainMinutes), "Enter the main backward-walking time in minutes.");
        Need(input.CoolDownMinutes, nameof(ProtocolInput.CoolDownMinutes), "Enter the cool-down in minutes (0 for none).");
        Need(input.SessionsPerWeek, nameof(ProtocolInput.SessionsPerWeek), "Enter the sessions per week.");
        if (input.CourseMode == CourseMode.Weeks)
        {
            Need(input.Weeks, nameof(ProtocolInput.Weeks), "Enter the number of weeks.");
        }
        else
        {
            Need(input.FixedSessionCount, nameof(ProtocolInput.FixedSessionCount), "Enter the number of sessions.");
        }
        Need(input.StartSpeed.Value, nameof(ProtocolInput.StartSpeed), "Enter the starting speed.");
        Need(input.MinSpeed.Value, nameof(ProtocolInput.MinSpeed), "Enter the minimum speed.");
        Need(input.MaxSpeed.Value, nameof(ProtocolInput.MaxSpeed), "Enter the maximum speed.");
        Need(input.Incline, nameof(ProtocolInput.Incline), "Enter the incline (0 for level).");
        Need(input.MaxIncline, nameof(ProtocolInput.MaxIncline), "Enter the maximum incline (0 for level).");
        switch (input.Progression)
        {
            case ProgressionKind.SpeedStepPerWeek or ProgressionKind.SpeedStepAfterTolerated:
                Need(input.SpeedStep.Value, nameof(ProtocolInput.SpeedStep), "Enter the speed step.");
                break;
            case ProgressionKind.InclineStepPerWeek:
                Need(input.InclineStep, nameof(ProtocolInput.InclineStep), "Enter the incline step.");
                break;
            case ProgressionKind.DurationRamp:
                Need(input.RampStartMinutes, nameof(ProtocolInput.RampStartMinutes), "Enter the starting walking time.");
                Need(input.RampStepMinutes, nameof(ProtocolInput.RampStepMinutes), "Enter the minutes added per step.");
                break;
            default:
                break;
        }
        Need(input.RpeMin, nameof(ProtocolInput.RpeMin), "Enter the lower RPE target.");
        Need(input.RpeMax, nameof(ProtocolInput.RpeMax), "Enter the upper RPE target.");
        Need(input.ScreeningMaxRestingSystolic, nameof(ProtocolInput.ScreeningMaxRestingSystolic), "Enter the resting systolic limit.");
        Need(input.ScreeningMaxRestingDiastolic, nameof(ProtocolInput.ScreeningMaxRestingDiastolic), "Enter the resting diastolic limit.");
        Need(input.ScreeningMinRestingHeartRate, nameof(ProtocolInput.ScreeningMinRestingHeartRate), "Enter the lowest resting heart rate.");
        Need(input.ScreeningMaxRestingHeartRate, nameof(ProtocolInput.ScreeningMaxRestingHeartRate), "Enter the highest resting heart rate.");
        Need(input.ScreeningMaxPain, nameof(ProtocolInput.ScreeningMaxPain), "Enter the pain limit.");
        Need(input.StopMaxSystolic, nameof(ProtocolInput.StopMaxSystolic), "Enter the systolic stop limit.");
        Need(input.StopMaxDiastolic, nameof(ProtocolInput.StopMaxDiastolic), "Enter the diastolic stop limit.");

        var definition = ToDefinition(input);
        foreach (var error in ProtocolValidation.Validate(definition, MeasureCodes))
        {
            var field = FormField(error.Field);
            if (!errors.ContainsKey(field))
            {
                errors.Add(field, error.Message);
            }
        }
        return (errors, errors.IsValid ? definition : null);
    }

    /// <summary>The definition the form describes; empty numbers become 0 (the checks have reported them).</summary>
    public static ProtocolDefinition ToDefinition(ProtocolInput input)
    {
        var unit = input.SpeedUnit;
        var main = input.MainMinutes ?? 0m;
        var fixedCount = input.CourseMode == CourseMode.FixedSessions;
        return new ProtocolDefinition
        {
            Name = input.Name.Trim(),
            Indication = input.Indication,
            Population = input.Population.Trim(),
            Description = input.Description.Trim(),
            Source = input.Source.Trim(),
            Session = new SessionStructure
            {
                WarmUpMinutes = input.WarmUpMinutes ?? 0m,
                MainMinutes = main,
                CoolDownMinutes = input.CoolDownMinutes ?? 0m,
                Bouts = input.Bouts,
                RestBetweenBoutsMinutes = input.RestBetweenBoutsMinutes,
            },
            Course = new CoursePlan
            {
                SessionsPerWeek = input.SessionsPerWeek ?? 0,
                Weeks = fixedCount ? null : input.Weeks ?? 0,
                FixedSessionCount = fixedCount ? input.FixedSessionCount ?? 0 : null,
            },
            Treadmill = new TreadmillSettings
            {
                StartSpeedKmh = input.StartSpeed.ToKmh(unit) ?? 0m,
                MinSpeedKmh = input.MinSpeed.ToKmh(unit) ?? 0m,
                MaxSpeedKmh = input.MaxSpeed.ToKmh(unit) ?? 0m,
                DisplaySpeedUnit = unit,
                Incline = input.Incline ?? 0m,
                MaxIncline = input.MaxIncline ?? 0m,
                InclineUnit = input.InclineUnit,
                Handrail = input.Handrail,
                BodyWeightSupportHarness = input.Harness,
                Supervision = input.Supervision,
            },
            Progression = input.Progression switch
            {
                ProgressionKind.SpeedStepPerWeek => new SpeedStepPerWeek(input.SpeedStep.ToKmh(unit) ?? 0m),
                ProgressionKind.SpeedStepAfterTolerated => new SpeedStepAfterTolerated(input.SpeedStep.ToKmh(unit) ?? 0m),
                ProgressionKind.InclineStepPerWeek => new InclineStepPerWeek(input.InclineStep ?? 0m),
                ProgressionKind.DurationRamp => new DurationRamp(input.RampStartMinutes ?? 0m, main, input.RampStepMinutes ?? 0m, input.RampPer),
                _ => new NoProgression(),
            },
            Intensity = new IntensityTarget
            {
                RpeScale = input.RpeScale,
                RpeMin = input.RpeMin ?? 0m,
                RpeMax = input.RpeMax ?? 0m,
                HeartRateReserveMinPercent = input.HeartRateReserveMinPercent,
                HeartRateReserveMaxPercent = input.HeartRateReserveMaxPercent,
            },
            Safety = new SafetyRules
            {
                Screening = new ScreeningLimits
                {
                    MaxRestingSystolic = input.ScreeningMaxRestingSystolic ?? 0,
                    MaxRestingDiastolic = input.ScreeningMaxRestingDiastolic ?? 0,
                    MinRestingHeartRate = input.ScreeningMinRestingHeartRate ?? 0,
                    MaxRestingHeartRate = input.ScreeningMaxRestingHeartRate ?? 0,
                    MaxPain = input.ScreeningMaxPain ?? 0m,
                },
                Stop = new StopLimits
                {
                    MaxSystolic = input.StopMaxSystolic ?? 0,
                    MaxDiastolic = input.StopMaxDiastolic ?? 0,
                    MaxHeartRate = input.StopMaxHeartRate,
                    MaxPain = input.StopMaxPain,
                },
            },
            Outcomes = [.. input.Outcomes.Select(o => new OutcomeAssessment(
                o.Point,
                o.Point is AssessmentPoint.Interim or AssessmentPoint.FollowUp ? o.Week : null,
                [.. MeasureCatalogue.All.Select(m => m.Code).Where(o.MeasureCodes.Contains)]))],
        };
    }

    /// <summary>The form for a definition, speeds shown in <paramref name="unit"/>.</summary>
    public static ProtocolInput ToInput(ProtocolDefinition d, SpeedUnit unit, Guid version = default)
    {
        var t = d.Treadmill;
        var input = new ProtocolInput
        {
            Name = d.Name,
            Indication = d.Indication,
            Population = d.Population,
            Description = d.Description,
            Source = d.Source,
            WarmUpMinutes = d.Session.WarmUpMinutes,
            MainMinutes = d.Session.MainMinutes,
            CoolDownMinutes = d.Session.CoolDownMinutes,
            Bouts = d.Session.Bouts,
            RestBetweenBoutsMinutes = d.Session.RestBetweenBoutsMinutes,
            CourseMode = d.Course.IsFixedCount ? CourseMode.FixedSessions : CourseMode.Weeks,
            SessionsPerWeek = d.Course.SessionsPerWeek,
            Weeks = d.Course.Weeks ?? 4,
            FixedSessionCount = d.Course.FixedSessionCount ?? d.Course.TotalSessions,
            SpeedUnit = unit,
            StartSpeed = new SpeedValue(t.StartSpeedKmh, unit),
            MinSpeed = new SpeedValue(t.MinSpeedKmh, unit),
            MaxSpeed = new SpeedValue(t.MaxSpeedKmh, unit),
            InclineUnit = t.InclineUnit,
            Incline = t.Incline,
            MaxIncline = t.MaxIncline,
            Handrail = t.Handrail,
            Harness = t.BodyWeightSupportHarness,
            Supervision = t.Supervision,
            SpeedStep = new SpeedValue(0.2m, unit),
            RpeScale = d.Intensity.RpeScale,
            RpeMin = d.Intensity.RpeMin,
            RpeMax = d.Intensity.RpeMax,
            HeartRateReserveMinPercent = d.Intensity.HeartRateReserveMinPercent,
            HeartRateReserveMaxPercent = d.Intensity.HeartRateReserveMaxPercent,
            ScreeningMaxRestingSystolic = d.Safety.Screening.MaxRestingSystolic,
            ScreeningMaxRestingDiastolic = d.Safety.Screening.MaxRestingDiastolic,
            ScreeningMinRestingHeartRate = d.Safety.Screening.MinRestingHeartRate,
            ScreeningMaxRestingHeartRate = d.Safety.Screening.MaxRestingHeartRate,
            ScreeningMaxPain = d.Safety.Screening.MaxPain,
            StopMaxSystolic = d.Safety.Stop.MaxSystolic,
            StopMaxDiastolic = d.Safety.Stop.MaxDiastolic,
            StopMaxHeartRate = d.Safety.Stop.MaxHeartRate,
            StopMaxPain = d.Safety.Stop.MaxPain,
            Outcomes = [.. d.Outcomes.Select(o => new OutcomeInput
            {
                Point = o.Point,
                Week = o.Week,
                MeasureCodes = new HashSet<string>(o.MeasureCodes, StringComparer.OrdinalIgnoreCase),
            })],
            Version = version,
        };
        switch (d.Progression)
        {
            case SpeedStepPerWeek s:
                input.Progression = ProgressionKind.SpeedStepPerWeek;
                input.SpeedStep = new SpeedValue(s.StepKmh, unit);
                break;
            case SpeedStepAfterTolerated s:
                input.Progression = ProgressionKind.SpeedStepAfterTolerated;
                input.SpeedStep = new SpeedValue(s.StepKmh, unit);
                break;
            case InclineStepPerWeek i:
                input.Progression = ProgressionKind.InclineStepPerWeek;
                input.InclineStep = i.Step;
                break;
            case DurationRamp r:
                input.Progression = ProgressionKind.DurationRamp;
                input.RampStartMinutes = r.StartMinutes;
                input.RampStepMinutes = r.StepMinutes;
                input.RampPer = r.Per;
                break;
            default:
                break;
        }
        return input;
    }

    /// <summary>A definition shown in the clinic's speed unit (speeds stay stored in km/h).</summary>
    public static ProtocolDefinition InUnit(this ProtocolDefinition d, SpeedUnit unit) =>
        d.Treadmill.DisplaySpeedUnit == unit ? d : d with { Treadmill = d.Treadmill with { DisplaySpeedUnit = unit } };

    public static string Display(this ProgressionKind kind) => kind switch
    {
        ProgressionKind.SpeedStepPerWeek => "Speed step each week",
        ProgressionKind.SpeedStepAfterTolerated => "Speed step after a tolerated session",
        ProgressionKind.DurationRamp => "Duration ramp",
        ProgressionKind.InclineStepPerWeek => "Incline step each week",
        _ => "None (same dose every session)",
    };
}
