using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class IssuedReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task RegeneratingAReportFromTheListAddsANewReportWithItsOwnIdentifier()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        var list = new PatientListPage(page);
        await list.OpenAsync();
        await list.SearchAsync("RW-1001");
        await list.PatientLink("Wiśniewska-Nguyễn, Łucja").ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);
        var identifiers = page.GetByTestId("report-identifier");
        // The list loads after the circuit starts and says "No reports yet." only once it has (until then it says it is
        // loading); other tests may already have issued reports for this patient.
        await Expect(identifiers.First.Or(page.GetByTestId("report-grid").GetByText("No reports yet."))).ToBeVisibleAsync();
        var before = await identifiers.CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New progress report" }).ClickAsync();
        await page.GetByLabel(new Regex("^From")).FillAsync(TestClock.Today.AddDays(-14).ToString("yyyy-MM-dd"));
        await page.GetByLabel(new Regex("^To")).FillAsync(TestClock.Today.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate report" }).ClickAsync();
        await Expect(identifiers).ToHaveCountAsync(before + 1);
        var first = (await identifiers.First.TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = first }).GetByRole(AriaRole.Button, new() { Name = "Regenerate" }).ClickAsync();

        await Expect(page.GetByText("New report saved")).ToBeVisibleAsync();
        await Expect(identifiers).ToHaveCountAsync(before + 2);
        await Expect(identifiers.Filter(new() { HasText = first })).ToHaveCountAsync(1);
        Assert.NotEqual(first, (await identifiers.First.TextContentAsync())!.Trim());
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", first);
        await Screenshots.SaveAsync(page.GetByRole(AriaRole.Region, new() { Name = "Progress reports" }), "patient-reports-regenerated");
    }
}
