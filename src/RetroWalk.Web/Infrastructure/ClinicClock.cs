using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// The clinic's own date and time: "today", "now" and "this week" in the time zone stored for the
/// signed-in user's clinic, from the one injected <see cref="TimeProvider"/>. The only place the app
/// asks what day it is; the server's own time zone plays no part.
/// </summary>
public sealed class ClinicClock(TimeProvider time, ClinicLocales locales, ICurrentUser user, IDbContextFactory<RetroWalkDbContext> dbFactory)
{
    /// <summary>The clinic's time zone (UTC for a request without a clinic).</summary>
    public TimeZoneInfo TimeZone => locales.Get(user.ClinicId, dbFactory).TimeZone;

    /// <summary>The current instant, for timestamps that are stored (audit, archive, report records).</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>The current time on the clinic's wall clock.</summary>
    public DateTimeOffset Now => InClinicTime(UtcNow);

    /// <summary>The clinic's date today.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The Monday of the clinic's current week.</summary>
    public DateOnly StartOfWeek => CalendarWeek.MondayOf(Today);

    /// <summary>Reads the clinic's time zone ahead without blocking (see <see cref="ClinicLocales.LoadAsync"/>).</summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) => locales.LoadAsync(user.ClinicId, dbFactory, cancellationToken);

    /// <summary>A stored instant as the clinic's wall clock showed it.</summary>
    public DateTimeOffset InClinicTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}

/// <summary>The time zones a clinic can be in: IANA ids this server knows.</summary>
public static class ClinicTimeZones
{
    public const string DefaultId = "Europe/London";
    public const int MaxIdLength = 64;

    /// <summary>
    /// An IANA time zone id this server knows (e.g. "Europe/Warsaw"; not a Windows name such as
    /// "Central European Standard Time"), matched without regard to case; <paramref name="zone"/> carries the canonical id.
    /// </summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength || id != id.Trim()
            || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }
        // Leaves out files of the zone database that are not zones (posixrules and the like).
        if (!KnownIds.Contains(found.Id) && !TimeZoneInfo.TryConvertIanaIdToWindowsId(found.Id, out _))
        {
            return false;
        }
        zone = found;
        return true;
    }

    /// <summary>The zones to suggest, in order.</summary>
    public static IReadOnlyList<string> Suggestions { get; } = [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Order(StringComparer.Ordinal)];

    private static readonly HashSet<string> KnownIds = [.. Suggestions];
}

public static class ClinicClockRegistration
{
    /// <summary>The system clock (tests replace it) and the clinic clock over it.</summary>
    public static IServiceCollection AddClinicClock(this IServiceCollection services)
    {
#pragma warning disable RS0030 // the one place the app names the system clock; tests replace this registration
        services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.AddSingleton<ClinicLocales>();
        services.AddScoped<ClinicClock>();
        return services;
    }
}
