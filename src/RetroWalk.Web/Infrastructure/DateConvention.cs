using System.Globalization;

namespace RetroWalk.Web.Infrastructure;

/// <summary>How a clinic writes dates. Stored by name in the clinic's settings.</summary>
public enum DateStyle
{
    /// <summary>Mon 30 Nov 2026</summary>
    WeekdayDayMonthYear = 0,

    /// <summary>30/11/2026</summary>
    DayMonthYear = 1,

    /// <summary>30.11.2026</summary>
    DayMonthYearDots = 2,

    /// <summary>11/30/2026</summary>
    MonthDayYear = 3,
}

/// <summary>How a clinic writes times of day.</summary>
public enum TimeStyle
{
    /// <summary>16:05</summary>
    TwentyFourHour = 0,

    /// <summary>4:05 PM</summary>
    TwelveHour = 1,
}

/// <summary>
/// One display convention for dates and times: the patterns every page prints with and the culture the date
/// and time pickers take, so that what a therapist types or picks reads the same as the text around it.
/// </summary>
public sealed class DateConvention
{
    public static readonly DateConvention Default = new(DateStyle.WeekdayDayMonthYear, TimeStyle.TwentyFourHour);

    /// <summary>A fixed day and time for showing what each style looks like (settings, hints).</summary>
    public static readonly DateTime Sample = new(2026, 11, 30, 16, 5, 0, DateTimeKind.Unspecified);

    public DateConvention(DateStyle dateStyle, TimeStyle timeStyle)
    {
        DateStyle = Enum.IsDefined(dateStyle) ? dateStyle : Default.DateStyle;
        TimeStyle = Enum.IsDefined(timeStyle) ? timeStyle : TimeStyle.TwentyFourHour;
        DatePattern = PatternOf(DateStyle);
        TimePattern = TimeStyle == TimeStyle.TwelveHour ? "h:mm tt" : "HH:mm";

        // English month and day names (the app's language), with this convention's patterns as the culture's
        // own short patterns: a picker that falls back to the culture shows the same thing.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("en-GB").Clone();
        var format = culture.DateTimeFormat;
        format.DateSeparator = "/";
        format.ShortDatePattern = DatePattern;
        format.ShortTimePattern = TimePattern;
        format.AMDesignator = "AM";
        format.PMDesignator = "PM";
        Culture = CultureInfo.ReadOnly(culture);
    }

    public DateStyle DateStyle { get; }
    public TimeStyle TimeStyle { get; }

    /// <summary>A .NET date format, e.g. "ddd d MMM yyyy". Slashes are literal.</summary>
    public string DatePattern { get; }

    /// <summary>"HH:mm" or "h:mm tt".</summary>
    public string TimePattern { get; }

    /// <summary>Twelve-hour clock (MudTimePicker's AmPm).</summary>
    public bool AmPm => TimeStyle == TimeStyle.TwelveHour;

    public CultureInfo Culture { get; }

    public string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    public string Time(TimeOnly time) => time.ToString(TimePattern, Culture);

    /// <summary>A wall-clock date and time: "Mon 30 Nov 2026, 16:05" (with seconds, "16:05:09", for the audit trail).</summary>
    public string DateTime(DateTime wallClock, bool seconds = false) =>
        $"{Date(DateOnly.FromDateTime(wallClock))}, {TimeOnly.FromDateTime(wallClock).ToString(seconds ? TimePatternWithSeconds : TimePattern, Culture)}";

    private string TimePatternWithSeconds => TimeStyle == TimeStyle.TwelveHour ? "h:mm:ss tt" : "HH:mm:ss";

    /// <summary>Reads a date typed in this convention, or in the culture's other usual forms ("2 Apr 1958", "1958-04-02").</summary>
    public bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        string[] exact = [DatePattern, "d MMM yyyy", "d MMMM yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(trimmed, exact, Culture, DateTimeStyles.AllowWhiteSpaces, out date)
            // Other numeric forms are read in this convention's order (the culture's short date pattern).
            || DateOnly.TryParse(trimmed, Culture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>Reads a time typed in this convention, or as "14:30" or "2:30 pm" whatever the convention.</summary>
    public bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        string[] exact = [TimePattern, "H:mm", "HH:mm", "h:mm tt", "h:mmtt", "h tt", "htt"];
        return TimeOnly.TryParseExact(trimmed, exact, Culture, DateTimeStyles.AllowWhiteSpaces, out time)
            || TimeOnly.TryParseExact(trimmed, exact, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out time);
    }

    public static string PatternOf(DateStyle style) => style switch
    {
        DateStyle.DayMonthYear => "dd'/'MM'/'yyyy",
        DateStyle.DayMonthYearDots => "dd'.'MM'.'yyyy",
        DateStyle.MonthDayYear => "MM'/'dd'/'yyyy",
        _ => "ddd d MMM yyyy",
    };

    /// <summary>What a style looks like, for choosing one: "Mon 30 Nov 2026".</summary>
    public static string Example(DateStyle style) => new DateConvention(style, TimeStyle.TwentyFourHour).Date(DateOnly.FromDateTime(Sample));

    /// <summary>What a style looks like, for choosing one: "16:05".</summary>
    public static string Example(TimeStyle style) => new DateConvention(DateStyle.WeekdayDayMonthYear, style).Time(TimeOnly.FromDateTime(Sample));
}
