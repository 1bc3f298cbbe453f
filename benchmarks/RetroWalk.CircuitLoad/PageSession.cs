using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RetroWalk.CircuitLoad;

/// <summary>
/// One signed-in browser without a browser: the sign-in cookie, and the page's prerendered component markers
/// (and persisted state), which a circuit needs to start on that page.
/// </summary>
internal sealed partial class PageSession : IDisposable
{
    private readonly LoadOptions options;
    private readonly HttpClient http;

    public PageSession(LoadOptions options)
    {
        this.options = options;
        http = new(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = options.BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The sign-in cookie, shared by every circuit.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>Signs in through the sign-in form, antiforgery token included, and keeps the cookies.</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var form = await http.GetStringAsync("Account/Login", cancellationToken);
        var fields = HiddenInput().Matches(form)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Where(f => f.Key is not ("Input.Email" or "Input.Password"))
            .Append(new("Input.Email", options.Email))
            .Append(new("Input.Password", options.Password));
        using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(fields), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Signing in as {options.Email} failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>Gets the page and reads what starting a circuit on it needs.</summary>
    public async Task<PageMarkers> LoadAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /{path} answered {(int)response.StatusCode}.");
        }
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var operations = new JsonArray();
        foreach (Match match in ComponentMarker().Matches(html))
        {
            var marker = JsonNode.Parse(match.Groups["json"].Value)!.AsObject();
            if (marker["type"]?.GetValue<string>() != "server" || marker["descriptor"] is null)
            {
                continue;
            }
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = operations.Count + 1,
                ["marker"] = marker.DeepClone(),
            });
        }
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        return new PageMarkers(new Uri(options.BaseUrl, path).AbsoluteUri, operations.Count, batch.ToJsonString(JsonOptions), state, html.Length);
    }

    private static readonly JsonSerializerOptions JsonOptions = new();

    public void Dispose() => http.Dispose();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<!--Blazor:(?<json>\{.*?\})-->""", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("""<!--Blazor-Server-Component-State:(?<state>.*?)-->""", RegexOptions.Singleline)]
    private static partial Regex PersistedState();
}

/// <summary>A page's root components as Blazor's "add root components" operations, and its persisted state.</summary>
internal sealed record PageMarkers(string Uri, int Components, string Operations, string State, int HtmlLength);
