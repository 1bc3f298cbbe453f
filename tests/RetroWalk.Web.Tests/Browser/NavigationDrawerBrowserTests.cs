using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// On a tablet held upright (820 px) the navigation stays out of the way: hidden when a page opens, over the page once
/// the menu button opens it, closed again by a link followed from it or by its overlay.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigationDrawerBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task OnANarrowScreenTheNavigationOpensOverThePageAndClosesOnALinkOrItsOverlay()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(820, 1180);
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await SignInPage.WaitForCircuitAsync(page);

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the navigation" });
        var drawer = page.GetByTestId("navigation");
        var overlay = page.Locator(".app-drawer-overlay");
        var patients = drawer.GetByRole(AriaRole.Link, new() { Name = "Patients" });
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(patients).ToBeHiddenAsync();
        await Expect(overlay).ToBeHiddenAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator(".app-body")).ToHaveCSSAsync("margin-left", "0px");

        await menu.ClickAsync();
        await Expect(drawer).ToBeInViewportAsync();
        await Expect(overlay).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(drawer).ToHaveCSSAsync("left", "0px");
        await Screenshots.SaveAsync(page, "navigation-open-820");

        // A link followed from it: the page opens, and the navigation no longer covers it.
        await patients.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/patients", StringComparison.Ordinal));
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(patients).ToBeHiddenAsync();
        await Expect(overlay).ToBeHiddenAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        // The overlay closes it too.
        await menu.ClickAsync();
        await Expect(overlay).ToBeVisibleAsync();
        await overlay.ClickAsync(new() { Position = new() { X = 700, Y = 600 } });
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(overlay).ToBeHiddenAsync();

        // Wider again (a tablet turned): the navigation lies beside the page, which makes room for it.
        await page.SetViewportSizeAsync(1366, 900);
        await Expect(drawer).ToBeInViewportAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator(".app-body")).ToHaveCSSAsync("margin-left", "240px");
    }
}
