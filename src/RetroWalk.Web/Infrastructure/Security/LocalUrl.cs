namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// Return addresses that come from a query string or a form are followed only when they stay on this site;
/// anything else (another host, <c>//host</c>, <c>/\host</c>, <c>javascript:</c>, malformed) becomes the home page.
/// </summary>
public static class LocalUrl
{
    /// <summary>A path relative to the app's base ("patients/1", "/patients/1?x=y"), or "" for the home page.</summary>
    public static string RelativeOrHome(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "";
        }
        url = url.Trim();
        if (url.StartsWith("~/", StringComparison.Ordinal))
        {
            url = url[1..];
        }
        var looksLocal = !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Contains('\\', StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            && !HasScheme(url)
            && Uri.IsWellFormedUriString(url, UriKind.Relative);
        return looksLocal ? url.TrimStart('/') : "";
    }

    /// <summary>"javascript:…", "https:evil" and "mailto:…" carry a scheme before any '/', '?' or '#'.</summary>
    private static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && url.IndexOfAny(['/', '?', '#']) is var stop && (stop < 0 || colon < stop);
    }
}
