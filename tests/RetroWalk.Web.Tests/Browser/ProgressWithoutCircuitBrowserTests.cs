using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// The progress review has nothing to click into the server: it is served fully rendered without a circuit, its
/// charts and links work, enhanced navigation leads to and from it, and it signs out after the clinic's idle time
/// on its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressWithoutCircuitBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheReviewIsServedRenderedWithoutACircuitAndEnhancedNavigationLeadsToAndFromIt()
    {
        var patient = (await DemoRecords.OfAsync(browser, "RW-1001")).Patient;
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);

        // The response itself holds the charts, and no marker that would start a circuit.
        var response = await page.APIRequest.GetAsync($"patients/{patient}/progress");
        Assert.Equal(200, response.Status);
        var html = await response.TextAsync();
        Assert.Contains(">Progress review</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"measure-chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);

        // From an interactive page (the patient's assessments) by its link.
        await page.GotoAsync($"patients/{patient}/assessments");
        await SignInPage.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Progress review" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Progress review" })).ToBeVisibleAsync();
        await Expect(page.Locator("figure.measure-chart").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("circuit-ready")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("idle-watch-static")).ToHaveAttributeAsync("data-idle-minutes", "15");
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await Expect(page.Locator(".app-sidebar").GetByRole(AriaRole.Link, new() { Name = "Patients" })).ToBeVisibleAsync();

        // The menu button opens and closes the navigation without a server too.
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the navigation" });
        var drawer = page.GetByTestId("navigation");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await menu.ClickAsync();
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await menu.ClickAsync();
        await Expect(drawer).ToBeInViewportAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");

        // A chart's data table opens without a server (native details).
        var chart = page.Locator("figure.measure-chart").First;
        await chart.GetByText("Chart data").ClickAsync();
        await Expect(chart.Locator("tbody tr[data-kind='point']").First).ToBeVisibleAsync();

        // Away by enhanced navigation: the document stays (a mark set on it survives) and the next page gets its circuit.
        await page.EvaluateAsync("() => window.keptDocument = true");
        await page.Locator(".page-subtitle a").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/patients/{patient}", StringComparison.Ordinal));
        await SignInPage.WaitForCircuitAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => window.keptDocument === true"));
        await Expect(page.GetByTestId("idle-watch")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("idle-watch-static")).ToHaveCountAsync(0);

        // On the interactive page the circuit opens and closes the navigation; the page makes room for it again.
        var content = page.Locator(".app-body");
        await Expect(content).ToHaveCSSAsync("margin-left", "240px");
        await menu.ClickAsync();
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "0px");
        await menu.ClickAsync();
        await Expect(drawer).ToBeInViewportAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "240px");
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheReviewSignsOutAfterTheClinicsIdleTimeAndReturnsAfterSigningIn()
    {
        var patient = (await DemoRecords.OfAsync(browser, "RW-1001")).Patient;
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await new ProgressPage(page).OpenAsync(patient);
        await Expect(page.GetByTestId("idle-watch-static")).ToHaveAttributeAsync("data-idle-minutes", "15");

        // Fourteen minutes untouched: still here.
        await page.Clock.FastForwardAsync("14:00");
        await page.Clock.RunForAsync(10_000);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Progress review" })).ToBeVisibleAsync();
        Assert.Contains("/progress", page.Url, StringComparison.Ordinal);

        // The fifteenth minute: signed out, and back at the review after signing in.
        await page.Clock.FastForwardAsync("01:10");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await new SignInPage(page).SignInAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await page.WaitForURLAsync(url => url.EndsWith($"/patients/{patient}/progress", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Progress review" })).ToBeVisibleAsync();
    }
}
