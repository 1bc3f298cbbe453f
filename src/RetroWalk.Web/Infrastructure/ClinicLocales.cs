using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure;

/// <summary>Where a clinic is and how it writes dates: its time zone and its date and time convention.</summary>
public sealed record ClinicLocale(TimeZoneInfo TimeZone, DateConvention Convention)
{
    /// <summary>For a request without a clinic.</summary>
    public static readonly ClinicLocale None = new(TimeZoneInfo.Utc, DateConvention.Default);
}

/// <summary>
/// Each clinic's <see cref="ClinicLocale"/>, read once and kept in memory for <see cref="ClinicClock"/> and
/// <see cref="ClinicFormats"/>. A settings change on this instance takes effect at once (<see cref="Forget"/>);
/// other instances read it again within <see cref="RefreshAfter"/>.
/// </summary>
public sealed class ClinicLocales(TimeProvider time)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (ClinicLocale Locale, long ReadAt)> known = new();

    public ClinicLocale Get(Guid clinicId, IDbContextFactory<RetroWalkDbContext> dbFactory)
    {
        if (clinicId == Guid.Empty)
        {
            return ClinicLocale.None;
        }
        if (known.TryGetValue(clinicId, out var entry) && time.GetElapsedTime(entry.ReadAt) < RefreshAfter)
        {
            return entry.Locale;
        }
        ClinicLocale locale;
        try
        {
            locale = Load(clinicId, dbFactory);
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception) && entry.Locale is not null)
        {
            // Pages keep writing dates while the database is away: the last known locale, read again later.
            locale = entry.Locale;
        }
        known[clinicId] = (locale, time.GetTimestamp());
        return locale;
    }

    /// <summary>
    /// Reads the clinic's locale ahead if it is not known, without blocking a thread: a save path calls it before
    /// its first synchronous use of the clock, so that a database outage is waited out (and retried) asynchronously.
    /// </summary>
    public async Task LoadAsync(Guid clinicId, IDbContextFactory<RetroWalkDbContext> dbFactory, CancellationToken cancellationToken)
    {
        if (clinicId == Guid.Empty || (known.TryGetValue(clinicId, out var entry) && time.GetElapsedTime(entry.ReadAt) < RefreshAfter))
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Clinics.Where(c => c.Id == clinicId)
            .Select(c => new { c.TimeZone, c.DateStyle, c.TimeStyle })
            .SingleOrDefaultAsync(cancellationToken);
        known[clinicId] = (Locale(stored?.TimeZone, stored is null ? null : new DateConvention(stored.DateStyle, stored.TimeStyle)), time.GetTimestamp());
    }

    /// <summary>After a clinic's settings change: the next use reads them again.</summary>
    public void Forget(Guid clinicId) => known.TryRemove(clinicId, out _);

    private static ClinicLocale Load(Guid clinicId, IDbContextFactory<RetroWalkDbContext> dbFactory)
    {
        using var db = dbFactory.CreateDbContext();
        var stored = db.Clinics.Where(c => c.Id == clinicId)
            .Select(c => new { c.TimeZone, c.DateStyle, c.TimeStyle })
            .SingleOrDefault();
        return Locale(stored?.TimeZone, stored is null ? null : new DateConvention(stored.DateStyle, stored.TimeStyle));
    }

    private static ClinicLocale Locale(string? timeZone, DateConvention? convention) =>
        convention is null
            ? ClinicLocale.None
            : new ClinicLocale(ClinicTimeZones.TryFind(timeZone, out var zone) ? zone : TimeZoneInfo.Utc, convention);
}
