using System.Globalization;
using RetroWalk.Clinical.Charts;

namespace RetroWalk.Clinical.Tests.Charts;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(35.3, 45, 34, 46, 2)]
    [InlineData(0.45, 0.8, 0.4, 0.9, 0.1)]
    [InlineData(13.0, 21.6, 12, 24, 2)]
    [InlineData(180, 420, 150, 450, 50)]
    public void ValueTicksAreRoundNumbersCoveringTheValues(double low, double high, double min, double max, double step)
    {
        var scale = ValueScale.Covering(low, high);

        Assert.Equal((min, max, step), (scale.Min, scale.Max, scale.Step));
        Assert.All(scale.Ticks, t => Assert.Equal(Math.Round(t / step), t / step, 9));
    }

    [Fact]
    public void TickLabelsHaveTheDecimalsOfTheStep()
    {
        Assert.Equal(["0.4", "0.5", "0.6", "0.7", "0.8", "0.9"], ValueScale.Covering(0.45, 0.8).Ticks.Select(ValueScale.Covering(0.45, 0.8).Format));
        Assert.Equal(["34", "36", "38", "40", "42", "44", "46"], ValueScale.Covering(35.3, 45).Ticks.Select(ValueScale.Covering(35.3, 45).Format));
    }

    [Fact]
    public void TheScaleStartsBelowZeroOnlyWhenTheValuesDo()
    {
        Assert.InRange(ValueScale.Covering(0.1, 0.3).Min, 0, 0.1);
        Assert.Equal(0, ValueScale.Covering(2, 56).Min);
        Assert.True(ValueScale.Covering(-3, 4).Min < -3);
    }

    [Fact]
    public void ASingleValueGetsARangeAroundIt()
    {
        var scale = ValueScale.Covering(13.0, 13.0);

        Assert.True(scale.Min < 13 && scale.Max > 13);
        Assert.InRange(scale.Ticks.Count, 3, 8);
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.1, 2)]
    [InlineData(2.1, 5)]
    [InlineData(7, 10)]
    [InlineData(0.034, 0.05)]
    public void StepsAreOneTwoOrFiveTimesAPowerOfTen(double raw, double expected) =>
        Assert.Equal(expected, ValueScale.NiceStep(raw));

    [Fact]
    public void SixWeeksOfDatesAreTickedOnMondaysAWeekApart()
    {
        var ticks = DateTicks.For(new DateOnly(2026, 2, 26), new DateOnly(2026, 4, 17), unitsPerDay: 12, fontSize: 11);

        Assert.All(ticks, t => Assert.Equal(DayOfWeek.Monday, t.Date.DayOfWeek));
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(7, pair.Second.Date.DayNumber - pair.First.Date.DayNumber));
        Assert.Equal("2 Mar 2026", ticks[0].Text);
        Assert.Equal("9 Mar", ticks[1].Text);
    }

    [Fact]
    public void TwoYearsOfDatesAreTickedOnTheFirstOfMonthsAndNameEachYearOnce()
    {
        var ticks = DateTicks.For(new DateOnly(2025, 11, 20), new DateOnly(2027, 11, 10), unitsPerDay: 0.9, fontSize: 11);

        Assert.All(ticks, t => Assert.Equal(1, t.Date.Day));
        var months = ticks.Zip(ticks.Skip(1)).Select(p => ((p.Second.Date.Year * 12) + p.Second.Date.Month) - ((p.First.Date.Year * 12) + p.First.Date.Month)).Distinct();
        Assert.Single(months);
        Assert.Equal(["Jan 2026", "Jan 2027"], ticks.Where(t => t.Text.Contains(' ', StringComparison.Ordinal)).Select(t => t.Text));
        Assert.Equal(new DateOnly(2026, 1, 1), ticks[0].Date);
    }

    [Fact]
    public void DateLabelsAlwaysFitBetweenTheirTicks()
    {
        foreach (var unitsPerDay in new[] { 60, 20, 8, 3, 1, 0.3, 0.05 })
        {
            var ticks = DateTicks.For(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5).AddDays((int)(700 / unitsPerDay)), unitsPerDay, 11);
            Assert.NotEmpty(ticks);
            foreach (var (a, b) in ticks.Zip(ticks.Skip(1)))
            {
                var room = (b.Date.DayNumber - a.Date.DayNumber) * unitsPerDay;
                var needed = (TextMetrics.Width(a.Text, 11) + TextMetrics.Width(b.Text, 11)) / 2;
                Assert.True(room > needed, string.Create(CultureInfo.InvariantCulture, $"{a.Text} and {b.Text} at {unitsPerDay}/day"));
            }
        }
    }

    [Fact]
    public void TextWidthsFollowTheReportFont()
    {
        // DejaVu Sans: digits are 0.636 em, a space 0.318 em, "s" 0.521 em.
        Assert.Equal((3 * 0.636) + 0.318 + 0.318 + 0.521, TextMetrics.Width("13.0 s", 1), 3);
        Assert.Equal(TextMetrics.Width("Lucja", 10) + ((0.562 - 0.557) * 10), TextMetrics.Width("Łucja", 10), 3);
        Assert.Equal(TextMetrics.Width("Nguyen", 10), TextMetrics.Width("Nguyễn", 10), 3);
    }
}
