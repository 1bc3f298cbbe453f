using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Clinical;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

public enum ReportPageSize
{
    A4 = 0,
    Letter = 1,
}

public sealed class Clinic
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public ReportPageSize ReportPageSize { get; set; } = ReportPageSize.A4;
    /// <summary>The clinic's IANA time zone: its "today" and the times it shows (<see cref="Infrastructure.ClinicClock"/>).</summary>
    public string TimeZone { get; set; } = Infrastructure.ClinicTimeZones.DefaultId;

    /// <summary>How treadmill speeds are entered and shown in this clinic; they are stored in km/h.</summary>
    public SpeedUnit SpeedUnit { get; set; } = SpeedUnit.KilometresPerHour;

    /// <summary>Show gait speeds in km/h beside m/s (speeds are always stored and compared in m/s).</summary>
    public bool ShowGaitSpeedInKmh { get; set; }

    /// <summary>How every page, picker and message writes dates (<see cref="Infrastructure.ClinicFormats"/>).</summary>
    public DateStyle DateStyle { get; set; } = DateStyle.WeekdayDayMonthYear;

    /// <summary>How every page, picker and message writes times of day.</summary>
    public TimeStyle TimeStyle { get; set; } = TimeStyle.TwentyFourHour;

    /// <summary>Everyone signs in with an authenticator app, not only the administrators (who always must).</summary>
    public bool RequireTwoFactorForEveryone { get; set; }

    /// <summary>Minutes without any interaction after which a signed-in page signs out (a warning comes a minute before).</summary>
    public int IdleLogoffMinutes { get; set; } = DefaultIdleLogoffMinutes;

    public const int DefaultIdleLogoffMinutes = 15;
    public const int MinIdleLogoffMinutes = 2;
    public const int MaxIdleLogoffMinutes = 240;
}

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.Property(c => c.TimeZone).HasMaxLength(Infrastructure.ClinicTimeZones.MaxIdLength);
        builder.Property(c => c.ReportPageSize).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SpeedUnit).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.DateStyle).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.TimeStyle).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.IdleLogoffMinutes).HasDefaultValue(Clinic.DefaultIdleLogoffMinutes);
    }
}
