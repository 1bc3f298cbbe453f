using Bunit;
using MudBlazor;
using RetroWalk.Web.Components.Shared;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The light date and time fields: typed in the clinic's convention, with the calendar or clock built on demand.</summary>
public sealed class DateTimeInputTests : FormComponentTest
{
    private static readonly DateOnly Start = new(2026, 11, 16);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private IRenderedComponent<DateInput> RenderDate(Func<DateOnly?> get, Action<DateOnly?> set) =>
        Render<DateInput>(p => p.Add(x => x.Label, "Date").Add(x => x.Id, "session-date").Add(x => x.For, "Date")
            .Add(x => x.Value, get()).Add(x => x.ValueChanged, (DateOnly? d) => set(d)).Add(x => x.Min, Start).Add(x => x.Max, Today));

    [Fact]
    public void ADateIsShownAndReadInTheClinicsConvention()
    {
        DateOnly? date = new DateOnly(2026, 11, 23);
        var field = RenderDate(() => date, d => date = d);

        var input = field.Find("#session-date");
        Assert.Equal("Date", FormMarkup.LabelOf(input));
        Assert.Equal("Mon 23 Nov 2026", input.GetAttribute("value"));

        input.Change("24 Nov 2026");
        Assert.Equal(new DateOnly(2026, 11, 24), date);

        field.Find("#session-date").Change("2026-11-20");
        Assert.Equal(new DateOnly(2026, 11, 20), date);
    }

    [Fact]
    public void ADateThatCannotBeReadKeepsTheTypedTextAndSaysHowToWriteIt()
    {
        DateOnly? date = new DateOnly(2026, 11, 23);
        var field = RenderDate(() => date, d => date = d);

        field.Find("#session-date").Change("31 Nov 2026");

        var input = field.Find("#session-date");
        Assert.Equal("31 Nov 2026", input.GetAttribute("value"));
        Assert.Equal("Enter a date such as Mon 30 Nov 2026.", FormMarkup.MessageAt(input));
        Assert.Equal(new DateOnly(2026, 11, 23), date);
    }

    [Fact]
    public void TheCalendarButtonBuildsTheDatePickerAndOpensIt()
    {
        DateOnly? date = new DateOnly(2026, 11, 23);
        var field = RenderDate(() => date, d => date = d);
        Assert.Empty(field.FindComponents<MudDatePicker>());

        field.Find("button[aria-label='Choose the date on a calendar']").Click();

        Assert.Single(field.FindComponents<ConventionDatePicker>());
        Assert.Equal("Mon 23 Nov 2026", field.Find("#session-date").GetAttribute("value"));
        Assert.Equal("Date", FormMarkup.LabelOf(field.Find("#session-date")));
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-picker-calendar-container")));
    }

    [Fact]
    public void ATimeIsReadAsTypedInTheClinicsConventionOrAsAClockTime()
    {
        TimeOnly? time = null;
        var field = Render<TimeInput>(p => p.Add(x => x.Label, "Start time").Add(x => x.Id, "start-time").Add(x => x.For, "StartTime")
            .Add(x => x.Value, time).Add(x => x.ValueChanged, (TimeOnly? t) => time = t));

        Assert.Equal("Start time", FormMarkup.LabelOf(field.Find("#start-time")));
        field.Find("#start-time").Change("14:30");
        Assert.Equal(new TimeOnly(14, 30), time);

        field.Find("#start-time").Change("2:45 pm");
        Assert.Equal(new TimeOnly(14, 45), time);

        field.Find("#start-time").Change("quarter past");
        Assert.Equal("Enter a time such as 16:05.", FormMarkup.MessageAt(field.Find("#start-time")));
        Assert.Equal("quarter past", field.Find("#start-time").GetAttribute("value"));
        Assert.Equal(new TimeOnly(14, 45), time);

        field.Find("#start-time").Change("");
        Assert.Null(time);
    }

    [Fact]
    public void TheClockButtonBuildsTheTimePickerAndOpensIt()
    {
        var field = Render<TimeInput>(p => p.Add(x => x.Label, "Start time").Add(x => x.Id, "start-time").Add(x => x.For, "StartTime")
            .Add(x => x.Value, new TimeOnly(9, 15)));
        Assert.Empty(field.FindComponents<MudTimePicker>());

        field.Find("button[aria-label='Choose the time on a clock']").Click();

        Assert.Single(field.FindComponents<MudTimePicker>());
        Assert.Equal("09:15", field.Find("#start-time").GetAttribute("value"));
        Popovers.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-picker-time-container")));
    }

    [Theory]
    [InlineData(TimeStyle.TwentyFourHour, "07:05", 7, 5)]
    [InlineData(TimeStyle.TwentyFourHour, "7:05 pm", 19, 5)]
    [InlineData(TimeStyle.TwelveHour, "7:05 PM", 19, 5)]
    [InlineData(TimeStyle.TwelveHour, "19:05", 19, 5)]
    public void ATimeIsReadInEitherClock(TimeStyle style, string typed, int hour, int minute)
    {
        var convention = new DateConvention(DateStyle.WeekdayDayMonthYear, style);

        Assert.True(convention.TryParseTime(typed, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
        Assert.False(convention.TryParseTime("25:00", out _));
        Assert.False(convention.TryParseTime("", out _));
    }
}
