using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class ClinicClockTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>A clock for <paramref name="clinic"/> standing at <paramref name="instant"/>, reading the clinic's stored zone.</summary>
    private static ClinicClock ClockAt(AsyncServiceScope scope, TestClinic clinic, DateTimeOffset instant)
    {
        var time = new FakeTimeProvider(instant);
        return new ClinicClock(time, new ClinicLocales(time), CurrentUser.ForClinic(clinic.Id),
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>());
    }

    private async Task<TestClinic> ClinicInAsync(string zone)
    {
        var clinic = await app.CreateClinicAsync();
        await using var admin = app.ScopeFor(clinic, admin: true);
        var saved = await admin.ServiceProvider.GetRequiredService<ClinicSettingsService>()
            .SaveAsync(new ClinicSettingsInput { TimeZone = zone }, Token);
        Assert.True(saved.Succeeded, saved.Message);
        return clinic;
    }

    [Fact]
    public async Task TodayIsTheClinicsDateNotTheUtcDate()
    {
        var warsaw = await ClinicInAsync("Europe/Warsaw");
        var newYork = await ClinicInAsync("America/New_York");
        await using var scope = app.Services.CreateAsyncScope();
        var lateEvening = Utc(2027, 12, 31, 23, 30);

        Assert.Equal(new DateOnly(2028, 1, 1), ClockAt(scope, warsaw, lateEvening).Today);
        Assert.Equal(new DateOnly(2027, 12, 31), ClockAt(scope, newYork, lateEvening).Today);
        Assert.Equal(new DateOnly(2027, 12, 31), ClockAt(scope, newYork, Utc(2028, 1, 1, 4, 59)).Today);
        Assert.Equal(new DateTimeOffset(2027, 12, 31, 18, 30, 0, TimeSpan.FromHours(-5)), ClockAt(scope, newYork, lateEvening).Now);
    }

    [Theory]
    [InlineData("2027-03-28T00:59:00Z", "2027-03-28T01:59:00+01:00")] // spring forward: 02:00 CET becomes 03:00 CEST
    [InlineData("2027-03-28T01:00:00Z", "2027-03-28T03:00:00+02:00")]
    [InlineData("2027-10-31T00:30:00Z", "2027-10-31T02:30:00+02:00")] // fall back: 02:30 happens twice
    [InlineData("2027-10-31T01:30:00Z", "2027-10-31T02:30:00+01:00")]
    [InlineData("2027-10-30T22:30:00Z", "2027-10-31T00:30:00+02:00")]
    public async Task OnTheDaysTheClocksChangeNowAndTodayFollowTheClinicsZone(string instant, string wallClock)
    {
        var clinic = await ClinicInAsync("Europe/Warsaw");
        await using var scope = app.Services.CreateAsyncScope();
        var clock = ClockAt(scope, clinic, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        var expected = DateTimeOffset.Parse(wallClock, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, clock.Now);
        Assert.Equal(expected.Offset, clock.Now.Offset);
        Assert.Equal(DateOnly.FromDateTime(expected.DateTime), clock.Today);
    }

    [Theory]
    [InlineData("2028-02-27T12:00:00Z", "2028-02-21")] // Sunday: the Monday before
    [InlineData("2028-02-28T12:00:00Z", "2028-02-28")] // Monday: that day
    [InlineData("2028-02-29T12:00:00Z", "2028-02-28")] // leap day
    [InlineData("2027-12-31T12:00:00Z", "2027-12-27")]
    [InlineData("2028-01-02T23:30:00Z", "2028-01-03")] // Sunday evening in UTC is Monday in Warsaw
    public async Task TheWeekStartsOnTheClinicsMonday(string instant, string monday)
    {
        var clinic = await ClinicInAsync("Europe/Warsaw");
        await using var scope = app.Services.CreateAsyncScope();
        var clock = ClockAt(scope, clinic, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.ParseExact(monday, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clock.StartOfWeek);
    }

    [Fact]
    public async Task ChangingTheTimeZoneInTheSettingsMovesTheClinicsTodayAtOnce()
    {
        var clinic = await ClinicInAsync("Pacific/Kiritimati"); // UTC+14
        await using var therapist = app.ScopeFor(clinic);
        var clock = therapist.ServiceProvider.GetRequiredService<ClinicClock>();
        var utcDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(utcDate.AddDays(app.Clock.GetUtcNow().Hour >= 10 ? 1 : 0), clock.Today);

        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            var saved = await admin.ServiceProvider.GetRequiredService<ClinicSettingsService>()
                .SaveAsync(new ClinicSettingsInput { TimeZone = "pacific/pago_pago" }, Token); // UTC-11, typed in lower case
            Assert.True(saved.Succeeded, saved.Message);
            Assert.Contains("Pacific/Pago_Pago", saved.Message, StringComparison.Ordinal);
            Assert.Equal("Pacific/Pago_Pago", (await admin.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync(Token))!.TimeZone);
        }

        Assert.Equal("Pacific/Pago_Pago", clock.TimeZone.Id);
        Assert.Equal(utcDate.AddDays(app.Clock.GetUtcNow().Hour < 11 ? -1 : 0), clock.Today);
    }

    [Theory]
    [InlineData("", "Enter the clinic's time zone")]
    [InlineData("Central European Standard Time", "IANA name")]
    [InlineData("GMT+2", "IANA name")]
    [InlineData("Mars/Olympus_Mons", "IANA name")]
    [InlineData("posixrules", "IANA name")]
    [InlineData("../../etc/passwd", "IANA name")]
    [InlineData(" Europe/Warsaw", "IANA name")]
    public async Task AnUnknownTimeZoneIsRefusedAtTheFieldAndNothingIsSaved(string zone, string message)
    {
        var clinic = await ClinicInAsync("Europe/Warsaw");
        await using var admin = app.ScopeFor(clinic, admin: true);
        var settings = admin.ServiceProvider.GetRequiredService<ClinicSettingsService>();

        var result = await settings.SaveAsync(new ClinicSettingsInput { TimeZone = zone, ShowGaitSpeedInKmh = true }, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, Assert.Single(result.Errors![nameof(ClinicSettingsInput.TimeZone)]), StringComparison.Ordinal);
        var stored = (await settings.GetAsync(Token))!;
        Assert.Equal(("Europe/Warsaw", false), (stored.TimeZone, stored.ShowGaitSpeedInKmh));
    }

    [Fact]
    public async Task AReportIsNamedAndStampedWithTheClinicsDate()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var sp = scope.ServiceProvider;
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(sp, "CLK-1", "Zofia", "Nowak");
        var reports = sp.GetRequiredService<ReportService>();

        var saved = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-7), To = TestClock.Today }, Token);
        var rendered = (await reports.RenderAsync(saved.Id, Token))!;
        var text = RetroWalk.Reports.Tests.Poppler.Squeeze(string.Join(" ", RetroWalk.Reports.Tests.Poppler.Pages(rendered.Pdf)));

        Assert.Equal($"CLK-1_{TestClock.Today:yyyy-MM-dd}_progress-report.pdf", rendered.FileName);
        var wallClock = TimeZoneInfo.ConvertTime(TestClock.Start, TestClock.TimeZone);
        Assert.Contains($"Generated {wallClock.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({TestClock.TimeZone.Id})", text, StringComparison.Ordinal);
    }
}
