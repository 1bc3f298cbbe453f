namespace RetroWalk.Clinical.Statistics;

/// <summary>
/// A mean with its confidence interval from the t distribution (n − 1 degrees of freedom). With fewer than
/// two values there is no spread and so no interval: <see cref="Lower"/> and <see cref="Upper"/> are null.
/// </summary>
public sealed record MeanWithInterval(int N, double Mean, double? StandardDeviation, double? Lower, double? Upper, double Confidence)
{
    public bool HasInterval => Lower is not null && Upper is not null;

    public static MeanWithInterval Of(IReadOnlyCollection<double> values, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level strictly between 0 and 1 is needed.");
        }
        if (values.Count == 0)
        {
            throw new ArgumentException("A mean needs at least one value.", nameof(values));
        }

        var n = values.Count;
        var mean = values.Average();
        if (n < 2)
        {
            return new MeanWithInterval(n, mean, null, null, null, confidence);
        }

        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = StudentT.Critical(confidence, n - 1) * sd / Math.Sqrt(n);
        return new MeanWithInterval(n, mean, sd, mean - half, mean + half, confidence);
    }
}
