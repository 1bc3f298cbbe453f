using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>A PostgreSQL cluster of the outage tests' own: they stop and start it.</summary>
public sealed class OutageCluster : IAsyncLifetime
{
    public PrivatePostgres Postgres { get; private set; } = default!;

    public async ValueTask InitializeAsync() => Postgres = await PrivatePostgres.CreateAsync();

    public async ValueTask DisposeAsync() => await Postgres.DisposeAsync();
}

/// <summary>
/// The database stops while people work: saves say so and keep the input, the retrying strategy rides out a short
/// outage, health tells liveness from readiness, and everything saves again once the server is back.
/// </summary>
public sealed class DatabaseOutageTests(OutageCluster cluster) : IClassFixture<OutageCluster>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<RetroWalkApp> StartAppAsync(int maxRetryCount, TimeSpan maxRetryDelay)
    {
        var app = new RetroWalkApp()
            .OnServer(cluster.Postgres.ServerConnectionString)
            .WithSetting("Database:MaxRetryCount", maxRetryCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Database:MaxRetryDelay", maxRetryDelay.ToString());
        await app.InitializeAsync();
        return app;
    }

    [Fact]
    public async Task EverySavePathSaysTheDatabaseIsNotReachableDuringAnOutageAndSavesOnceItIsBack()
    {
        await using var app = await StartAppAsync(maxRetryCount: 1, TimeSpan.FromMilliseconds(200));
        var setup = await ProgrammeData.SetUpAsync(app, "OUT-1");
        await using var scope = app.ScopeFor(setup.Clinic);
        var services = scope.ServiceProvider;
        var programme = await services.GetRequiredService<ProgrammeService>()
            .AssignAsync(ProgrammeData.Assign(setup, new DateOnly(2026, 1, 5), DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), Token);
        Assert.True(programme.Succeeded, programme.Message);
        var client = app.CreateClient();

        await cluster.Postgres.StopAsync();
        try
        {
            var results = new Dictionary<string, SaveResult>
            {
                ["patient"] = await services.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("OUT-2"), Token),
                ["patient archive"] = await services.GetRequiredService<PatientService>().ArchiveAsync(setup.PatientId, Guid.NewGuid(), Token),
                ["protocol"] = await services.GetRequiredService<ProtocolService>().CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token),
                ["programme"] = await services.GetRequiredService<ProgrammeService>().AssignAsync(ProgrammeData.Assign(setup, new DateOnly(2026, 3, 2)), Token),
                ["programme pause"] = await services.GetRequiredService<ProgrammeService>().PauseAsync(programme.Id, programme.Version, new DateOnly(2026, 1, 12), Token),
                ["session"] = await services.GetRequiredService<SessionService>().SaveAsync(programme.Id, new SessionInput { Sequence = 1 }, Token),
                ["assessment"] = await services.GetRequiredService<AssessmentService>()
                    .CreateAsync(setup.PatientId, AssessmentData.Assessment(new DateOnly(2026, 1, 5), AssessmentTimePoint.Baseline, AssessmentData.Tug(14.2m)), Token),
                ["report"] = await services.GetRequiredService<ReportService>()
                    .CreateAsync(setup.PatientId, new ReportInput { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 2, 1) }, Token),
            };
            foreach (var (path, result) in results)
            {
                Assert.True(result.Status == SaveStatus.Unavailable, $"{path}: {result.Status} {result.Message}");
                Assert.Equal("The database is not reachable; nothing was saved. Try again.", result.Message);
            }

            var live = await client.GetAsync("/health/live", Token);
            var ready = await client.GetAsync("/health/ready", Token);
            var alias = await client.GetAsync("/health", Token);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, alias.StatusCode);
        }
        finally
        {
            await cluster.Postgres.StartAsync();
        }

        var again = await services.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("OUT-2"), Token);
        Assert.Equal(SaveStatus.Saved, again.Status);
        Assert.Equal("OUT-2", (await services.GetRequiredService<PatientService>().GetAsync(again.Id, Token))!.RecordNumber);
        var readyAgain = await client.GetAsync("/health/ready", Token);
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        Assert.Equal("Healthy", await readyAgain.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task ASaveDuringAShortOutageIsRetriedAndSavedWhenTheServerReturns()
    {
        await using var app = await StartAppAsync(maxRetryCount: 8, TimeSpan.FromSeconds(2));
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        using var retries = new RetryWatcher();

        await cluster.Postgres.StopAsync();
        Task<SaveResult> save;
        try
        {
            save = patients.CreateAsync(PatientData.Valid("OUT-RETRY"), Token);
            // The save has failed once and EF Core is waiting to try again: now the server comes back.
            await retries.FirstRetry.WaitAsync(TimeSpan.FromSeconds(30), Token);
        }
        finally
        {
            await cluster.Postgres.StartAsync();
        }

        var result = await save;
        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.Equal("OUT-RETRY", (await patients.GetAsync(result.Id, Token))!.RecordNumber);
    }

    /// <summary>Signals EF Core's "transient failure, retrying" event (written to its diagnostic listener).</summary>
    private sealed class RetryWatcher : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly TaskCompletionSource retried = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<IDisposable> subscriptions = [];

        public RetryWatcher() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public Task FirstRetry => retried.Task;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                {
                    subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CoreEventId.ExecutionStrategyRetrying.Name)
            {
                retried.TrySetResult();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (subscriptions)
            {
                subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
