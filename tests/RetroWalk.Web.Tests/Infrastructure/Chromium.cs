using Microsoft.Playwright;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (RETROWALK_CHROMIUM, set by scripts/test.sh), with the app on
/// Kestrel. One browser and one app per collection; each test gets a fresh context (cookies, storage).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public BrowserApp App { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The app under test; a fixture may place its database elsewhere.</summary>
    protected virtual Task<BrowserApp> CreateAppAsync() => Task.FromResult(new BrowserApp());

    public virtual async ValueTask InitializeAsync()
    {
        App = await CreateAppAsync();
        await App.InitializeAsync();
        var chromium = Environment.GetEnvironmentVariable("RETROWALK_CHROMIUM");
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            throw new InvalidOperationException("RETROWALK_CHROMIUM does not name a Chromium executable. Run the tests with scripts/test.sh, which installs Debian's chromium.");
        }
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Running as root needs --no-sandbox; the rest keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-GB",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>Saves a screenshot under TestResults/screenshots for a person to look at.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    /// <summary>A screenshot of one element (a chart, a table).</summary>
    public static async Task SaveAsync(ILocator element, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(directory, $"{name}.png") });
    }
}
