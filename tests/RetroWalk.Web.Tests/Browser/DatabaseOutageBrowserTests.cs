using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>The demo app in Chromium on a PostgreSQL server of its own, which the tests stop and start.</summary>
public sealed class OutageBrowserFixture : BrowserFixture
{
    public PrivatePostgres Postgres { get; private set; } = default!;

    protected override async Task<BrowserApp> CreateAppAsync()
    {
        Postgres = await PrivatePostgres.CreateAsync();
        var app = new BrowserApp(Postgres.ServerConnectionString);
        // Give up quickly: the default retries would keep the button busy for about nine seconds.
        app.WithSetting("Database:MaxRetryCount", "1").WithSetting("Database:MaxRetryDelay", "00:00:00.200");
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OutageBrowserCollection : ICollectionFixture<OutageBrowserFixture>
{
    public const string Name = "Browser with database outages";
}

[Collection(OutageBrowserCollection.Name)]
public sealed class DatabaseOutageBrowserTests(OutageBrowserFixture browser)
{
    [Fact]
    public async Task ASaveDuringAnOutageKeepsTheFormAndSavesWhenTheDatabaseIsBack()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await page.GotoAsync("patients/new");
        await SignInPage.WaitForCircuitAsync(page);
        var form = new PatientFormPage(page);
        await form.FillAsync("Amira", "Haddad", "1961-09-23", "OUT-B1", "Knee osteoarthritis");
        await page.GetByLabel("Notes").FillAsync("Typed before the outage.");

        await browser.Postgres.StopAsync();
        try
        {
            await form.SubmitAsync("Create patient");
            await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The database is not reachable; nothing was saved. Try again." }))
                .ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "patient-form-database-down");
            await Expect(page.GetByLabel("Given name")).ToHaveValueAsync("Amira");
            await Expect(page.GetByLabel("Family name")).ToHaveValueAsync("Haddad");
            await Expect(page.GetByLabel("Clinic record number")).ToHaveValueAsync("OUT-B1");
            await Expect(page.GetByLabel("Notes")).ToHaveValueAsync("Typed before the outage.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create patient" })).ToBeEnabledAsync();
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }
        finally
        {
            await browser.Postgres.StartAsync();
        }

        await form.SubmitAsync("Create patient");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amira Haddad" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Typed before the outage.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task APageOpenedDuringAnOutageOffersToTryAgainAndShowsOnceTheDatabaseIsBack()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);

        await browser.Postgres.StopAsync();
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Protocols", Exact = true }).ClickAsync();
            var error = page.GetByTestId("page-error");
            await Expect(error).ToContainTextAsync("The database is not reachable right now");
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Screenshots.SaveAsync(page, "page-database-down");
        }
        finally
        {
            await browser.Postgres.StartAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Protocols", Level = 1 })).ToBeVisibleAsync();
    }
}
