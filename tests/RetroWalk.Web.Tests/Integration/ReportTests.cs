using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;
using RetroWalk.Reports.Tests;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class ReportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task AReportOfAPatientOnAProgrammeHasEverySectionTheUnicodeNameAndPageNumbers()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "REP-1", "Łucja", "Wiśniewska-Nguyễn");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();

        var saved = await reports.CreateAsync(patientId, new ReportInput { From = Today.AddDays(-30), To = Today, AssessmentAndPlan = "Continue three times a week; add 0.1 km/h when tolerated." }, Token);
        Assert.True(saved.Succeeded);
        var rendered = (await reports.RenderAsync(saved.Id, Token))!;

        var text = Poppler.Squeeze(Poppler.Text(rendered.Pdf));
        var pages = Poppler.PageCount(rendered.Pdf);
        Assert.Contains("Łucja Wiśniewska-Nguyễn", text, StringComparison.Ordinal);
        Assert.Contains("REP-1", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of " + pages, text, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
        Assert.Contains("Confidential patient information", text, StringComparison.Ordinal);
        // The dose line wraps inside its column: both halves are there.
        Assert.Contains("Backward treadmill walking · 30 min ·", text, StringComparison.Ordinal);
        Assert.Contains("3×/week · 4 weeks · 12 sessions", text, StringComparison.Ordinal);
        Assert.Contains("Continue three times a week", text, StringComparison.Ordinal);
        Assert.Matches(@"^REP-1_\d{4}-\d{2}-\d{2}_progress-report\.pdf$", rendered.FileName);
    }

    [Fact]
    public async Task TheOutcomesSectionShowsValuesFlagsCategoriesSummaryAndAChartPerMeasureInThePeriod()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "OUT-1", "Łucja", "Wiśniewska-Nguyễn");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(Today.AddDays(-90), AssessmentTimePoint.Baseline, AssessmentData.Tug(25m)), Token);
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(Today.AddDays(-28), AssessmentTimePoint.Baseline,
            AssessmentData.BergTotalling(38), AssessmentData.TenMetre(10, 22.2m), AssessmentData.Tug(18.4m)), Token);
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(Today.AddDays(-1), AssessmentTimePoint.EndOfProgramme,
            AssessmentData.BergTotalling(45), AssessmentData.TenMetre(10, 16.1m), AssessmentData.Tug(13.0m)), Token);
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();

        var saved = await reports.CreateAsync(patientId, new ReportInput { From = Today.AddDays(-30), To = Today }, Token);
        var rendered = (await reports.RenderAsync(saved.Id, Token))!;
        var text = Poppler.Squeeze(Poppler.Text(rendered.Pdf));

        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "retrowalk-outcomes-report.pdf"), rendered.Pdf);
        Assert.Contains("Berg Balance Scale", text, StringComparison.Ordinal);
        Assert.Contains("Timed Up and Go", text, StringComparison.Ordinal);
        // The TUG of 90 days ago is outside the period: the baseline is the 18.4 s one.
        Assert.Contains("TUG time fell 5.4 s (18.4 → 13.0 s)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("25.0 s", text, StringComparison.Ordinal);
        Assert.Contains("(0.45 → 0.62 m/s)", text, StringComparison.Ordinal);
        Assert.Contains("Exceeds", text, StringComparison.Ordinal);
        Assert.Contains("Alghadir 2018", text, StringComparison.Ordinal);
        Assert.Contains("now a limited community ambulator", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "), StringComparison.Ordinal);
        // Each chart is titled with its measure and unit.
        Assert.Contains("Outcome charts", text, StringComparison.Ordinal);
        Assert.Contains("Berg Balance Scale (points)", text, StringComparison.Ordinal);
        Assert.Contains("Timed Up and Go (s)", text, StringComparison.Ordinal);
        Assert.Contains("10-Metre Walk Test, comfortable pace (m/s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReportEndsWithTheFullReferencesOfExactlyTheSourcesItsPagesCite()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "REF-1", "Łucja", "Wiśniewska-Nguyễn");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(Today.AddDays(-28), AssessmentTimePoint.Baseline,
            AssessmentData.BergTotalling(38), AssessmentData.TenMetre(10, 22.2m), AssessmentData.Tug(18.4m)), Token);
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(Today.AddDays(-1), AssessmentTimePoint.EndOfProgramme,
            AssessmentData.BergTotalling(45), AssessmentData.TenMetre(10, 16.1m), AssessmentData.Tug(13.0m)), Token);
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();

        var saved = await reports.CreateAsync(patientId, new ReportInput { From = Today.AddDays(-30), To = Today }, Token);
        var pdf = (await reports.RenderAsync(saved.Id, Token))!.Pdf;
        var (body, references) = Poppler.BodyAndReferences(pdf);

        static List<string> Labels(string text) =>
            [.. Bibliography.All.Select(r => r.Label).Where(label => text.Contains(label, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        var cited = Labels(body);
        // Chronic stroke: the Berg MDC and the stroke multiple-fall cut-off, the gait-speed MDC and ambulation bands.
        Assert.Equal(["Alghadir 2018", "Lewek & Sykes 2019", "Perry 1995", "Tilson 2012"], cited);
        Assert.Equal(cited, Labels(references));
        Assert.All(cited.Select(label => Bibliography.All.Single(r => r.Label == label)),
            r => Assert.Contains(r.Citation, references, StringComparison.Ordinal));
        // The older-adult TUG cut-off is not borrowed; the table says so.
        Assert.Contains(MeasureCategories.NoneForPopulation, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Shumway-Cook", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongSessionHistorySpillsOntoMorePagesWithItsHeaderRepeatedAndAdherenceAndAdverseEventsShown()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "LONG-1");
        await using var scope = app.ScopeFor(setup.Clinic);
        // Six weeks before next Monday: the four planned weeks and the 30 days of extra sessions all lie
        // in the past, whichever weekday today is.
        var start = ProgrammeData.NextMonday().AddDays(-42);
        var programmeId = (await scope.ServiceProvider.GetRequiredService<ProgrammeService>()
            .AssignAsync(ProgrammeData.Assign(setup, start, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), Token)).Id;
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        for (var sequence = 1; sequence <= 12; sequence++)
        {
            var form = (await sessions.GetFormAsync(programmeId, sequence, cancellationToken: Token))!;
            if (form.Planned!.Date > Today)
            {
                break;
            }
            if (sequence == 5)
            {
                Assert.True((await sessions.MarkMissedAsync(programmeId, sequence, Token)).Succeeded);
                continue;
            }
            var input = form.Input;
            input.Status = SessionStatus.Completed;
            input.Rpe = 12;
            if (sequence == 7)
            {
                var nearFall = input.AdverseEvents.Single(e => e.Type == AdverseEventType.NearFall);
                nearFall.Occurred = true;
                nearFall.Note = "Caught the handrail on turning";
            }
            var result = await sessions.SaveAsync(programmeId, input, Token);
            Assert.True(result.Succeeded, $"{sequence}: {result.Message} {string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(",", e.Value)}") ?? [])}");
        }
        for (var extra = 0; extra < 50; extra++)
        {
            // Within the four weeks before today whatever the weekday (start is 4–5 weeks back).
            var date = start.AddDays(extra % 28);
            var saved = await sessions.SaveAsync(programmeId, new SessionInput { Date = date, Status = SessionStatus.Completed, MainMinutes = 10, Rpe = 11, Notes = $"Extra practice {extra + 1}" }, Token);
            Assert.True(saved.Succeeded, saved.Message);
        }

        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = await reports.CreateAsync(setup.PatientId, new ReportInput { From = start, To = Today }, Token);
        var pdf = (await reports.RenderAsync(report.Id, Token))!.Pdf;
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "retrowalk-long-report.pdf"), pdf);
        var pages = Poppler.Pages(pdf);
        var all = Poppler.Squeeze(string.Join(" ", pages));

        Assert.True(pages.Length >= 3, $"Only {pages.Length} pages.");
        var continued = pages.Where(p => p.Contains("Session history (continued)", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(continued);
        Assert.All(continued, page => Assert.Matches(@"Date\s+Status\s+Main\s+Speed\s+Incline\s+RPE\s+Notes", page));
        Assert.Contains("Extra practice 50", all, StringComparison.Ordinal);
        Assert.Contains("Near-fall", all, StringComparison.Ordinal);
        Assert.Contains("Caught the handrail on turning", all, StringComparison.Ordinal);
        Assert.Contains("Missed", all, StringComparison.Ordinal);
        Assert.Matches(@"\d+ completed of \d+ planned", all);
    }

    [Fact]
    public async Task APatientWithNoDataGetsAReportThatSaysSoNotAnEmptyFile()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("EMPTY-1", "Jürgen", "Größmann"), Token);
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();

        var saved = await reports.CreateAsync(patient.Id, new ReportInput { From = Today.AddDays(-7), To = Today }, Token);
        var text = Poppler.Text((await reports.RenderAsync(saved.Id, Token))!.Pdf);

        Assert.Contains("Jürgen Größmann", text, StringComparison.Ordinal);
        Assert.Contains("No data in this date range.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "2026-01-31", "From", "Enter the first day of the report period.")]
    [InlineData("2026-01-01", null, "To", "Enter the last day of the report period.")]
    [InlineData("2026-02-01", "2026-01-31", "To", "The end of the period is before its start.")]
    public async Task AnEmptyOrBackwardPeriodIsRefusedAtItsFieldAndNothingIsRecorded(string? from, string? to, string field, string message)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("PER-1"), Token);

        var result = await scope.ServiceProvider.GetRequiredService<ReportService>().CreateAsync(patient.Id,
            new ReportInput { From = from is null ? null : DateOnly.Parse(from), To = to is null ? null : DateOnly.Parse(to) }, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, result.Errors![field]);
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Set<GeneratedReport>().CountAsync(Token));
    }

    [Fact]
    public async Task GeneratingAReportIsRecordedInTheAuditTrailWithItsOptions()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic, userName: "Maria Santos");
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("AUD-R"), Token);
        var saved = await scope.ServiceProvider.GetRequiredService<ReportService>().CreateAsync(patient.Id,
            new ReportInput { From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 31), Charts = false }, Token);

        await using var admin = app.ScopeFor(clinic, admin: true);
        var entry = (await admin.ServiceProvider.GetRequiredService<AuditLogService>().SearchAsync(new AuditQuery(EntityId: saved.Id), Token)).Items.Single();
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("Maria Santos", entry.UserName);
        Assert.Contains(new FieldChange(nameof(GeneratedReport.From), null, "2026-10-01"), entry.Changes);
        Assert.DoesNotContain("Charts", entry.Changes.Single(c => c.Field == nameof(GeneratedReport.Sections)).To, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherClinicGetsA404ForTheReportAndForTheBatch()
    {
        var clinicA = await app.CreateClinicAsync();
        var clinicB = await app.CreateClinicAsync();
        Guid reportId;
        Guid batchId;
        await using (var a = app.ScopeFor(clinicA))
        {
            var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(a.ServiceProvider, "ISO-R", "Αλέξανδρος", "Παπαδόπουλος");
            reportId = (await a.ServiceProvider.GetRequiredService<ReportService>().CreateAsync(patientId, new ReportInput { From = Today.AddDays(-7), To = Today }, Token)).Id;
            var batches = a.ServiceProvider.GetRequiredService<ReportBatches>();
            batchId = await batches.StartAsync(new BatchRequest(Today.AddDays(-30), Today, null), clinicA.Id, null, "Test Therapist", Token);
            await ReportData.WaitUntilFinishedAsync(batches, batchId, clinicA.Id);
        }

        using var owner = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(owner, clinicA.TherapistEmail, clinicA.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/reports/{reportId}/pdf", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/reports/batches/{batchId}/zip", Token)).StatusCode);

        using var other = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(other, clinicB.TherapistEmail, clinicB.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/reports/{reportId}/pdf", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/reports/batches/{batchId}/zip", Token)).StatusCode);
    }

    [Fact]
    public async Task ABatchZipsOneReportPerPatientOnAProgrammeAndRecordsEachOne()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "B-1", "Şükrü", "Çağlayan");
        await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "B-2", "Nguyễn Thị Hồng", "Ánh");
        await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("B-3"), Token);

        var batches = scope.ServiceProvider.GetRequiredService<ReportBatches>();
        var id = await batches.StartAsync(new BatchRequest(Today.AddDays(-30), Today, null), clinic.Id, null, "Test Therapist", Token);
        var status = await ReportData.WaitUntilFinishedAsync(batches, id, clinic.Id);

        Assert.Equal(JobState.Completed, status.State);
        Assert.Equal(100, status.Percent);
        var zip = (await batches.DownloadAsync(id, clinic.Id, Token))!;
        using var archive = ZipFile.OpenRead(zip.Path);
        Assert.Equal(["B-1", "B-2"], archive.Entries.Select(e => e.Name.Split('_')[0]).Order());
        await using var entry = archive.Entries.Single(e => e.Name.StartsWith("B-2", StringComparison.Ordinal)).Open();
        using var pdf = new MemoryStream();
        await entry.CopyToAsync(pdf, Token);
        Assert.Contains("Nguyễn Thị Hồng Ánh", Poppler.Text(pdf.ToArray()), StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(2, await db.Set<GeneratedReport>().CountAsync(Token));
    }

    [Theory]
    [InlineData("RW-1001", "RW-1001_2026-11-21_progress-report.pdf")]
    [InlineData("A/B:C 7", "A-B-C-7_2026-11-21_progress-report.pdf")]
    [InlineData("Ł-ó/../x", "L-o----x_2026-11-21_progress-report.pdf")]
    [InlineData("???", "patient_2026-11-21_progress-report.pdf")]
    public void FileNamesKeepOnlyCharactersEveryFileSystemAccepts(string record, string expected) =>
        Assert.Equal(expected, ReportModelBuilder.FileName(record, new DateOnly(2026, 11, 21)));
}

/// <summary>Report test data made through the feature services, as a therapist would.</summary>
public static class ReportData
{
    public static async Task<Guid> PatientOnChronicStrokeProgrammeAsync(IServiceProvider services, string record, string given, string family)
    {
        var token = TestContext.Current.CancellationToken;
        var patient = await services.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(record, given, family), token);
        var protocols = services.GetRequiredService<ProtocolService>();
        var protocol = await protocols.CloneTemplateAsync(RetroWalk.Clinical.Protocols.ProtocolTemplates.ChronicStroke4WeeksKey, token);
        var start = CalendarWeek.MondayOf(TestClock.Today.AddDays(-14));
        var assigned = await services.GetRequiredService<ProgrammeService>().AssignAsync(new AssignInput
        {
            PatientId = patient.Id,
            ProtocolId = protocol.Id,
            StartDate = start,
            TherapistUserId = (await services.GetRequiredService<ProgrammeService>().ListStaffAsync(token))[0].UserId,
            TrainingDays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
        }, token);
        Assert.True(assigned.Succeeded, assigned.Message);
        return patient.Id;
    }

    /// <summary>Waits (at most a minute) until the batch has ended, reading its state from the database as the page does.</summary>
    public static async Task<JobStatus> WaitUntilFinishedAsync(ReportBatches batches, Guid id, Guid clinicId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await batches.StatusAsync(id, clinicId, timeout.Token) is { IsActive: true })
        {
            await Task.Delay(50, timeout.Token);
        }
        return (await batches.StatusAsync(id, clinicId, timeout.Token))!;
    }
}
