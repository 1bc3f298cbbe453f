using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// The signed-in user's clinic's date and time convention (<see cref="DateConvention"/>): the one way pages,
/// pickers and messages write dates and times. Inject it (<c>@inject ClinicFormats Formats</c>) and write
/// <c>Formats.Date(session.Date)</c>; give pickers <c>DateFormat="@Formats.DatePattern" Culture="@Formats.Culture"</c>.
/// </summary>
public sealed class ClinicFormats
{
    private readonly Func<DateConvention> current;

    public ClinicFormats(ClinicConventions conventions, ICurrentUser user, IDbContextFactory<RetroWalkDbContext> dbFactory)
        : this(() => conventions.Get(user.ClinicId, clinicId => Load(dbFactory, clinicId)))
    {
    }

    private ClinicFormats(Func<DateConvention> current) => this.current = current;

    /// <summary>One convention whatever the user (component tests, documents made outside a request).</summary>
    public static ClinicFormats Fixed(DateConvention convention) => new(() => convention);

    public DateConvention Convention => current();

    public string DatePattern => Convention.DatePattern;
    public string TimePattern => Convention.TimePattern;
    public bool AmPm => Convention.AmPm;
    public CultureInfo Culture => Convention.Culture;

    public string Date(DateOnly date) => Convention.Date(date);

    public string Date(DateOnly? date, string whenEmpty) => date is { } d ? Convention.Date(d) : whenEmpty;

    public string Time(TimeOnly time) => Convention.Time(time);

    /// <summary>The day of a stored instant on the clinic's wall clock.</summary>
    public string Date(DateTimeOffset instant) => Convention.Date(DateOnly.FromDateTime(WallClock(instant)));

    /// <summary>A stored instant on the clinic's wall clock: "Mon 30 Nov 2026, 16:05".</summary>
    public string DateTime(DateTimeOffset instant, bool seconds = false) => Convention.DateTime(WallClock(instant), seconds);

    public bool TryParseDate(string? text, out DateOnly date) => Convention.TryParseDate(text, out date);

    private static DateTime WallClock(DateTimeOffset instant) => instant.ToLocalTime().DateTime;

    private static DateConvention? Load(IDbContextFactory<RetroWalkDbContext> dbFactory, Guid clinicId)
    {
        using var db = dbFactory.CreateDbContext();
        return db.Clinics.Where(c => c.Id == clinicId)
            .Select(c => new DateConvention(c.DateStyle, c.TimeStyle))
            .SingleOrDefault();
    }
}

/// <summary>
/// Each clinic's date convention, kept in memory. A settings change on this instance takes effect at once
/// (<see cref="Set"/>); other instances read it again within <see cref="RefreshAfter"/>.
/// </summary>
public sealed class ClinicConventions(TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (DateConvention Convention, long ReadAt)> known = new();

    public DateConvention Get(Guid clinicId, Func<Guid, DateConvention?> load)
    {
        if (clinicId == Guid.Empty)
        {
            return DateConvention.Default;
        }
        if (known.TryGetValue(clinicId, out var entry) && time.GetElapsedTime(entry.ReadAt) < RefreshAfter)
        {
            return entry.Convention;
        }
        DateConvention convention;
        try
        {
            convention = load(clinicId) ?? DateConvention.Default;
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            // Pages keep writing dates while the database is away: the last known convention, read again later.
            convention = entry.Convention ?? DateConvention.Default;
        }
        Set(clinicId, convention);
        return convention;
    }

    public void Set(Guid clinicId, DateConvention convention) => known[clinicId] = (convention, time.GetTimestamp());
}
