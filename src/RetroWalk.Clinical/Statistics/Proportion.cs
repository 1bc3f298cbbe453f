using System.Globalization;

namespace RetroWalk.Clinical.Statistics;

/// <summary>
/// A share that always carries its denominator ("7 of 12"), so a small group is never hidden behind a
/// percentage alone, with the Wilson score interval (sound for small n and for shares near 0 or 1).
/// </summary>
public sealed record Proportion(int Count, int Denominator)
{
    public double? Share => Denominator == 0 ? null : (double)Count / Denominator;

    public (double Lower, double Upper)? WilsonInterval(double confidence = 0.95)
    {
        if (Denominator == 0)
        {
            return null;
        }
        var z = NormalQuantile(1 - (1 - confidence) / 2);
        double n = Denominator, p = (double)Count / Denominator, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>"7 of 12 (58 %)"; "0 of 0" when nobody qualified.</summary>
    public override string ToString() => Share is { } share
        ? string.Create(CultureInfo.InvariantCulture, $"{Count} of {Denominator} ({share * 100:0} %)")
        : $"{Count} of {Denominator}";

    /// <summary>The standard normal quantile as the limit of Student's t with very many degrees of freedom.</summary>
    private static double NormalQuantile(double probability) => StudentT.Quantile(probability, 1e9);
}
