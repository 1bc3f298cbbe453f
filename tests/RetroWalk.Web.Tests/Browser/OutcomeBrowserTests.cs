using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>
/// The clinic outcomes page counts every programme of the clinic, so it runs on a demo clinic of its own: the other
/// browser tests add patients and programmes to the shared one while they run.
/// </summary>
public sealed class OutcomeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheDashboardShowsTheDemoCohortWithItsChartsAndAPointOpensTheProgressReview()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.AdminEmail, DemoData.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Clinic outcomes" }).ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);

        // Grouped by protocol: the stroke protocol and the knee ramp, then the whole clinic.
        var groups = page.GetByTestId("outcome-group");
        await Expect(groups).ToHaveCountAsync(3);
        await Expect(groups.Last).ToHaveAttributeAsync("data-group", "Whole clinic");
        await Expect(groups.Last.GetByTestId("started")).ToHaveTextAsync("17");
        await Expect(groups.Last.GetByTestId("discontinued")).ToHaveTextAsync("2 of 17");
        await Expect(groups.Last).ToContainTextAsync("Moved to another city (1)");
        await Expect(groups.Last.GetByTestId("adverse-events")).ToContainTextAsync("per 100 sessions");

        var tug = page.Locator("[data-testid=outcome-measure][data-measure=TUG]");
        await Expect(tug.Locator("tr[data-group='Whole clinic'] td[data-cell=n]")).ToHaveTextAsync("15");
        await Expect(tug.Locator("tr[data-group='Whole clinic'] td[data-cell=mean]")).ToHaveTextAsync(new Regex(@"^−\d+\.\d+ \(−\d+\.\d+ to −\d+\.\d+\)$"));
        var bars = tug.GetByRole(AriaRole.Img, new() { Name = "Bar chart of the mean change in Timed Up and Go" });
        await Expect(bars.Locator("rect.bar")).ToHaveCountAsync(2);
        await Expect(bars.Locator("line.line-interval")).ToHaveCountAsync(6);
        var distribution = tug.GetByTestId("measure-tug-distribution");
        await Expect(distribution.Locator("circle.dot")).ToHaveCountAsync(15);
        await Expect(distribution.Locator("line.line-mdc")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "outcomes-1366");

        var dose = page.GetByTestId("dose-chart");
        await Expect(dose.Locator("polygon.band")).ToHaveCountAsync(1);
        await Expect(dose.Locator("line.line-fit")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("dose-fit")).ToContainTextAsync("Fitted change per 100 minutes");

        // Grouped by condition, two subacute-stroke patients are too small a group to summarise.
        await page.SetViewportSizeAsync(820, 1100);
        await PatientFormPage.ChooseAsync(page, "Group by", "Condition");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show outcomes" }).ClickAsync();
        var subacute = page.Locator("[data-testid=outcome-group][data-group='Subacute stroke']");
        await Expect(subacute.GetByTestId("too-small")).ToBeVisibleAsync();
        await Expect(subacute.GetByTestId("started")).ToHaveTextAsync("2");
        await Expect(tug.Locator("tr[data-group='Subacute stroke'] td[data-cell=too-small]")).ToHaveTextAsync("Too small to summarise (n = 2)");
        await Screenshots.SaveAsync(page, "outcomes-820");

        await dose.Locator("a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/patients/[0-9a-f-]+/progress$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Progress review" })).ToBeVisibleAsync();
    }
}
