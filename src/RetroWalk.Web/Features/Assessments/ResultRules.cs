using System.Globalization;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>What the 6MWT prediction needs to know about a patient.</summary>
public sealed record PatientFacts(DateOnly DateOfBirth, Sex Sex, decimal? HeightCm, decimal? WeightKg, Condition Condition);

/// <summary>
/// A measure result as calculated from the form: the value (null when incomplete) and what it came from. For an item
/// form, <paramref name="TotalText"/> says the total or why there is none (<see cref="ItemScoringResult.TotalText"/>).
/// </summary>
public sealed record ResultEvaluation(
    MeasureDefinition Measure,
    decimal? Value,
    bool IsComplete,
    SortedDictionary<int, int?>? Items,
    string? TotalText,
    GaitSpeedResult? Speed,
    SixMinuteWalkPrediction? Prediction,
    decimal? PercentOfPredicted);

/// <summary>
/// Field-level rules for one measure on the assessment form, shared by the service (which refuses to
/// save) and the form (which shows the same messages as the therapist types).
/// </summary>
public static class ResultRules
{
    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Checks one result and adds messages under <paramref name="prefix"/> (e.g. <c>Results[2]</c>):
    /// <c>.Items[n]</c>, <c>.Items</c>, <c>.TimeSeconds</c>, <c>.DistanceMetres</c>, <c>.Value</c>, <c>.AssistiveDevice</c>.
    /// Returns null when the measure code is unknown (also reported). With <paramref name="requireValues"/>
    /// false (live feedback while typing) a value not entered yet is not reported.
    /// </summary>
    public static ResultEvaluation? Evaluate(MeasureResultInput input, string prefix, FieldErrors errors, PatientFacts? patient = null, DateOnly? date = null, bool requireValues = true)
    {
        if (!MeasureCatalogue.TryGet(input.MeasureCode, out var measure) || measure.DerivedFrom is not null)
        {
            errors.Add($"{prefix}.{nameof(MeasureResultInput.MeasureCode)}", $"'{input.MeasureCode}' is not a measure that can be recorded.");
            return null;
        }

        if (input.AssistiveDevice is { Length: > 100 })
        {
            errors.Add($"{prefix}.{nameof(MeasureResultInput.AssistiveDevice)}", "The assistive device can have at most 100 characters.");
        }

        return MeasureEntry.KindOf(measure) switch
        {
            MeasureEntryKind.Items => Items(measure, input, prefix, errors, requireValues),
            MeasureEntryKind.DistanceAndTime => DistanceAndTime(measure, input, prefix, errors, requireValues),
            MeasureEntryKind.Distance => Distance(measure, input, prefix, errors, patient, date, requireValues),
            _ => Time(measure, input, prefix, errors, requireValues),
        };
    }

    public static string ItemKey(string prefix, int number) => $"{prefix}.{nameof(MeasureResultInput.Items)}[{number}]";

    private static ResultEvaluation Items(MeasureDefinition measure, MeasureResultInput input, string prefix, FieldErrors errors, bool requireValues)
    {
        var byNumber = measure.Items.ToDictionary(i => i.Number);
        var scores = new Dictionary<int, int?>();
        var unreadable = new List<int>();
        var before = errors.Count;
        foreach (var (number, raw) in input.Items.OrderBy(kv => kv.Key))
        {
            var text = raw?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                scores[number] = null;
            }
            else if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
            {
                scores[number] = score;
            }
            else if (byNumber.TryGetValue(number, out var item))
            {
                errors.Add(ItemKey(prefix, number), $"Item {number} ({item.Name}): enter a whole number from {item.MinScore} to {item.MaxScore}.");
                unreadable.Add(number);
            }
            else
            {
                scores[number] = null;
            }
        }

        var result = MeasureScoring.FromItems(measure, scores);
        foreach (var error in result.Errors)
        {
            errors.Add(ItemKey(prefix, error.ItemNumber), error.Message);
        }

        var items = new SortedDictionary<int, int?>(measure.Items.ToDictionary(i => i.Number, i => scores.GetValueOrDefault(i.Number)));
        if (requireValues && errors.Count == before && items.Values.All(s => s is null))
        {
            errors.Add($"{prefix}.{nameof(MeasureResultInput.Items)}", $"Score at least one {measure.ShortName} item, or remove the measure.");
        }

        return new ResultEvaluation(measure, result.Total, result.IsComplete && unreadable.Count == 0, items, result.TotalText(measure, unreadable), null, null, null);
    }

    private static ResultEvaluation Time(MeasureDefinition measure, MeasureResultInput input, string prefix, FieldErrors errors, bool requireValues)
    {
        var key = $"{prefix}.{nameof(MeasureResultInput.TimeSeconds)}";
        if (!CheckTime(input.TimeSeconds, key, errors, measure, requireValues))
        {
            return Empty(measure);
        }

        var time = input.TimeSeconds!.Value;
        GaitSpeedResult? speed = null;
        if (measure.Code == MeasureCodes.ThreeMetreBackwardWalk)
        {
            speed = MeasureScoring.BackwardSpeed(time);
            if (MeasureValidation.Validate(MeasureCatalogue.BackwardWalkingSpeed, speed.MetresPerSecond) is not null)
            {
                errors.Add(key, $"3 m in {N(time)} s is a backward speed of {N(decimal.Round(speed.MetresPerSecond, 2))} m/s, above the 3 m/s limit: check the time.");
                return Empty(measure);
            }
        }

        return new ResultEvaluation(measure, time, true, null, null, speed, null, null);
    }

    private static ResultEvaluation DistanceAndTime(MeasureDefinition measure, MeasureResultInput input, string prefix, FieldErrors errors, bool requireValues)
    {
        var distanceKey = $"{prefix}.{nameof(MeasureResultInput.DistanceMetres)}";
        var distanceOk = true;
        if (input.DistanceMetres is not { } distance)
        {
            if (requireValues)
            {
                errors.Add(distanceKey, "Enter the timed distance in metres (10 m, or the middle 6 m).");
            }
            distanceOk = false;
        }
        else if (distance <= 0 || distance > MeasureEntry.MaxTimedDistanceMetres)
        {
            errors.Add(distanceKey, $"The timed distance must be more than 0 m and at most {N(MeasureEntry.MaxTimedDistanceMetres)} m.");
            distanceOk = false;
        }

        var timeOk = CheckTime(input.TimeSeconds, $"{prefix}.{nameof(MeasureResultInput.TimeSeconds)}", errors, measure: null, requireValues);
        if (!distanceOk || !timeOk)
        {
            return Empty(measure);
        }

        var speed = MeasureScoring.GaitSpeed(input.DistanceMetres!.Value, input.TimeSeconds!.Value);
        if (MeasureValidation.Validate(measure, speed.MetresPerSecond) is not null)
        {
            errors.Add($"{prefix}.Value",
                $"{N(speed.DistanceMetres)} m in {N(speed.TimeSeconds)} s is {N(decimal.Round(speed.MetresPerSecond, 2))} m/s; gait speed must be more than 0 and at most 3 m/s. Check the distance and time.");
            return Empty(measure);
        }

        return new ResultEvaluation(measure, speed.MetresPerSecond, true, null, null, speed, null, null);
    }

    private static ResultEvaluation Distance(MeasureDefinition measure, MeasureResultInput input, string prefix, FieldErrors errors, PatientFacts? patient, DateOnly? date, bool requireValues)
    {
        var key = $"{prefix}.{nameof(MeasureResultInput.DistanceMetres)}";
        if (input.DistanceMetres is not { } distance)
        {
            if (requireValues)
            {
                errors.Add(key, "Enter the distance walked in metres.");
            }
            return Empty(measure);
        }

        if (MeasureValidation.Validate(measure, distance) is { } message)
        {
            errors.Add(key, message);
            return Empty(measure);
        }

        var prediction = patient is not null && date is { } d ? Predict(patient, d) : null;
        var percent = prediction is null ? null : SixMinuteWalk.PercentOfPredicted(distance, prediction);
        return new ResultEvaluation(measure, distance, true, null, null, null, prediction, percent);
    }

    private static bool CheckTime(decimal? time, string key, FieldErrors errors, MeasureDefinition? measure, bool requireValues)
    {
        if (time is not { } t)
        {
            if (requireValues)
            {
                errors.Add(key, "Enter the time in seconds.");
            }
            return false;
        }

        if (t <= 0)
        {
            errors.Add(key, "The time must be more than 0 s.");
            return false;
        }

        if (t > 300)
        {
            errors.Add(key, "The time must be at most 300 s.");
            return false;
        }

        if (measure is not null && MeasureValidation.Validate(measure, t) is { } message)
        {
            errors.Add(key, message);
            return false;
        }

        return true;
    }

    private static ResultEvaluation Empty(MeasureDefinition measure) => new(measure, null, false, null, null, null, null, null);

    /// <summary>Enright–Sherrill prediction for the patient on the test date, or the reason there is none.</summary>
    public static SixMinuteWalkPrediction Predict(PatientFacts patient, DateOnly date)
    {
        if (patient.HeightCm is not { } height || patient.WeightKg is not { } weight)
        {
            return new SixMinuteWalkPrediction(null, "No predicted distance: record the patient's height and weight.", null);
        }

        var age = ConditionNames.AgeOn(patient.DateOfBirth, date);
        if (age is < 18 or > 120)
        {
            return new SixMinuteWalkPrediction(null, "No predicted distance: the equations are for adults.", null);
        }

        if (height is < 100 or > 250 || weight is < 20 or > 300)
        {
            return new SixMinuteWalkPrediction(null, "No predicted distance: height or weight is outside the range of the equations.", null);
        }

        return SixMinuteWalk.Predicted(patient.Sex, age, height, weight);
    }
}
