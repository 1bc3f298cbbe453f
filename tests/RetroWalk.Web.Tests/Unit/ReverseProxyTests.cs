using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Unit;

/// <summary>Forwarded headers are believed from the configured proxies only, and ignored without a setting.</summary>
public sealed class ReverseProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task AKnownProxyTellsTheClientsAddressAndScheme()
    {
        await using var app = await StartAsync(new() { ["ReverseProxy:KnownProxies:0"] = "10.0.0.5" });

        Assert.Equal("203.0.113.7 https", await SeenAsync(app, from: Proxy));
    }

    [Fact]
    public async Task AProxyInAKnownNetworkIsBelieved()
    {
        await using var app = await StartAsync(new() { ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0/24" });

        Assert.Equal("203.0.113.7 https", await SeenAsync(app, from: Proxy));
    }

    [Fact]
    public async Task AnyoneElsesForwardedHeadersAreIgnored()
    {
        await using var app = await StartAsync(new() { ["ReverseProxy:KnownProxies:0"] = "10.0.0.5" });

        Assert.Equal("198.51.100.9 http", await SeenAsync(app, from: IPAddress.Parse("198.51.100.9")));
    }

    [Fact]
    public async Task WithoutASettingNoForwardedHeaderIsBelieved()
    {
        await using var app = await StartAsync([]);

        Assert.Equal("10.0.0.5 http", await SeenAsync(app, from: Proxy));
    }

    [Fact]
    public async Task AProxySettingThatIsNotAnAddressStopsTheStart()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["ReverseProxy:KnownNetworks:0"] = "10.0.0.0" }));

        Assert.Contains("'10.0.0.0' is not a network", error.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRetroWalkReverseProxy();
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) => $"{context.Connection.RemoteIpAddress} {context.Request.Scheme}");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<string> SeenAsync(WebApplication app, IPAddress from)
    {
        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = "GET";
            c.Request.Path = "/";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
        }, TestContext.Current.CancellationToken);
        return await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
