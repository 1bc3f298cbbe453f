namespace RetroWalk.Clinical.Protocols;

/// <summary>
/// A heart-rate training zone, or why none applies. Bounds are whole beats per minute.
/// </summary>
public sealed record HeartRateZone(bool IsApplicable, int? MaxHeartRate, int? LowerBpm, int? UpperBpm, string? Reason)
{
    public static HeartRateZone NotApplicable(string reason) => new(false, null, null, null, reason);
}

public static class HeartRateZones
{
    public const string BetaBlockerReason =
        "Not applicable: the patient takes a beta-blocker, which blunts the heart-rate response. Use RPE instead.";

    /// <summary>Age-predicted maximum heart rate, 220 − age.</summary>
    public static int PredictedMaxHeartRate(int age) => 220 - age;

    /// <summary>
    /// Karvonen target range: rest + % × (max − rest), max ≈ 220 − age, rounded to the nearest beat.
    /// Age 60, rest 70, 40–60 % gives max 160 and 106–124 bpm.
    /// </summary>
    public static HeartRateZone Karvonen(int age, int restingHeartRate, decimal minPercent, decimal maxPercent, bool takesBetaBlocker)
    {
        if (takesBetaBlocker)
        {
            return HeartRateZone.NotApplicable(BetaBlockerReason);
        }
        if (age is < 1 or > 120)
        {
            return HeartRateZone.NotApplicable($"Not applicable: age {age} is out of range.");
        }
        var max = PredictedMaxHeartRate(age);
        if (restingHeartRate < 30 || restingHeartRate >= max)
        {
            return HeartRateZone.NotApplicable(
                $"Not applicable: resting heart rate {restingHeartRate} bpm must be at least 30 and below the predicted maximum of {max} bpm.");
        }
        if (minPercent < 0 || maxPercent > 100 || minPercent > maxPercent)
        {
            return HeartRateZone.NotApplicable("Not applicable: the heart-rate reserve percentages are out of range.");
        }
        var reserve = max - restingHeartRate;
        return new HeartRateZone(true, max, Bpm(restingHeartRate, reserve, minPercent), Bpm(restingHeartRate, reserve, maxPercent), null);
    }

    /// <summary>Karvonen zone from a protocol's intensity target for a patient born on <paramref name="dateOfBirth"/>, on <paramref name="today"/>.</summary>
    public static HeartRateZone Karvonen(IntensityTarget intensity, DateOnly dateOfBirth, DateOnly today, int restingHeartRate, bool takesBetaBlocker)
    {
        if (takesBetaBlocker)
        {
            return HeartRateZone.NotApplicable(BetaBlockerReason);
        }
        if (intensity.HeartRateReserveMinPercent is not { } min || intensity.HeartRateReserveMaxPercent is not { } max)
        {
            return HeartRateZone.NotApplicable("Not applicable: the protocol sets no heart-rate zone. Use RPE.");
        }
        return Karvonen(ConditionNames.AgeOn(dateOfBirth, today), restingHeartRate, min, max, takesBetaBlocker);
    }

    private static int Bpm(int rest, int reserve, decimal percent) =>
        (int)Math.Round(rest + (percent / 100m * reserve), MidpointRounding.AwayFromZero);
}
