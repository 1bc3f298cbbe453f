using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Protocols;

public class HeartRateZonesTests
{
    [Fact]
    public void KarvonenWorkedExampleAge60Rest70()
    {
        // max = 220 − 60 = 160; reserve = 160 − 70 = 90; 70 + 0.4·90 = 106; 70 + 0.6·90 = 124.
        var zone = HeartRateZones.Karvonen(60, 70, 40m, 60m, takesBetaBlocker: false);

        Assert.True(zone.IsApplicable);
        Assert.Equal(160, zone.MaxHeartRate);
        Assert.Equal(106, zone.LowerBpm);
        Assert.Equal(124, zone.UpperBpm);
        Assert.Null(zone.Reason);
    }

    [Fact]
    public void KarvonenRoundsToTheNearestBeat()
    {
        // age 75: max 145, rest 66, reserve 79; 40 % → 66 + 31.6 = 97.6 → 98; 60 % → 66 + 47.4 = 113.4 → 113.
        var zone = HeartRateZones.Karvonen(75, 66, 40m, 60m, takesBetaBlocker: false);

        Assert.Equal(145, zone.MaxHeartRate);
        Assert.Equal(98, zone.LowerBpm);
        Assert.Equal(113, zone.UpperBpm);
    }

    [Fact]
    public void KarvonenDoesNotApplyOnBetaBlockers()
    {
        var zone = HeartRateZones.Karvonen(60, 70, 40m, 60m, takesBetaBlocker: true);

        Assert.False(zone.IsApplicable);
        Assert.Null(zone.LowerBpm);
        Assert.Contains("beta-blocker", zone.Reason, StringComparison.Ordinal);
        Assert.Contains("RPE", zone.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void KarvonenFromProtocolUsesAgeOnTheDay()
    {
        var intensity = new IntensityTarget { HeartRateReserveMinPercent = 40m, HeartRateReserveMaxPercent = 60m };

        var dayBeforeBirthday = HeartRateZones.Karvonen(intensity, new DateOnly(1965, 3, 10), new DateOnly(2025, 3, 9), 70, false);
        var onBirthday = HeartRateZones.Karvonen(intensity, new DateOnly(1965, 3, 10), new DateOnly(2025, 3, 10), 70, false);

        Assert.Equal(161, dayBeforeBirthday.MaxHeartRate);
        Assert.Equal(160, onBirthday.MaxHeartRate);
        Assert.Equal(106, onBirthday.LowerBpm);
    }

    [Fact]
    public void KarvonenNeedsAZoneInTheProtocol()
    {
        var zone = HeartRateZones.Karvonen(new IntensityTarget(), new DateOnly(1965, 1, 1), new DateOnly(2025, 1, 1), 70, false);

        Assert.False(zone.IsApplicable);
        Assert.Contains("no heart-rate zone", zone.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void KarvonenRejectsRestingRateAtOrAboveMaximum()
    {
        Assert.False(HeartRateZones.Karvonen(60, 160, 40m, 60m, false).IsApplicable);
        Assert.True(HeartRateZones.Karvonen(60, 159, 40m, 60m, false).IsApplicable);
    }
}
