using RetroWalk.Clinical.Evidence;

namespace RetroWalk.Clinical.Measures;

/// <summary>
/// A predicted 6MWT distance. <see cref="PredictedMetres"/> is null when no equation applies,
/// with the reason in <see cref="NotApplicableReason"/>.
/// </summary>
public sealed record SixMinuteWalkPrediction(decimal? PredictedMetres, string? NotApplicableReason, string? Caveat)
{
    public Reference Source { get; init; } = SixMinuteWalk.Source;

    public bool IsAvailable => PredictedMetres is not null;
}

/// <summary>Predicted 6-minute walk distance (Enright &amp; Sherrill 1998).</summary>
public static class SixMinuteWalk
{
    public static Reference Source => Bibliography.EnrightSherrill1998;

    /// <summary>
    /// Men: 7.57 × height(cm) − 5.02 × age − 1.76 × weight(kg) − 309.
    /// Women: 2.11 × height(cm) − 2.29 × weight(kg) − 5.78 × age + 667.
    /// <see cref="Sex.Other"/>: no prediction (the equations are sex-specific).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Age, height or weight is implausible.</exception>
    public static SixMinuteWalkPrediction Predicted(Sex sex, int ageYears, decimal heightCm, decimal weightKg)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ageYears, 18);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ageYears, 120);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightCm, 100m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightCm, 250m);
        ArgumentOutOfRangeException.ThrowIfLessThan(weightKg, 20m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weightKg, 300m);

        decimal? predicted = sex switch
        {
            Sex.Male => (7.57m * heightCm) - (5.02m * ageYears) - (1.76m * weightKg) - 309m,
            Sex.Female => (2.11m * heightCm) - (2.29m * weightKg) - (5.78m * ageYears) + 667m,
            _ => null,
        };

        if (predicted is null)
        {
            return new SixMinuteWalkPrediction(null,
                "No predicted distance: the Enright–Sherrill equations are for men and women only.", null);
        }

        if (predicted <= 0)
        {
            return new SixMinuteWalkPrediction(null,
                "No predicted distance: the equation gives no positive distance for these values.", null);
        }

        var caveat = ageYears is < 40 or > 80
            ? "The equations were derived in healthy adults aged 40–80; this prediction is outside that range."
            : null;
        return new SixMinuteWalkPrediction(predicted, null, caveat);
    }

    /// <summary>Prediction using the age on the test date.</summary>
    public static SixMinuteWalkPrediction Predicted(Sex sex, DateOnly dateOfBirth, DateOnly testDate, decimal heightCm, decimal weightKg) =>
        Predicted(sex, ConditionNames.AgeOn(dateOfBirth, testDate), heightCm, weightKg);

    /// <summary>Distance walked as a percentage of predicted, to 1 decimal; null when no prediction applies.</summary>
    public static decimal? PercentOfPredicted(decimal distanceMetres, SixMinuteWalkPrediction prediction) =>
        prediction.PredictedMetres is { } predicted
            ? decimal.Round(distanceMetres / predicted * 100m, 1, MidpointRounding.AwayFromZero)
            : null;
}
