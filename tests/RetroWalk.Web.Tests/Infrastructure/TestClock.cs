using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using RetroWalk.Clinical;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// The known instant every test runs at, whatever the real date: the app under test gets a
/// <see cref="FakeTimeProvider"/> set to it, and test data is dated from <see cref="Today"/>.
/// <para>
/// <c>RETROWALK_TEST_NOW</c> moves it: a date (<c>2027-03-28</c>: 00:30 on that day in the clinic, the hour when
/// the clinic's date and the UTC date differ) or a clinic wall-clock time (<c>2027-03-28T12:00</c>).
/// <c>RETROWALK_TEST_TIME_ZONE</c> is the test clinics' IANA time zone (default Europe/Warsaw).
/// Only the test host and the fixtures read these variables; the app never does.
/// </para>
/// </summary>
public static class TestClock
{
    public const string NowVariable = "RETROWALK_TEST_NOW";
    public const string TimeZoneVariable = "RETROWALK_TEST_TIME_ZONE";

    /// <summary>Wednesday 25 November 2026, 10:00 in the clinic.</summary>
    private static readonly DateTime DefaultClinicTime = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The time of day a date-only override runs at.</summary>
    private static readonly TimeOnly DateOnlyOverrideTime = new(0, 30);

    /// <summary>The test clinics' time zone.</summary>
    public static TimeZoneInfo TimeZone { get; } =
        TimeZoneInfo.FindSystemTimeZoneById(Environment.GetEnvironmentVariable(TimeZoneVariable) is { Length: > 0 } id ? id : "Europe/Warsaw");

    /// <summary>The instant the tests run at (UTC).</summary>
    public static DateTimeOffset Start { get; } = ParseStart(Environment.GetEnvironmentVariable(NowVariable));

    /// <summary>The clinic's date at <see cref="Start"/>.</summary>
    public static DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Start, TimeZone).DateTime);

    /// <summary>The Monday of the clinic's current week.</summary>
    public static DateOnly ThisMonday => CalendarWeek.MondayOf(Today);

    /// <summary>The first Monday after today (a week ahead when today is a Monday).</summary>
    public static DateOnly NextMonday => ThisMonday.AddDays(7);

    /// <summary>
    /// A new fake clock at <see cref="Start"/>. It moves one millisecond each time it is read, so that things
    /// recorded one after another keep their order (audit entries, "last updated"), and otherwise only when a
    /// test advances it; the timers it creates fire only then.
    /// </summary>
    public static FakeTimeProvider NewProvider()
    {
        var provider = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        provider.SetLocalTimeZone(TimeZoneInfo.Utc); // the app must never rely on the server's zone
        return provider;
    }

    private static DateTimeOffset ParseStart(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return InClinic(DefaultClinicTime);
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return InClinic(date.ToDateTime(DateOnlyOverrideTime));
        }
        if (DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clinicTime))
        {
            return InClinic(clinicTime);
        }
        throw new InvalidOperationException($"{NowVariable}='{value}' is neither a date (2027-03-28) nor a clinic time (2027-03-28T12:00).");
    }

    /// <summary>A clinic wall-clock time as an instant (a time skipped by a DST change is refused).</summary>
    private static DateTimeOffset InClinic(DateTime clinicTime)
    {
        if (TimeZone.IsInvalidTime(clinicTime))
        {
            throw new InvalidOperationException($"{clinicTime:yyyy-MM-dd HH:mm} does not exist in {TimeZone.Id} (the clocks skip it).");
        }
        return new DateTimeOffset(clinicTime, TimeZone.GetUtcOffset(clinicTime)).ToUniversalTime();
    }
}
