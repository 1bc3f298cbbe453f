using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Unit;

public sealed class DateConventionTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);
    private static readonly TimeOnly Afternoon = new(16, 5);

    [Theory]
    [InlineData(DateStyle.WeekdayDayMonthYear, "Mon 30 Nov 2026")]
    [InlineData(DateStyle.DayMonthYear, "30/11/2026")]
    [InlineData(DateStyle.DayMonthYearDots, "30.11.2026")]
    [InlineData(DateStyle.MonthDayYear, "11/30/2026")]
    public void EachDateStyleWritesTheDayItsOwnWay(DateStyle style, string expected) =>
        Assert.Equal(expected, new DateConvention(style, TimeStyle.TwentyFourHour).Date(Day));

    [Theory]
    [InlineData(TimeStyle.TwentyFourHour, "16:05")]
    [InlineData(TimeStyle.TwelveHour, "4:05 PM")]
    public void EachTimeStyleWritesTheTimeItsOwnWay(TimeStyle style, string expected) =>
        Assert.Equal(expected, new DateConvention(DateStyle.WeekdayDayMonthYear, style).Time(Afternoon));

    [Fact]
    public void TheDefaultIsWeekdayDayMonthYearWithA24HourClock()
    {
        Assert.Equal("Mon 30 Nov 2026, 16:05", DateConvention.Default.DateTime(Day.ToDateTime(Afternoon)));
        Assert.False(DateConvention.Default.AmPm);
    }

    [Fact]
    public void ThePickersCultureCarriesTheSamePatternsAsTheText()
    {
        var convention = new DateConvention(DateStyle.DayMonthYear, TimeStyle.TwelveHour);

        Assert.Equal(convention.DatePattern, convention.Culture.DateTimeFormat.ShortDatePattern);
        Assert.Equal(convention.Date(Day), Day.ToString(convention.Culture));
        Assert.Equal("4:05 PM", Afternoon.ToString("t", convention.Culture));
        Assert.True(convention.AmPm);
    }

    [Theory]
    [InlineData(DateStyle.WeekdayDayMonthYear, "Wed 2 Apr 1958")]
    [InlineData(DateStyle.WeekdayDayMonthYear, "2 Apr 1958")]
    [InlineData(DateStyle.WeekdayDayMonthYear, "1958-04-02")]
    [InlineData(DateStyle.DayMonthYear, "02/04/1958")]
    [InlineData(DateStyle.DayMonthYearDots, "02.04.1958")]
    [InlineData(DateStyle.MonthDayYear, "04/02/1958")]
    public void ATypedDateIsReadInTheClinicsOrder(DateStyle style, string typed)
    {
        Assert.True(new DateConvention(style, TimeStyle.TwentyFourHour).TryParseDate(typed, out var date));
        Assert.Equal(new DateOnly(1958, 4, 2), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("31/02/1958")]
    [InlineData("yesterday")]
    public void TextThatIsNotADateIsRefused(string typed) =>
        Assert.False(DateConvention.Default.TryParseDate(typed, out _));

    [Fact]
    public void AStoredStyleThisVersionDoesNotKnowFallsBackToTheDefault()
    {
        var convention = new DateConvention((DateStyle)42, (TimeStyle)42);
        Assert.Equal("Mon 30 Nov 2026", convention.Date(Day));
        Assert.Equal("16:05", convention.Time(Afternoon));
    }
}
