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

    public static WebApplication UseRetroWalkSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHsts();
        return app;
    }
}
