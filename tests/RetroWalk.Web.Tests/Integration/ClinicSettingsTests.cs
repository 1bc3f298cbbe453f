using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical;
using RetroWalk.Reports.Tests;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class ClinicSettingsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdministratorSetsUnitsAndPageSizeAndTheyApplyToProgressAndReports()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            var settings = admin.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var saved = await settings.SaveAsync(new ClinicSettingsInput { SpeedUnit = SpeedUnit.MetresPerSecond, ReportPageSize = ReportPageSize.Letter, ShowGaitSpeedInKmh = true, TimeZone = TestClock.TimeZone.Id }, Token);
            Assert.True(saved.Succeeded);
            var read = (await settings.GetAsync(Token))!;
            Assert.Equal((SpeedUnit.MetresPerSecond, ReportPageSize.Letter, true), (read.SpeedUnit, read.ReportPageSize, read.ShowGaitSpeedInKmh));
        }

        await using var therapist = app.ScopeFor(clinic);
        var sp = therapist.ServiceProvider;
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(sp, "SET-1", "Jürgen", "Größmann");
        await sp.GetRequiredService<AssessmentService>().CreateAsync(patientId,
            AssessmentData.Assessment(AssessmentData.Today.AddDays(-2), AssessmentTimePoint.Baseline, AssessmentData.TenMetre(10, 20m)), Token);

        var review = (await sp.GetRequiredService<ProgressService>().GetAsync(patientId, cancellationToken: Token))!;
        Assert.True(review.ShowsKmh);
        Assert.Equal("1.80 km/h", review.Measures.Single().Points.Single().SecondaryText);

        var reports = sp.GetRequiredService<ReportService>();
        var report = await reports.CreateAsync(patientId, new ReportInput { From = AssessmentData.Today.AddDays(-7), To = AssessmentData.Today }, Token);
        var pdf = (await reports.RenderAsync(report.Id, Token))!.Pdf;
        Assert.All(Poppler.PageSizes(pdf), size => Assert.Contains("612 x 792", size, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheClinicsDateConventionIsHowEveryDateIsWrittenForItsUsers()
    {
        var clinic = await app.CreateClinicAsync();
        var otherClinic = await app.CreateClinicAsync();
        var birthday = new DateOnly(1958, 4, 2);
        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            var settings = admin.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var input = (await settings.GetAsync(Token))!;
            Assert.Equal((DateStyle.WeekdayDayMonthYear, TimeStyle.TwentyFourHour), (input.DateStyle, input.TimeStyle));
            Assert.Equal("Wed 2 Apr 1958", admin.ServiceProvider.GetRequiredService<ClinicFormats>().Date(birthday));

            input.DateStyle = DateStyle.DayMonthYear;
            input.TimeStyle = TimeStyle.TwelveHour;
            var saved = await settings.SaveAsync(input, Token);
            Assert.True(saved.Succeeded);
            Assert.Contains("dates and times read like 30/11/2026, 4:05 PM", saved.Message, StringComparison.Ordinal);
        }

        await using var therapist = app.ScopeFor(clinic);
        var formats = therapist.ServiceProvider.GetRequiredService<ClinicFormats>();
        Assert.Equal("02/04/1958", formats.Date(birthday));
        Assert.Equal(("dd'/'MM'/'yyyy", true), (formats.DatePattern, formats.AmPm));

        // Read from the database as another instance would, not only from this one's memory.
        var sp = therapist.ServiceProvider;
        var locales = new ClinicLocales(app.Services.GetRequiredService<TimeProvider>());
        var elsewhere = new ClinicFormats(locales, sp.GetRequiredService<ClinicClock>(), sp.GetRequiredService<ICurrentUser>(), sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>());
        Assert.Equal("02/04/1958", elsewhere.Date(birthday));

        await using var other = app.ScopeFor(otherClinic);
        Assert.Equal("Wed 2 Apr 1958", other.ServiceProvider.GetRequiredService<ClinicFormats>().Date(birthday));
    }

    [Fact]
    public async Task AnUnknownDateFormatIsRefusedAtItsField()
    {
        var clinic = await app.CreateClinicAsync();
        await using var admin = app.ScopeFor(clinic, admin: true);
        var result = await admin.ServiceProvider.GetRequiredService<ClinicSettingsService>()
            .SaveAsync(new ClinicSettingsInput { DateStyle = (DateStyle)42 }, Token);

        Assert.False(result.Succeeded);
        Assert.Equal("Choose one of the date formats.", result.Errors![nameof(ClinicSettingsInput.DateStyle)].Single());
    }

    [Fact]
    public async Task ATherapistCannotChangeTheClinicSettings()
    {
        var clinic = await app.CreateClinicAsync();
        await using var therapist = app.ScopeFor(clinic);
        var result = await therapist.ServiceProvider.GetRequiredService<ClinicSettingsService>()
            .SaveAsync(new ClinicSettingsInput { ReportPageSize = ReportPageSize.Letter }, Token);

        Assert.False(result.Succeeded);
        Assert.Equal(ReportPageSize.A4, (await therapist.ServiceProvider.GetRequiredService<ClinicSettingsService>().GetAsync(Token))!.ReportPageSize);
    }

    [Fact]
    public async Task ACancelledBatchKeepsNoFileAndSaysSo()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        for (var i = 0; i < 40; i++)
        {
            await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, $"CAN-{i:00}", "Αλέξανδρος", $"Παπαδόπουλος {i}");
        }
        var batches = scope.ServiceProvider.GetRequiredService<ReportBatches>();
        var token = TestContext.Current.CancellationToken;

        var id = await batches.StartAsync(new BatchRequest(AssessmentData.Today.AddDays(-30), AssessmentData.Today, null), clinic.Id, null, "Test Therapist", token);
        Assert.True(await batches.CancelAsync(id, clinic.Id, token));
        var status = await ReportData.WaitUntilFinishedAsync(batches, id, clinic.Id);

        Assert.Equal(JobState.Cancelled, status.State);
        Assert.Equal("Cancelled; nothing was kept.", status.Message);
        Assert.Null(await batches.DownloadAsync(id, clinic.Id, token));
        Assert.False(await batches.CancelAsync(id, clinic.Id, token));
    }
}
