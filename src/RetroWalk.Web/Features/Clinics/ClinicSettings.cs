using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

/// <summary>The clinic-wide settings an administrator changes.</summary>
public sealed class ClinicSettingsInput
{
    public SpeedUnit SpeedUnit { get; set; } = SpeedUnit.KilometresPerHour;
    public ReportPageSize ReportPageSize { get; set; } = ReportPageSize.A4;

    /// <summary>Show walking-test speeds in km/h beside m/s (they are always stored and compared in m/s).</summary>
    public bool ShowGaitSpeedInKmh { get; set; }

    /// <summary>The clinic's IANA time zone, e.g. "Europe/Warsaw": it decides the clinic's "today".</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>How every page, date field and message writes dates.</summary>
    public DateStyle DateStyle { get; set; } = DateStyle.WeekdayDayMonthYear;

    public TimeStyle TimeStyle { get; set; } = TimeStyle.TwentyFourHour;

    /// <summary>Everyone signs in with an authenticator app (administrators always do).</summary>
    public bool RequireTwoFactorForEveryone { get; set; }

    /// <summary>Minutes without interaction before an open page signs out.</summary>
    public int IdleLogoffMinutes { get; set; } = Clinic.DefaultIdleLogoffMinutes;
}

public sealed class ClinicSettingsService(IDbContextFactory<RetroWalkDbContext> dbFactory, ICurrentUser user, ClinicLocales locales)
{
    /// <summary>How long the signed-in user's pages may sit untouched before they sign out.</summary>
    public async Task<TimeSpan> IdleLogoffAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var minutes = await db.Clinics.Where(c => c.Id == user.ClinicId).Select(c => (int?)c.IdleLogoffMinutes).SingleOrDefaultAsync(cancellationToken);
        return TimeSpan.FromMinutes(minutes ?? Clinic.DefaultIdleLogoffMinutes);
    }

    public async Task<ClinicSettingsInput?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.Where(c => c.Id == user.ClinicId)
            .Select(c => new ClinicSettingsInput
            {
                SpeedUnit = c.SpeedUnit,
                ReportPageSize = c.ReportPageSize,
                ShowGaitSpeedInKmh = c.ShowGaitSpeedInKmh,
                TimeZone = c.TimeZone,
                DateStyle = c.DateStyle,
                TimeStyle = c.TimeStyle,
                RequireTwoFactorForEveryone = c.RequireTwoFactorForEveryone,
                IdleLogoffMinutes = c.IdleLogoffMinutes,
            })
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Clinic administrators only. Speeds stay stored in km/h; only how they are entered and shown changes.</summary>
    public Task<SaveResult> SaveAsync(ClinicSettingsInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => SaveCoreAsync(input, cancellationToken));

    private async Task<SaveResult> SaveCoreAsync(ClinicSettingsInput input, CancellationToken cancellationToken)
    {
        if (!user.IsClinicAdmin)
        {
            return new SaveResult(SaveStatus.Invalid, Message: "Only a clinic administrator can change the clinic settings.");
        }
        var errors = new FieldErrors();
        if (!Enum.IsDefined(input.SpeedUnit))
        {
            errors.Add(nameof(ClinicSettingsInput.SpeedUnit), "Choose km/h or m/s.");
        }
        if (!Enum.IsDefined(input.ReportPageSize))
        {
            errors.Add(nameof(ClinicSettingsInput.ReportPageSize), "Choose A4 or Letter.");
        }
        if (!Enum.IsDefined(input.DateStyle))
        {
            errors.Add(nameof(ClinicSettingsInput.DateStyle), "Choose one of the date formats.");
        }
        if (!Enum.IsDefined(input.TimeStyle))
        {
            errors.Add(nameof(ClinicSettingsInput.TimeStyle), "Choose the 24-hour or the 12-hour clock.");
        }
        if (input.IdleLogoffMinutes is < Clinic.MinIdleLogoffMinutes or > Clinic.MaxIdleLogoffMinutes)
        {
            errors.Add(nameof(ClinicSettingsInput.IdleLogoffMinutes),
                $"Enter whole minutes from {Clinic.MinIdleLogoffMinutes} to {Clinic.MaxIdleLogoffMinutes}.");
        }
        if (!ClinicTimeZones.TryFind(input.TimeZone, out var zone))
        {
            errors.Add(nameof(ClinicSettingsInput.TimeZone), string.IsNullOrWhiteSpace(input.TimeZone)
                ? "Enter the clinic's time zone, e.g. Europe/Warsaw."
                : "Not a time zone this server knows. Use an IANA name such as Europe/Warsaw or America/New_York (not a Windows name or an offset).");
        }
        if (!errors.IsValid)
        {
            return SaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.SingleOrDefaultAsync(c => c.Id == user.ClinicId, cancellationToken);
        if (clinic is null)
        {
            return SaveResult.NotFound();
        }
        clinic.SpeedUnit = input.SpeedUnit;
        clinic.ReportPageSize = input.ReportPageSize;
        clinic.ShowGaitSpeedInKmh = input.ShowGaitSpeedInKmh;
        clinic.TimeZone = zone.Id;
        clinic.DateStyle = input.DateStyle;
        clinic.TimeStyle = input.TimeStyle;
        clinic.RequireTwoFactorForEveryone = input.RequireTwoFactorForEveryone;
        clinic.IdleLogoffMinutes = input.IdleLogoffMinutes;
        await db.SaveChangesAsync(cancellationToken);
        locales.Forget(clinic.Id);
        var convention = new DateConvention(input.DateStyle, input.TimeStyle);
        return SaveResult.Saved(clinic.Id, Guid.Empty) with
        {
            Message = $"Speeds are now entered and shown in {input.SpeedUnit.Symbol()}; reports print on {input.ReportPageSize}; " +
                $"gait speeds show {(input.ShowGaitSpeedInKmh ? "m/s with km/h beside" : "in m/s")}; the clinic's day follows {zone.Id}; " +
                $"dates and times read like {convention.DateTime(DateConvention.Sample)}; " +
                (input.RequireTwoFactorForEveryone ? "everyone signs in with an authenticator app" : "administrators sign in with an authenticator app") +
                $"; an idle page signs out after {input.IdleLogoffMinutes} minutes.",
        };
    }
}
