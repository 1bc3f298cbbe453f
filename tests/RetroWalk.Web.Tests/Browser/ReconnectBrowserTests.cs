using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// The demo app on a fixed loopback port over a database of the fixture's own, so that the server can be stopped
/// and a new one started on the same address against the same data, as when the app's process restarts.
/// </summary>
public sealed class RestartingBrowserFixture : BrowserFixture
{
    private readonly int port = FreeLoopbackPort();
    private TestDatabase? database;

    protected override async Task<BrowserApp> CreateAppAsync()
    {
        database = await TestDatabase.CreateAsync();
        return new BrowserApp(port: port, database: database);
    }

    /// <summary>Stops the server: Kestrel closes the port and every open page loses its connection.</summary>
    public Task StopServerAsync() => App.DisposeAsync().AsTask();

    /// <summary>A new server on the same port and database.</summary>
    public async Task StartServerAsync()
    {
        App = new BrowserApp(port: port, database: database);
        await App.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RestartingBrowserCollection : ICollectionFixture<RestartingBrowserFixture>
{
    public const string Name = "Browser with a server that restarts";
}

[Collection(RestartingBrowserCollection.Name)]
public sealed class ReconnectBrowserTests(RestartingBrowserFixture browser)
{
    [Fact]
    public async Task WhenTheServerRestartsThePageShowsTheReconnectDialogAndThenWorksAgain()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        var list = new PatientListPage(page);
        await list.OpenAsync();
        await Expect(list.Rows.First).ToBeVisibleAsync();
        // Marks this copy of the page: after the restart the page must be a fresh one with a new connection.
        await page.EvaluateAsync("() => { window.beforeRestart = true; }");

        await browser.StopServerAsync();
        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Connection to the server lost" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reconnect-dialog");

        await browser.StartServerAsync();
        // The new server does not know the old page's circuit: the dialog's script loads the page afresh.
        await page.WaitForFunctionAsync("() => window.beforeRestart === undefined", null, new() { Timeout = 90_000 });
        await SignInPage.WaitForCircuitAsync(page);
        await Expect(dialog).ToBeHiddenAsync();
        await list.SearchAsync("wisniewska");
        await Expect(list.PatientLink("Wiśniewska-Nguyễn, Łucja")).ToBeVisibleAsync();
        await Expect(list.Rows).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "reconnect-working-again");
    }
}
