using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Clinical.Tests.Statistics;

public sealed class LinearFitTests
{
    // x = 1..5, y = 2, 4, 5, 4, 5: x̄ 3, ȳ 4, Sxx 10, Sxy 6 → slope 0.6, intercept 2.2.
    // Residuals −0.8, 0.6, 1.0, −0.6, −0.2: SSE 2.4, s² 0.8, SE(slope) √0.08 = 0.282843, t(0.975, 3) 3.182446, half 0.900132.
    private static readonly double[] X = [1, 2, 3, 4, 5];
    private static readonly double[] Y = [2, 4, 5, 4, 5];

    [Fact]
    public void SlopeAndInterceptAreTheLeastSquaresLine()
    {
        var fit = LinearFit.Of(X, Y)!;

        Assert.Equal(0.6, fit.Slope, 9);
        Assert.Equal(2.2, fit.Intercept, 9);
        Assert.Equal(Math.Sqrt(0.8), fit.ResidualStandardError!.Value, 9);
    }

    [Fact]
    public void TheSlopeIntervalUsesTWithNMinusTwoDegreesOfFreedom()
    {
        var fit = LinearFit.Of(X, Y)!;

        Assert.Equal(-0.300132, fit.SlopeLower!.Value, 5);
        Assert.Equal(1.500132, fit.SlopeUpper!.Value, 5);
    }

    [Fact]
    public void TheBandIsNarrowestAtTheMeanOfXAndWiderAwayFromIt()
    {
        var fit = LinearFit.Of(X, Y)!;

        // At x̄: SE = √(0.8 · 1/5) = 0.4, half 1.272979.
        var (lower, upper) = fit.BandAt(3)!.Value;
        Assert.Equal(2.727021, lower, 5);
        Assert.Equal(5.272979, upper, 5);

        var atEdge = fit.BandAt(5)!.Value;
        Assert.True(atEdge.Upper - atEdge.Lower > upper - lower);
    }

    [Fact]
    public void TwoPointsFitExactlyWithoutAnInterval()
    {
        var fit = LinearFit.Of([100, 300], [1, 3])!;

        Assert.Equal(0.01, fit.Slope, 12);
        Assert.False(fit.HasInterval);
        Assert.Null(fit.BandAt(200));
    }

    [Fact]
    public void NoLineWhenEveryPatientHadTheSameDose() =>
        Assert.Null(LinearFit.Of([360, 360, 360], [1, 2, 3]));
}
