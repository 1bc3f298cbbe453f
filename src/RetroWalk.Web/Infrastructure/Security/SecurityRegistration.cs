using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RetroWalk.Web.Infrastructure.Security;

public static class SecurityRegistration
{
    public static IHostApplicationBuilder AddRetroWalkSecurity(this IHostApplicationBuilder builder)
    {
        // No "Server: Kestrel" banner.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        // One year, sent only over HTTPS (behind a TLS proxy the forwarded scheme counts) and never to localhost.
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// Throttled sign-in: ASP.NET Core's rate limiter caps password and code posts per client address
    /// (<see cref="SignInThrottle.IsPasswordOrCodePost"/>); <see cref="SignInThrottle"/> caps attempts per e-mail address.
    /// </summary>
    public static IHostApplicationBuilder AddSignInProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInProtectionOptions>()
            .BindConfiguration(SignInProtectionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !SignInThrottle.IsPasswordOrCodePost(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var perMinute = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInProtectionOptions>>().Value.PerAddressPerMinute;
                return RateLimitPartition.GetSlidingWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                rejected.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RetroWalk.Security")
                    .LogWarning("Sign-in attempts from {ClientAddress} throttled", rejected.HttpContext.Connection.RemoteIpAddress);
                await rejected.HttpContext.Response.WriteAsync("Too many sign-in attempts from this network. Wait a minute, then try again.", cancellationToken);
            };
        });
        return builder;
    }

    public static WebApplication UseRetroWalkSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHsts();
        return app;
    }
}
