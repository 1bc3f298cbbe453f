using System.Globalization;

namespace RetroWalk.Clinical.Charts;

/// <summary>
/// A value axis from <see cref="Min"/> to <see cref="Max"/> with a tick every <see cref="Step"/>, where the step
/// is 1, 2 or 5 times a power of ten and every tick is a multiple of it: 35, 40, 45 or 0.2, 0.4, 0.6.
/// </summary>
public sealed record ValueScale(double Min, double Max, double Step)
{
    private static readonly double[] NiceSteps = [1, 2, 5, 10];

    /// <summary>Decimals a tick needs: 0 for 5, 1 for 0.5, 2 for 0.05.</summary>
    public int Decimals
    {
        get
        {
            for (var decimals = 0; decimals < 6; decimals++)
            {
                var scaled = Step * Math.Pow(10, decimals);
                if (Math.Abs(scaled - Math.Round(scaled)) < 1e-9 * Math.Max(1, scaled))
                {
                    return decimals;
                }
            }
            return 6;
        }
    }

    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + (i * Step), Decimals + 2))];
        }
    }

    public string Format(double value) => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// The scale with at most <paramref name="maxTicks"/> ticks that covers <paramref name="low"/> to
    /// <paramref name="high"/> with a little room on both sides and wastes the least space. It starts below
    /// zero only when the values do.
    /// </summary>
    public static ValueScale Covering(double low, double high, int maxTicks = 7)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            (low, high) = (0, 1);
        }
        if (high < low)
        {
            (low, high) = (high, low);
        }
        if (high - low < 1e-9)
        {
            var half = Math.Max(Math.Abs(low) * 0.1, 0.5);
            (low, high) = (low >= 0 ? Math.Max(0, low - half) : low - half, high + half);
        }

        // Room above and below the outermost values for their labels.
        var room = (high - low) * 0.06;
        var (paddedLow, paddedHigh) = (low >= 0 ? Math.Max(0, low - room) : low - room, high + room);

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(paddedHigh - paddedLow)));
        ValueScale? best = null;
        var bestCoverage = 0.0;
        foreach (var step in new[] { magnitude / 100, magnitude / 10, magnitude, magnitude * 10 }.SelectMany(m => NiceSteps.Take(3).Select(s => Clean(s * m))))
        {
            var min = Clean(Math.Floor((paddedLow / step) + 1e-9) * step);
            var max = Clean(Math.Ceiling((paddedHigh / step) - 1e-9) * step);
            var intervals = (int)Math.Round((max - min) / step);
            var coverage = (paddedHigh - paddedLow) / (max - min);
            if (intervals >= 2 && intervals <= maxTicks - 1 && coverage > bestCoverage + 1e-9)
            {
                (best, bestCoverage) = (new ValueScale(min, max, step), coverage);
            }
        }
        return best ?? new ValueScale(Clean(Math.Floor(paddedLow)), Clean(Math.Ceiling(paddedHigh)), Clean(Math.Ceiling(paddedHigh) - Math.Floor(paddedLow)));
    }

    /// <summary>The smallest of 1, 2, 5 × 10^k that is at least <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = NiceSteps.Select(s => s * magnitude).First(s => s >= raw * (1 - 1e-9));
        return Clean(step);
    }

    private static double Clean(double value) => Math.Round(value, 10);
}
