using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Clinical.Tests.Statistics;

public sealed class ProportionTests
{
    [Fact]
    public void AShareAlwaysCarriesItsDenominator() =>
        Assert.Equal("7 of 12 (58 %)", new Proportion(7, 12).ToString());

    [Fact]
    public void NobodyQualifiedHasNoShare()
    {
        var none = new Proportion(0, 0);

        Assert.Null(none.Share);
        Assert.Null(none.WilsonInterval());
        Assert.Equal("0 of 0", none.ToString());
    }

    [Fact]
    public void TheWilsonIntervalMatchesAHandWorkedExample()
    {
        // 7 of 12, z 1.959964: centre 0.563128, half-width 0.243614.
        var (lower, upper) = new Proportion(7, 12).WilsonInterval()!.Value;

        Assert.Equal(0.319514, lower, 4);
        Assert.Equal(0.806742, upper, 4);
    }

    [Fact]
    public void TheWilsonIntervalStaysInsideZeroToOne()
    {
        var (lower, upper) = new Proportion(5, 5).WilsonInterval()!.Value;

        Assert.True(lower > 0.5);
        Assert.Equal(1, upper, 9);
    }

    [Fact]
    public void TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(2.5, Descriptive.Median([4.0, 1, 3, 2]));
        Assert.Equal(3, Descriptive.Median([5.0, 3, 1]));
        Assert.Null(Descriptive.Median([]));
    }
}
