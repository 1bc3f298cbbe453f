using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>
/// The app's own meter, read with a <see cref="MeterListener"/> from a real app on PostgreSQL: the report counter
/// counts each PDF rendered (once per report, by kind), the queue depth is what the jobs table holds, and each
/// job's attempt is timed. Only this app's instruments are read (tests run side by side in one process).
/// </summary>
public sealed class MetricsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task EachReportRenderedIsCountedOnceByKindAndEachJobIsTimed()
    {
        await using var app = new RetroWalkApp();
        await app.InitializeAsync();
        using var metrics = new AppMetrics(app.Services);
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var services = scope.ServiceProvider;
        var first = await ReportData.PatientOnChronicStrokeProgrammeAsync(services, "MET-1", "Ola", "Counted");
        await ReportData.PatientOnChronicStrokeProgrammeAsync(services, "MET-2", "Piotr", "Counted");

        var saved = await services.GetRequiredService<ReportService>().CreateAsync(first, new ReportInput { From = Today.AddDays(-30), To = Today }, Token);
        Assert.True(saved.Succeeded, saved.Message);
        var issuer = services.GetRequiredService<ReportIssuer>();
        Assert.NotNull(await issuer.IssueAsync(saved.Id, Token));
        Assert.Equal(1, metrics.Sum(RetroWalkMetrics.ReportsRendered, ("retrowalk.report.kind", "single")));
        // A second download serves the stored PDF: nothing is rendered.
        Assert.NotNull(await issuer.IssueAsync(saved.Id, Token));
        Assert.Equal(1, metrics.Sum(RetroWalkMetrics.ReportsRendered, ("retrowalk.report.kind", "single")));

        var batches = services.GetRequiredService<ReportBatches>();
        var batch = await batches.StartAsync(new BatchRequest(Today.AddDays(-30), Today, null), clinic.Id, null, "Test Therapist", Token);
        Assert.Equal(JobState.Completed, (await ReportData.WaitUntilFinishedAsync(batches, batch, clinic.Id)).State);

        Assert.Equal(2, metrics.Sum(RetroWalkMetrics.ReportsRendered, ("retrowalk.report.kind", "batch")));
        Assert.Equal(1, metrics.Sum(RetroWalkMetrics.ReportsRendered, ("retrowalk.report.kind", "single")));
        var timed = await metrics.WaitForAsync(RetroWalkMetrics.JobDuration, ("retrowalk.job.kind", ReportBatchJob.JobKind));
        Assert.Equal("completed", timed.Tags["retrowalk.job.outcome"]);
        Assert.True(timed.Value >= 0);
    }

    [Fact]
    public async Task TheQueueDepthIsWhatTheJobsTableHoldsByState()
    {
        var held = new HeldJob();
        await using var app = new AppWithHeldJobs(held);
        await app.InitializeAsync();
        using var metrics = new AppMetrics(app.Services);
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        Assert.Equal((0, 0), metrics.QueueDepth());

        // The instance's one worker runs the first job and holds it; the other two wait their turn.
        var jobs = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await queue.EnqueueAsync(HeldJob.JobKind, clinic.Id, null, "Test Therapist", new { }, "held.txt", ".txt", "Waiting…", Token));
        }
        await held.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.Equal((2, 1), metrics.QueueDepth());

        held.Release.TrySetResult();
        foreach (var id in jobs)
        {
            await WaitUntilEndedAsync(queue, id, clinic.Id);
        }
        Assert.Equal((0, 0), metrics.QueueDepth());
    }

    private static async Task WaitUntilEndedAsync(JobQueue queue, Guid id, Guid clinicId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await queue.StatusAsync(id, clinicId, timeout.Token) is { IsActive: true })
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>A job kind whose first run waits until the test releases it; later runs end at once.</summary>
    private sealed class HeldJob : IJobHandler
    {
        public const string JobKind = "held-for-test";

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => JobKind;

        public async Task<string> RunAsync(JobContext job, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return "Released.";
        }
    }

    private sealed class AppWithHeldJobs(HeldJob held) : RetroWalkApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IJobHandler>(held));
        }
    }

    /// <summary>Listens to the "RetroWalk" meter of one app (its own <see cref="IMeterFactory"/>), keeping every measurement.</summary>
    private sealed class AppMetrics : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();
        private readonly Lock observing = new();
        private List<(double Value, Dictionary<string, object?> Tags)>? observed;

        public AppMetrics(IServiceProvider services)
        {
            var meters = services.GetRequiredService<IMeterFactory>();
            // The meter is made when first asked for; ask now, so that the listener sees its instruments.
            services.GetRequiredService<RetroWalkMetrics>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RetroWalkMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
            listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            listener.Start();
        }

        public double Sum(string instrument, (string Key, string Value) tag) =>
            measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(tag.Key), tag.Value)).Sum(m => m.Value);

        public async Task<(double Value, Dictionary<string, object?> Tags)> WaitForAsync(string instrument, (string Key, string Value) tag)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                var found = measurements.FirstOrDefault(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(tag.Key), tag.Value));
                if (found.Instrument is not null)
                {
                    return (found.Value, found.Tags);
                }
                await Task.Delay(20, timeout.Token);
            }
        }

        /// <summary>Collects the queue depth gauge now, as an exporter would: (queued, running).</summary>
        public (int Queued, int Running) QueueDepth()
        {
            lock (observing)
            {
                observed = [];
                listener.RecordObservableInstruments();
                var readings = observed;
                observed = null;
                Assert.Equal(2, readings.Count);
                return ((int)Depth("queued"), (int)Depth("running"));

                double Depth(string state) => readings.Single(r => Equals(r.Tags["retrowalk.job.state"], state)).Value;
            }
        }

        public void Dispose() => listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(tags.ToArray());
            if (instrument.Name == RetroWalkMetrics.JobQueueDepth)
            {
                observed?.Add((value, copy));
                return;
            }
            measurements.Enqueue((instrument.Name, value, copy));
        }
    }
}
