using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy, no MIME sniffing, no referrer, no framing,
/// and <c>Cache-Control: no-store</c> on everything except the app's own static files (pages, PDFs, ZIPs and
/// every other response may carry patient data, so no browser or proxy keeps a copy).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Scripts, styles, images, fonts and connections (the Blazor WebSocket) come only from this origin; no
    /// inline script, no <c>eval</c>, no plug-ins, no framing, forms post only here.
    /// One relaxation, inline styles (<c>style-src 'unsafe-inline'</c>), named here:
    /// <list type="bullet">
    /// <item>MudBlazor's <c>MudThemeProvider</c> writes the theme (its colours, typography and spacing as CSS
    /// variables) in a <c>&lt;style&gt;</c> element, and MudBlazor's popovers, dialogs and grids and the
    /// app's charts and progress bars set positions and sizes in <c>style="…"</c> attributes.</item>
    /// </list>
    /// Inline CSS cannot run script, and because images, fonts and connections are limited to this origin a
    /// style cannot send data to another site. Script has no such relaxation.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            if (http.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            headers.Remove(HeaderNames.Server);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
