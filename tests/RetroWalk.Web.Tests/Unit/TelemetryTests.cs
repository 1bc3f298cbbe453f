using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Unit;

/// <summary>OpenTelemetry is there only when an OTLP endpoint is configured; without one nothing listens.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void WithoutAnEndpointNothingIsRegisteredToListen()
    {
        using var app = Build([]);

        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<RetroWalkMetrics>());
    }

    [Theory]
    [InlineData(Telemetry.OtlpEndpointVariable)]
    [InlineData("Telemetry:OtlpEndpoint")]
    public void AnEndpointFromTheStandardVariableOrTheSettingExportsMetricsAndTraces(string key)
    {
        using var app = Build(new() { [key] = "http://127.0.0.1:4317" });

        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void EachInstanceIsNamedByItsResourceAttributeOrElseItsMachine()
    {
        using var named = Build(new() { [Telemetry.OtlpEndpointVariable] = "http://127.0.0.1:4317", ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=app-7" });
        using var unnamed = Build(new() { [Telemetry.OtlpEndpointVariable] = "http://127.0.0.1:4317", ["OTEL_SERVICE_NAME"] = "retrowalk-east" });

        var first = Attributes(named);
        var second = Attributes(unnamed);
        Assert.Equal("RetroWalk", first["service.name"]);
        Assert.Equal("app-7", first["service.instance.id"]);
        Assert.Equal("retrowalk-east", second["service.name"]);
        Assert.Equal(Environment.MachineName, second["service.instance.id"]);

        static Dictionary<string, object> Attributes(IHost host) =>
            host.Services.GetRequiredService<MeterProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
    }

    [Fact]
    public void AnEndpointThatIsNotAnHttpAddressIsRefusedAtStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Telemetry:OtlpEndpoint"] = "collector:4317" }));

        Assert.Contains("collector:4317", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRetroWalkTelemetry();
        return builder.Build();
    }
}
