using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// Every page opens for the demo users with its heading and without the error bar, on a laptop (1366 px) and on
/// a tablet (820 px, where the navigation becomes a drawer). Full-page screenshots land in screenshots/ next to
/// the test binaries (tour-NAME-1366.png, tour-NAME-820.png) for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourBrowserTests(BrowserFixture browser)
{
    private static readonly int[] Widths = [1366, 820];

    /// <summary>A page of the tour: its address, its heading when the test knows it, and its screenshot's name.</summary>
    private sealed record Stop(string Path, string? Heading, string Name, bool Interactive = true);

    [Fact]
    public async Task EveryPageOpensForTheDemoTherapistWithoutAnErrorOnALaptopAndATablet()
    {
        var demo = await DemoRecords.OfAsync(browser, "RW-1001");
        Stop[] stops =
        [
            new("", "Dashboard", "dashboard"),
            new("patients", "Patients", "patients"),
            new("patients/new", "New patient", "patient-new"),
            new($"patients/{demo.Patient}", "Łucja Wiśniewska-Nguyễn", "patient"),
            new($"patients/{demo.Patient}/edit", "Edit patient", "patient-edit"),
            new($"patients/{demo.Patient}/assessments", null, "assessments"),
            new($"patients/{demo.Patient}/assessments/new", null, "assessment-new"),
            new($"patients/{demo.Patient}/progress", null, "progress", Interactive: false),
            new($"programmes/{demo.Programme}", null, "programme"),
            new($"programmes/{demo.Programme}/sessions/1", null, "session"),
            new("protocols", "Protocols", "protocols"),
            new($"protocols/{demo.Protocol}", null, "protocol"),
            new($"protocols/{demo.Protocol}/edit", null, "protocol-edit"),
            new("protocols/templates", null, "templates"),
            new("reports/batch", "Batch progress reports", "batch"),
            new("outcomes", null, "outcomes"),
            new("sources", "Sources", "sources"),
            new("about", "About RetroWalk", "about"),
            new("no-such-page", "Page not found", "not-found"),
            new("Account/Manage", "Your account", "account", Interactive: false),
            new("Account/Manage/ChangePassword", "Your account", "account-password", Interactive: false),
            new("Account/Manage/TwoFactorAuthentication", "Your account", "account-two-factor", Interactive: false),
        ];

        await TourAsync(DemoData.TherapistEmail, DemoData.TherapistPassword, stops);
    }

    [Fact]
    public async Task EveryAdministrationPageOpensForTheDemoAdministratorWithoutAnErrorOnALaptopAndATablet()
    {
        Stop[] stops =
        [
            new("admin/staff", "Staff accounts", "staff"),
            new("admin/audit", "Audit trail", "audit"),
            new("admin/clinic", "Clinic settings", "clinic-settings"),
            new("patients/archived", "Archived patients", "archived"),
            new("exports", "Exports", "exports"),
        ];

        await TourAsync(DemoData.AdminEmail, DemoData.AdminPassword, stops);
    }

    [Fact]
    public async Task TheSignInPageFitsALaptopAndATablet()
    {
        var page = await browser.NewPageAsync();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 1000);
            await page.GotoAsync("Account/Login");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to RetroWalk" })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("E-mail")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, $"tour-sign-in-{width}");
        }
    }

    private async Task TourAsync(string email, string password, IEnumerable<Stop> stops)
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(email, password);
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width > 1000 ? 900 : 1180);
            foreach (var stop in stops)
            {
                await page.GotoAsync(stop.Path);
                if (stop.Interactive)
                {
                    await SignInPage.WaitForCircuitAsync(page);
                }
                var h1 = page.Locator("main h1").First;
                await Expect(h1).ToBeVisibleAsync();
                if (stop.Heading is not null)
                {
                    await Expect(h1).ToHaveTextAsync(stop.Heading);
                }
                await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                // Lists and panels have loaded: what the screenshot shows is the page, not its loading state.
                await Expect(page.Locator(".mud-table-loading-progress, .dashboard-panel .mud-progress-linear")).ToHaveCountAsync(0);
                await NothingSpillsSidewaysAsync(page, stop, width);
                await Screenshots.SaveAsync(page, $"tour-{stop.Name}-{width}");
            }
        }
    }

    /// <summary>The page is no wider than the window: nothing needs a sideways scroll except inside a table's own scroller.</summary>
    private static async Task NothingSpillsSidewaysAsync(IPage page, Stop stop, int width)
    {
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"{stop.Path} is {pageWidth} px wide in a {width} px window.");
    }
}
