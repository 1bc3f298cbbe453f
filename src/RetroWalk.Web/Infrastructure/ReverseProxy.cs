using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RetroWalk.Web.Infrastructure;

/// <summary>The reverse proxies in front of the app, bound from <c>ReverseProxy</c>.</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (e.g. 127.0.0.1).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. 172.16.0.0/12 for a container network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>
/// Behind a reverse proxy every request arrives from the proxy's address over plain HTTP. The client's address
/// matters here: sign-in throttling counts attempts per address and the access log records where a download went;
/// the scheme decides whether cookies are marked secure and how links are built. The forwarded headers say both,
/// but anyone can send them, so they are believed only from the proxies named in <see cref="ReverseProxyOptions"/>,
/// and only the last hop (the proxy in front of the app). Without a setting they are ignored.
/// </summary>
public static class ReverseProxy
{
    public static IHostApplicationBuilder AddRetroWalkReverseProxy(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        if (!settings.IsConfigured)
        {
            return builder;
        }
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:{nameof(ReverseProxyOptions.KnownProxies)}: '{p}' is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:{nameof(ReverseProxyOptions.KnownNetworks)}: '{n}' is not a network in CIDR notation.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            // Only what is configured: not even loopback is trusted by default.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        builder.Services.AddTransient<IStartupFilter, ForwardedHeadersFirst>();
        return builder;
    }

    /// <summary>Reads the forwarded headers before anything else in the pipeline looks at the address or scheme.</summary>
    private sealed class ForwardedHeadersFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
