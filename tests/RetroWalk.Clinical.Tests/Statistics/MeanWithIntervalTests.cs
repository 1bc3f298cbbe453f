using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Clinical.Tests.Statistics;

/// <summary>Worked by hand: mean, sample SD, SE = SD/√n, half-width = t(0.975, n − 1) · SE.</summary>
public sealed class MeanWithIntervalTests
{
    [Fact]
    public void TwoPatientsGiveAWideIntervalFromTwelvePointSeven()
    {
        // Changes 2 and 4: mean 3, SD √2, SE 1, t(0.975, 1) = 12.7062.
        var result = MeanWithInterval.Of([2.0, 4.0]);

        Assert.Equal(3, result.Mean, 9);
        Assert.Equal(Math.Sqrt(2), result.StandardDeviation!.Value, 9);
        Assert.Equal(3 - 12.7062047, result.Lower!.Value, 6);
        Assert.Equal(3 + 12.7062047, result.Upper!.Value, 6);
    }

    [Fact]
    public void FivePatients()
    {
        // Changes 1..5: mean 3, SD √2.5 = 1.58114, SE 0.707107, t(0.975, 4) = 2.776445, half 1.963243.
        var result = MeanWithInterval.Of([1.0, 2, 3, 4, 5]);

        Assert.Equal(1.036757, result.Lower!.Value, 5);
        Assert.Equal(4.963243, result.Upper!.Value, 5);
    }

    [Fact]
    public void ThirtyPatients()
    {
        // Changes 1..30: mean 15.5, SD √77.5 = 8.803408, SE 1.607275, t(0.975, 29) = 2.045230, half 3.287247.
        var result = MeanWithInterval.Of(Enumerable.Range(1, 30).Select(i => (double)i).ToArray());

        Assert.Equal(30, result.N);
        Assert.Equal(15.5, result.Mean, 9);
        Assert.Equal(12.212753, result.Lower!.Value, 5);
        Assert.Equal(18.787247, result.Upper!.Value, 5);
    }

    [Fact]
    public void OnePatientHasAMeanButNoInterval()
    {
        var result = MeanWithInterval.Of([4.5]);

        Assert.Equal(4.5, result.Mean);
        Assert.False(result.HasInterval);
        Assert.Null(result.StandardDeviation);
    }

    [Fact]
    public void NoPatientsIsRefused() => Assert.Throws<ArgumentException>(() => MeanWithInterval.Of([]));
}
