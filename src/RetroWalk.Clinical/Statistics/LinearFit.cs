namespace RetroWalk.Clinical.Statistics;

/// <summary>
/// Ordinary least-squares line y = intercept + slope · x, with the slope's confidence interval and the
/// confidence band of the fitted line (t distribution, n − 2 degrees of freedom). Used for dose-response:
/// each patient's change against the minutes of backward walking delivered.
/// </summary>
public sealed class LinearFit
{
    private readonly double meanX;
    private readonly double sumOfSquaresX;
    private readonly double critical;

    private LinearFit(int n, double slope, double intercept, double meanX, double sumOfSquaresX, double? residualStandardError, double confidence)
    {
        N = n;
        Slope = slope;
        Intercept = intercept;
        this.meanX = meanX;
        this.sumOfSquaresX = sumOfSquaresX;
        ResidualStandardError = residualStandardError;
        Confidence = confidence;
        critical = residualStandardError is null ? double.NaN : StudentT.Critical(confidence, n - 2);
        if (residualStandardError is { } s)
        {
            var half = critical * s / Math.Sqrt(sumOfSquaresX);
            SlopeLower = slope - half;
            SlopeUpper = slope + half;
        }
    }

    public int N { get; }

    public double Slope { get; }

    public double Intercept { get; }

    public double Confidence { get; }

    /// <summary>Null with fewer than three points: two points fit exactly and say nothing about the spread.</summary>
    public double? ResidualStandardError { get; }

    public double? SlopeLower { get; }

    public double? SlopeUpper { get; }

    public bool HasInterval => ResidualStandardError is not null;

    /// <summary>Fits the line, or returns null when it cannot be fitted (fewer than two points, or every x equal).</summary>
    public static LinearFit? Of(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("x and y need the same number of values.", nameof(y));
        }
        var n = x.Count;
        if (n < 2)
        {
            return null;
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        double? residualStandardError = null;
        if (n > 2)
        {
            double sse = 0;
            for (var i = 0; i < n; i++)
            {
                var residual = y[i] - (intercept + slope * x[i]);
                sse += residual * residual;
            }
            residualStandardError = Math.Sqrt(sse / (n - 2));
        }
        return new LinearFit(n, slope, intercept, meanX, sxx, residualStandardError, confidence);
    }

    public double Predict(double x) => Intercept + Slope * x;

    /// <summary>The confidence band of the mean response at <paramref name="x"/>; null without an interval.</summary>
    public (double Lower, double Upper)? BandAt(double x)
    {
        if (ResidualStandardError is not { } s)
        {
            return null;
        }
        var fitted = Predict(x);
        var half = critical * s * Math.Sqrt(1.0 / N + (x - meanX) * (x - meanX) / sumOfSquaresX);
        return (fitted - half, fitted + half);
    }
}
