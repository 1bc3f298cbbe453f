using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// The unattended tab: a session form left open signs itself out after the clinic's idle time (15 minutes), with a
/// warning a minute before, and what was typed is offered back after signing in again. The app's clock is moved, so
/// the test runs on a demo clinic of its own.
/// </summary>
public sealed class IdleSignOutBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnOpenSessionFormWarnsThenSignsOutAndOffersWhatWasTypedBackAfterSigningIn()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        var form = new SessionFormPage(page);
        await form.OpenAsync((await DemoRecords.OfAsync(browser, "RW-1001")).Programme, sequence: 8);
        await Expect(page.GetByTestId("idle-watch")).ToHaveAttributeAsync("data-idle-minutes", "15");
        await form.Field("Resting heart rate").FillAsync("72");
        await form.Field("Resting heart rate").PressAsync("Tab");

        // Fourteen minutes without anything happening: the warning, with a way to stay.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(5));
        var warning = page.GetByTestId("idle-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeVisibleAsync();
        await Expect(form.Field("Resting heart rate")).ToHaveValueAsync("72");
        // No screenshot here: resizing the page to take one scrolls it, which counts as activity and restarts the count.

        // The fifteenth minute: signed out, back at the sign-in page.
        browser.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));

        // Signing in again returns to the form, which offers the kept draft.
        await new SignInPage(page).SignInAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await page.WaitForURLAsync(url => url.Contains("/sessions/8", StringComparison.Ordinal));
        await SignInPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("draft-offer")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore it" }).ClickAsync();
        await Expect(form.Field("Resting heart rate")).ToHaveValueAsync("72");
        await Expect(page.GetByTestId("draft-offer")).ToHaveCountAsync(0);
    }
}
