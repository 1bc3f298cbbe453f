using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// Every main page opens for the demo users with its heading and without the error bar. Full-page screenshots
/// land in screenshots/ next to the test binaries for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryMainPageOpensForTheDemoTherapistWithoutAnError()
    {
        var (patientId, programmeId) = await DemoPatientAsync("RW-1001");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);

        foreach (var (path, heading, name) in new[]
        {
            ("", "Dashboard", "tour-dashboard"),
            ("patients", "Patients", "tour-patients"),
            ($"patients/{patientId}", "Łucja Wiśniewska-Nguyễn", "tour-patient"),
            ($"patients/{patientId}/assessments", null, "tour-assessments"),
            ($"patients/{patientId}/progress", null, "tour-progress"),
            ($"programmes/{programmeId}", null, "tour-programme"),
            ("protocols", "Protocols", "tour-protocols"),
            ("protocols/templates", null, "tour-templates"),
            ("reports/batch", "Batch progress reports", "tour-batch"),
            ("sources", "Sources", "tour-sources"),
            ("about", "About RetroWalk", "tour-about"),
        })
        {
            await page.GotoAsync(path);
            await SignInPage.WaitForCircuitAsync(page);
            var h1 = page.Locator("main h1").First;
            await Expect(h1).ToBeVisibleAsync();
            if (heading is not null)
            {
                await Expect(h1).ToHaveTextAsync(heading);
            }
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task EveryAdministrationPageOpensForTheDemoAdministratorWithoutAnError()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.AdminEmail, DemoData.AdminPassword);

        foreach (var (path, heading, name) in new[]
        {
            ("admin/staff", "Staff accounts", "tour-staff"),
            ("admin/audit", "Audit trail", "tour-audit"),
            ("admin/clinic", null, "tour-clinic-settings"),
            ("patients/archived", "Archived patients", "tour-archived"),
            ("Account/Manage/TwoFactorAuthentication", null, "tour-two-factor"),
        })
        {
            await page.GotoAsync(path);
            var h1 = page.Locator("main h1, main h3").First;
            await Expect(h1).ToBeVisibleAsync();
            if (heading is not null)
            {
                await Expect(h1).ToHaveTextAsync(heading);
            }
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task TheSourcesPageIsReachedFromTheMenuTheAboutPageAndAReferenceOnTheProgressReview()
    {
        var (patientId, _) = await DemoPatientAsync("RW-1001");
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sources", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/sources");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Sources");
        await Expect(page.Locator("section[data-group='BBS'] [data-reference='tilson-2012']")).ToContainTextAsync("Stroke 2012;43(2):446–452.");
        await Screenshots.SaveAsync(page, "sources");

        await page.GotoAsync("about");
        await page.GetByTestId("sources-link").ClickAsync();
        await page.WaitForURLAsync("**/sources");

        // From the progress review, a reference's "All sources" link leads to that source's entry.
        await page.GotoAsync($"patients/{patientId}/progress");
        await SignInPage.WaitForCircuitAsync(page);
        var reference = page.Locator("tr[data-measure='BBS'] [data-col='mdc'] details.reference");
        await reference.Locator("summary").ClickAsync();
        await reference.GetByRole(AriaRole.Link, new() { Name = "All sources" }).ClickAsync();
        await page.WaitForURLAsync("**/sources#ref-alghadir-2018");
        await Expect(page.Locator("#ref-alghadir-2018")).ToBeInViewportAsync();
    }

    private async Task<(Guid Patient, Guid Programme)> DemoPatientAsync(string record)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var patient = await db.Patients.IgnoreQueryFilters().Where(p => p.RecordNumber == record).Select(p => new { p.Id, p.ClinicId }).SingleAsync();
        var programme = await db.Set<Web.Features.Programs.Programme>().IgnoreQueryFilters()
            .Where(g => g.PatientId == patient.Id).Select(g => g.Id).FirstAsync();
        return (patient.Id, programme);
    }
}
