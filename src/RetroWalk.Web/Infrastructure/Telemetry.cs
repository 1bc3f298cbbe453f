using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Infrastructure;

/// <summary>The telemetry settings, bound from <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Where to send metrics and traces over OTLP (e.g. http://collector:4317). The standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable does the same and wins; the other <c>OTEL_*</c> variables
    /// (protocol, headers, service name, resource attributes) apply as the OpenTelemetry SDK defines them.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>With <see cref="OtlpEndpoint"/>: Grpc (port 4317 by convention, the default) or HttpProtobuf (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;
}

/// <summary>
/// Metrics, traces and logs over OpenTelemetry, exported over OTLP only when an endpoint is configured. Without one,
/// nothing is registered: the framework's and the app's instruments stay without listeners and cost nothing.
/// What is exported: ASP.NET Core (requests, Kestrel connections, routing, rate limiting, authentication),
/// Blazor (circuits active/connected and their duration, navigation, event handling, render diffs), Npgsql
/// (commands, connection pools), the .NET runtime, and the app's own meter <see cref="RetroWalkMetrics.MeterName"/>.
/// </summary>
public static class Telemetry
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meters exported besides ASP.NET Core's own instrumentation (a trailing * matches by prefix).</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.*",
        "Microsoft.AspNetCore.Components*",
        "System.Runtime",
        "System.Net.Http",
        "Npgsql",
        RetroWalkMetrics.MeterName,
    ];

    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore.Components*", "Npgsql"];

    public static IHostApplicationBuilder AddRetroWalkTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RetroWalkMetrics>();
        var endpoint = OtlpEndpoint(builder.Configuration);
        if (endpoint is null)
        {
            return builder;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => Describe(resource, builder.Configuration))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(Meters))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(options =>
                    // Probes every few seconds from the proxy would drown the traces that matter.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(ActivitySources));
        if (builder.Configuration[OtlpEndpointVariable] is { Length: > 0 })
        {
            // Everything from the standard variables (endpoint, protocol, headers, timeouts).
            otel.UseOtlpExporter();
        }
        else
        {
            var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
            otel.UseOtlpExporter(settings.OtlpProtocol, endpoint);
        }
        return builder;
    }

    /// <summary>
    /// The service as "RetroWalk" (or <c>OTEL_SERVICE_NAME</c>), its version, and which instance: the
    /// <c>service.instance.id</c> of <c>OTEL_RESOURCE_ATTRIBUTES</c> when given (e.g. app-1), else the machine's name
    /// (a container's host name), so that each instance's series stay apart and keep their name across restarts.
    /// </summary>
    private static void Describe(ResourceBuilder resource, IConfiguration configuration)
    {
        var instanceGiven = configuration["OTEL_RESOURCE_ATTRIBUTES"]?.Contains("service.instance.id=", StringComparison.Ordinal) == true;
        resource.AddService(
            serviceName: configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "RetroWalk",
            serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(),
            autoGenerateServiceInstanceId: false,
            serviceInstanceId: instanceGiven ? null : Environment.MachineName);
    }

    /// <summary>The configured OTLP endpoint (the standard variable first, then the setting); null when none.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var configured = configuration[OtlpEndpointVariable] is { Length: > 0 } variable
            ? variable
            : configuration[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"The OTLP endpoint '{configured}' is not an http(s) address.");
    }
}

/// <summary>
/// The app's own instruments, in the meter "RetroWalk": reports rendered, the background job queue's depth and
/// how long jobs take. Every instance reports the queue depth of the one shared queue: aggregate it across
/// instances with max, not sum.
/// </summary>
public sealed class RetroWalkMetrics
{
    public const string MeterName = "RetroWalk";
    public const string ReportsRendered = "retrowalk.reports.rendered";
    public const string JobQueueDepth = "retrowalk.job_queue.depth";
    public const string JobDuration = "retrowalk.job.duration";

    private readonly Counter<long> reportsRendered;
    private readonly Histogram<double> jobDuration;
    private readonly IServiceScopeFactory scopes;

    public RetroWalkMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        var meter = meters.Create(MeterName);
        reportsRendered = meter.CreateCounter<long>(ReportsRendered, "{report}",
            "Progress reports rendered to PDF (a report is rendered once, when first issued), by kind: single or batch.");
        jobDuration = meter.CreateHistogram<double>(JobDuration, "s",
            "How long one attempt at a background job took, by kind and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
        // Read only when a listener collects (with OTLP, once per export interval): one indexed count per state.
        meter.CreateObservableGauge(JobQueueDepth, ObserveQueueDepth, "{job}",
            "Background jobs waiting (queued) or being worked on (running), across every instance.");
    }

    /// <summary>A report's PDF was rendered; <paramref name="inBatch"/> says whether a batch rendered it.</summary>
    public void ReportRendered(bool inBatch) =>
        reportsRendered.Add(1, new KeyValuePair<string, object?>("retrowalk.report.kind", inBatch ? "batch" : "single"));

    /// <summary>One attempt at a job ended with <paramref name="outcome"/> (completed, cancelled, failed or released).</summary>
    public void JobFinished(string kind, string outcome, TimeSpan duration) =>
        jobDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>("retrowalk.job.kind", kind),
            new KeyValuePair<string, object?>("retrowalk.job.outcome", outcome));

    private IEnumerable<Measurement<int>> ObserveQueueDepth()
    {
        IReadOnlyDictionary<JobState, int> depth;
        try
        {
            using var scope = scopes.CreateScope();
            depth = scope.ServiceProvider.GetRequiredService<JobQueue>().Depth();
        }
        catch (Exception exception) when (DatabaseOutage.Is(exception))
        {
            // No reading while the database is away (the health endpoints say so); the next collection tries again.
            return [];
        }
        return [Measure(JobState.Queued), Measure(JobState.Running)];

        Measurement<int> Measure(JobState state) =>
            new(depth.GetValueOrDefault(state), new KeyValuePair<string, object?>("retrowalk.job.state", state.ToString().ToLowerInvariant()));
    }
}
