using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// The signed-in user's clinic's date and time convention (<see cref="DateConvention"/>): the one way pages,
/// pickers and messages write dates and times. Inject it (<c>@inject ClinicFormats Formats</c>) and write
/// <c>Formats.Date(session.Date)</c>; give pickers <c>DateFormat="@Formats.DatePattern" Culture="@Formats.Culture"</c>.
/// </summary>
public sealed class ClinicFormats(ClinicLocales locales, ClinicClock clock, ICurrentUser user, IDbContextFactory<RetroWalkDbContext> dbFactory)
{
    public DateConvention Convention => locales.Get(user.ClinicId, dbFactory).Convention;

    public string DatePattern => Convention.DatePattern;
    public string TimePattern => Convention.TimePattern;
    public bool AmPm => Convention.AmPm;
    public CultureInfo Culture => Convention.Culture;

    public string Date(DateOnly date) => Convention.Date(date);

    public string Date(DateOnly? date, string whenEmpty) => date is { } d ? Convention.Date(d) : whenEmpty;

    public string Time(TimeOnly time) => Convention.Time(time);

    /// <summary>The day of a stored instant on the clinic's wall clock.</summary>
    public string Date(DateTimeOffset instant) => Convention.Date(DateOnly.FromDateTime(WallClock(instant)));

    /// <summary>A stored instant on the clinic's wall clock: "Mon 30 Nov 2026, 16:05" (with seconds for the audit trail).</summary>
    /// <summary>An instant's time of day on the clinic's clock, the clinic's way.</summary>
    public string Time(DateTimeOffset instant) => Time(TimeOnly.FromDateTime(WallClock(instant)));

    public string DateTime(DateTimeOffset instant, bool seconds = false) => Convention.DateTime(WallClock(instant), seconds);

    public bool TryParseDate(string? text, out DateOnly date) => Convention.TryParseDate(text, out date);

    public bool TryParseTime(string? text, out TimeOnly time) => Convention.TryParseTime(text, out time);

    private DateTime WallClock(DateTimeOffset instant) => clock.InClinicTime(instant).DateTime;
}
