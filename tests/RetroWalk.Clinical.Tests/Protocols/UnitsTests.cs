namespace RetroWalk.Clinical.Tests.Protocols;

public class UnitsTests
{
    [Fact]
    public void OneKmhIsAThousandMetresPerHour()
    {
        Assert.Equal(1000m / 3600m, Units.KmhToMetresPerSecond(1m), 20);
        Assert.Equal(0.278m, Math.Round(Units.KmhToMetresPerSecond(1m), 3));
    }

    [Fact]
    public void ThreePointSixKmhIsExactlyOneMetrePerSecond()
    {
        Assert.Equal(1m, Units.KmhToMetresPerSecond(3.6m));
        Assert.Equal(3.6m, Units.MetresPerSecondToKmh(1m));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.7)]
    public void SpeedRoundTripsThroughMetresPerSecond(double kmh)
    {
        var value = (decimal)kmh;
        Assert.Equal(value, Math.Round(Units.ToKmh(Units.FromKmh(value, SpeedUnit.MetresPerSecond), SpeedUnit.MetresPerSecond), 10));
    }

    [Fact]
    public void FortyFiveDegreesIsOneHundredPercentGrade()
    {
        Assert.Equal(100m, Math.Round(Units.DegreesToPercent(45m), 6));
        Assert.Equal(45m, Math.Round(Units.PercentToDegrees(100m), 6));
    }

    [Fact]
    public void FifteenDegreesIsAbout26Point8Percent()
    {
        Assert.Equal(26.79m, Math.Round(Units.DegreesToPercent(15m), 2));
        Assert.Equal(15m, Math.Round(Units.ConvertIncline(Units.ConvertIncline(15m, InclineUnit.Degrees, InclineUnit.Percent), InclineUnit.Percent, InclineUnit.Degrees), 6));
    }

    [Fact]
    public void ZeroInclineIsZeroInBothUnits()
    {
        Assert.Equal(0m, Units.DegreesToPercent(0m));
        Assert.Equal(0m, Units.PercentToDegrees(0m));
    }

    [Fact]
    public void SpeedFormatsWithItsUnit()
    {
        Assert.Equal("3.0 km/h", Units.FormatSpeed(3m));
        Assert.Equal("0.83 m/s", Units.FormatSpeed(3m, SpeedUnit.MetresPerSecond));
        Assert.Equal("0.28 m/s", Units.FormatSpeed(1m, SpeedUnit.MetresPerSecond));
    }

    [Fact]
    public void InclineFormatsWithItsUnit()
    {
        Assert.Equal("5.0°", Units.FormatIncline(5m, InclineUnit.Degrees));
        Assert.Equal("8.7 %", Units.FormatIncline(Units.DegreesToPercent(5m), InclineUnit.Percent));
    }
}
