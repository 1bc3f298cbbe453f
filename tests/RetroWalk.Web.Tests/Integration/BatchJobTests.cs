using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure.Jobs;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>
/// Report batches on the background work queue: a restart (the app disposed, a new one on the same database)
/// resumes an interrupted batch or fails it cleanly; results are private files deleted at expiry and at start-up;
/// the batch takes the right programmes and names its files uniquely.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BatchJobTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task AfterARestartAnInterruptedBatchResumesReusingTheReportsItHadIssued()
    {
        await using var data = await SharedDataAsync();
        var (clinic, jobId, issuedBefore) = await InterruptedBatchAsync(data, attempts: 1);
        var stray = Path.Combine(data.Results, "left-behind.zip");
        await File.WriteAllTextAsync(stray, "a file no job owns", Token);

        await using var restarted = await data.StartAsync();
        await using var scope = restarted.ScopeFor(clinic);
        var batches = scope.ServiceProvider.GetRequiredService<ReportBatches>();
        var status = await ReportData.WaitUntilFinishedAsync(batches, jobId, clinic.Id);

        Assert.Equal(JobState.Completed, status.State);
        Assert.Equal("4 reports ready.", status.Message);
        var job = await JobAsync(restarted, jobId);
        Assert.Equal(2, job.Attempts);
        var zipPath = (await batches.DownloadAsync(jobId, clinic.Id, Token))!.Path;
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Equal(4, zip.Entries.Select(e => e.FullName).Distinct().Count());
        }
        var issuedAfter = await IssuedInBatchAsync(restarted, jobId);
        Assert.Equal(4, issuedAfter.Count);
        Assert.All(issuedBefore, before => Assert.Equal(before.Value, issuedAfter[before.Key]));
        Assert.False(File.Exists(stray));
        Assert.Equal([Path.GetFileName(zipPath)], Directory.GetFiles(data.Results).Select(Path.GetFileName));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(zipPath));
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data.Results));
    }

    [Fact]
    public async Task ABatchInterruptedMoreOftenThanAllowedFailsCleanlyAndItsReportsAreMarked()
    {
        await using var data = await SharedDataAsync();
        var (clinic, jobId, issuedBefore) = await InterruptedBatchAsync(data, attempts: 3);

        await using var restarted = await data.StartAsync();
        await using var scope = restarted.ScopeFor(clinic);
        var batches = scope.ServiceProvider.GetRequiredService<ReportBatches>();
        var status = await ReportData.WaitUntilFinishedAsync(batches, jobId, clinic.Id);

        Assert.Equal(JobState.Failed, status.State);
        Assert.Equal("Stopped after 3 interrupted attempts; no file was kept. Start it again.", status.Message);
        Assert.Null(await batches.DownloadAsync(jobId, clinic.Id, Token));
        Assert.Empty(Directory.GetFiles(data.Results));
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var patientId = await PatientOfAsync(restarted, issuedBefore.Keys.First());
        Assert.All(await reports.ListForPatientAsync(patientId, Token), r => Assert.True(r.InUnfinishedBatch));
    }

    [Fact]
    public async Task AFinishedBatchIsAPrivateFileUntilItExpiresAndIsThenDeleted()
    {
        await using var app = new RetroWalkApp();
        await app.InitializeAsync();
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "EXP-1", "Anna", "Nowak");
        var batches = scope.ServiceProvider.GetRequiredService<ReportBatches>();
        var id = await batches.StartAsync(new BatchRequest(Today.AddDays(-30), Today, null), clinic.Id, null, "Test Therapist", Token);
        Assert.Equal(JobState.Completed, (await ReportData.WaitUntilFinishedAsync(batches, id, clinic.Id)).State);
        var path = (await batches.DownloadAsync(id, clinic.Id, Token))!.Path;
        using (var client = app.CreateBrowserlikeClient())
        {
            await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/batches/{id}/zip", Token)).StatusCode);
        }
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.StartsWith(app.ResultsDirectory, path, StringComparison.Ordinal);

        // An hour later the cleanup timer deletes it; the page then says so and the link is a 404.
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await WaitForAsync(() => batches.StatusAsync(id, clinic.Id, Token), s => s?.State == JobState.Expired);

        Assert.Equal(JobWorker.ExpiredMessage, expired!.Message);
        Assert.False(File.Exists(path));
        using var later = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(later, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await later.GetAsync($"/reports/batches/{id}/zip", Token)).StatusCode);
    }

    [Fact]
    public async Task ABatchStartedOverHttpIsAcceptedPolledAndDownloaded()
    {
        await using var app = new RetroWalkApp();
        await app.InitializeAsync();
        var clinic = await app.CreateClinicAsync();
        await using (var scope = app.ScopeFor(clinic))
        {
            await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "HTTP-1", "Anna", "Posted");
        }
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        var backwards = await client.PostAsJsonAsync("/reports/batches", new { from = Today, to = Today.AddDays(-1) }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("The end of the period is before its start.", await backwards.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        // A form post (what a cross-site page could send) is refused.
        var form = await client.PostAsync("/reports/batches", new FormUrlEncodedContent(new Dictionary<string, string> { ["from"] = "2026-01-01" }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        var started = await client.PostAsJsonAsync("/reports/batches", new { from = Today.AddDays(-30), to = Today }, Token);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var status = await WaitForAsync(() => client.GetFromJsonAsync<BatchStatus>(location, Token), s => s!.State is "Completed" or "Failed");
        Assert.Equal("Completed", status!.State);
        Assert.Equal("1 reports ready.", status.Message);
        var zip = await client.GetAsync(status.Download, Token);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);

        using var stranger = app.CreateBrowserlikeClient();
        var other = await app.CreateClinicAsync();
        await RetroWalkApp.SignInAsync(stranger, other.TherapistEmail, other.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(location, Token)).StatusCode);
    }

    [Fact]
    public async Task TheBatchLeavesOutProgrammesThatEndedBeforeThePeriodAndNamesItsFilesUniquely()
    {
        await using var app = new RetroWalkApp();
        await app.InitializeAsync();
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var services = scope.ServiceProvider;
        var ended = await ReportData.PatientOnChronicStrokeProgrammeAsync(services, "END-1", "Ewa", "Ended");
        await ReportData.PatientOnChronicStrokeProgrammeAsync(services, "K/1", "Jan", "Slash");
        await ReportData.PatientOnChronicStrokeProgrammeAsync(services, "K-1", "Jan", "Dash");
        var programmes = services.GetRequiredService<ProgrammeService>();
        var endedProgramme = (await programmes.ListForPatientAsync(ended, Token)).Single();
        var completed = await programmes.CompleteAsync(endedProgramme.Id, (await programmes.GetAsync(endedProgramme.Id, Token))!.Version, Token);
        Assert.True(completed.Succeeded, completed.Message);

        // From tomorrow: the completed programme ended today, before the period; the others run on.
        var batches = services.GetRequiredService<ReportBatches>();
        var id = await batches.StartAsync(new BatchRequest(Today.AddDays(1), Today.AddDays(28), null), clinic.Id, null, "Test Therapist", Token);
        Assert.Equal(JobState.Completed, (await ReportData.WaitUntilFinishedAsync(batches, id, clinic.Id)).State);

        using var zip = ZipFile.OpenRead((await batches.DownloadAsync(id, clinic.Id, Token))!.Path);
        var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
        var day = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([$"K-1_{day}_progress-report-2.pdf", $"K-1_{day}_progress-report.pdf"], names);
    }

    [Fact]
    public void ZipEntryNamesAreUniqueInAnyLetterCase()
    {
        var names = new ZipEntryNames();

        Assert.Equal("RW-1_2026-11-25_progress-report.pdf", names.For("RW-1_2026-11-25_progress-report.pdf"));
        Assert.Equal("rw-1_2026-11-25_progress-report-2.pdf", names.For("rw-1_2026-11-25_progress-report.pdf"));
        Assert.Equal("RW-1_2026-11-25_progress-report-3.pdf", names.For("RW-1_2026-11-25_progress-report.pdf"));
        Assert.Equal("RW-1_2026-11-25_progress-report-2-2.pdf", names.For("RW-1_2026-11-25_progress-report-2.pdf"));
    }

    [Fact]
    public void TheSqlServerClaimIsOneStatementThatSkipsLockedRows()
    {
        var claim = DatabaseProvider.SqlServer.ClaimNextJob("worker", TestClock.Start, TestClock.Start.AddMinutes(-1));
        var parsed = TSql.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, claim.Format, "@worker", "@now", "@stale"));

        Assert.Empty(parsed.Errors);
        Assert.Single(parsed.All<Microsoft.SqlServer.TransactSql.ScriptDom.UpdateStatement>());
        Assert.Contains("READPAST", claim.Format, StringComparison.Ordinal);
    }

    /// <summary>A database and results folder that outlive the app instances a test starts on them.</summary>
    private sealed class SharedData(TestDatabase database, string results) : IAsyncDisposable
    {
        public TestDatabase Database { get; } = database;
        public string Results { get; } = results;

        public async Task<RetroWalkApp> StartAsync()
        {
            var app = new RetroWalkApp().OnDatabase(Database).WithSetting("Jobs:ResultsDirectory", Results);
            await app.InitializeAsync();
            return app;
        }

        public async ValueTask DisposeAsync()
        {
            await Database.DisposeAsync();
            if (Directory.Exists(Results))
            {
                Directory.Delete(Results, recursive: true);
            }
        }
    }

    private static async Task<SharedData> SharedDataAsync() =>
        new(await TestDatabase.CreateAsync(), Path.Combine(AppContext.BaseDirectory, "job-results", Guid.NewGuid().ToString("N")));

    /// <summary>
    /// A batch of three patients run to the end by one instance, a fourth patient added, and the job left as an
    /// instance killed while writing the ZIP leaves it: claimed by that instance, its heartbeat old, a half-written
    /// file in the folder. Returns the PDFs issued so far (report id to SHA-256).
    /// </summary>
    private static async Task<(TestClinic Clinic, Guid JobId, Dictionary<Guid, string> Issued)> InterruptedBatchAsync(SharedData data, int attempts)
    {
        await using var first = await data.StartAsync();
        var clinic = await first.CreateClinicAsync();
        await using var scope = first.ScopeFor(clinic);
        for (var i = 1; i <= 3; i++)
        {
            await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, $"RS-{i}", "Maria", $"Resumed {i}");
        }
        var batches = scope.ServiceProvider.GetRequiredService<ReportBatches>();
        var jobId = await batches.StartAsync(new BatchRequest(Today.AddDays(-30), Today, null), clinic.Id, null, "Test Therapist", Token);
        Assert.Equal(JobState.Completed, (await ReportData.WaitUntilFinishedAsync(batches, jobId, clinic.Id)).State);
        await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "RS-4", "Maria", "Resumed 4");

        var issued = await IssuedInBatchAsync(first, jobId);
        // This instance is the one that "was killed": its worker stops first, so that it cannot claim the stalled job
        // itself between the update below and the instance's end (its clock never moves, so a claim it left behind
        // would never go stale for the restarted instance).
        await first.Services.GetRequiredService<JobWorker>().StopAsync(Token);
        var stalled = first.Clock.GetUtcNow() - TimeSpan.FromHours(1);
        string resultFile;
        await using (var dbScope = first.Services.CreateAsyncScope())
        await using (var db = await dbScope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token))
        {
            var jobs = db.Set<BackgroundJob>().IgnoreQueryFilters().Where(j => j.Id == jobId);
            resultFile = await jobs.Select(j => j.ResultFile!).SingleAsync(Token);
            await jobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.ClaimedBy, "an instance that was killed")
                .SetProperty(j => j.HeartbeatAt, stalled).SetProperty(j => j.Attempts, attempts).SetProperty(j => j.Done, 1)
                .SetProperty(j => j.FinishedAt, (DateTimeOffset?)null).SetProperty(j => j.ExpiresAt, (DateTimeOffset?)null), Token);
        }
        File.Delete(Path.Combine(data.Results, resultFile));
        await File.WriteAllTextAsync(Path.Combine(data.Results, resultFile + ".partial"), "half a ZIP", Token);
        return (clinic, jobId, issued);
    }

    private static async Task<Dictionary<Guid, string>> IssuedInBatchAsync(RetroWalkApp app, Guid jobId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        return await (from report in db.Set<GeneratedReport>().IgnoreQueryFilters()
                      join pdf in db.Set<ReportPdf>().IgnoreQueryFilters() on report.Id equals pdf.ReportId
                      where report.BatchId == jobId
                      select new { report.Id, pdf.Sha256 }).ToDictionaryAsync(r => r.Id, r => r.Sha256, Token);
    }

    private static async Task<Guid> PatientOfAsync(RetroWalkApp app, Guid reportId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        return await db.Set<GeneratedReport>().IgnoreQueryFilters().Where(r => r.Id == reportId).Select(r => r.PatientId).SingleAsync(Token);
    }

    private static async Task<BackgroundJob> JobAsync(RetroWalkApp app, Guid jobId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        return await db.Set<BackgroundJob>().IgnoreQueryFilters().AsNoTracking().SingleAsync(j => j.Id == jobId, Token);
    }

    /// <summary>Reads until the condition holds (at most half a minute).</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var value = await read();
        while (!condition(value))
        {
            await Task.Delay(50, timeout.Token);
            value = await read();
        }
        return value;
    }
}
