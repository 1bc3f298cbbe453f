using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AssessmentPlanBrowserTests(BrowserFixture browser)
{
    /// <summary>Łucja's demo programme (chronic stroke since the Monday two weeks ago).</summary>
    private async Task<(Guid ProgrammeId, Guid PatientId)> LucjasProgrammeAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var row = await db.Set<Programme>().IgnoreQueryFilters()
            .Join(db.Patients.IgnoreQueryFilters(), g => g.PatientId, p => p.Id, (g, p) => new { g.Id, g.PatientId, p.RecordNumber })
            .SingleAsync(x => x.RecordNumber == "RW-1001");
        return (row.Id, row.PatientId);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        return page;
    }

    [Fact]
    public async Task TheDemoProgrammeShowsItsAssessmentPlanAndTheDashboardTheInterimDueThisWeek()
    {
        var (programmeId, patientId) = await LucjasProgrammeAsync();
        var page = await SignedInPageAsync();

        await page.GotoAsync($"programmes/{programmeId}");
        await SignInPage.WaitForCircuitAsync(page);
        var plan = page.GetByTestId("assessment-plan");
        var rows = plan.GetByTestId("plan-row");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("Baseline");
        await Expect(rows.Nth(0).GetByTestId("plan-status")).ToHaveTextAsync("Done");
        await Expect(rows.Nth(1)).ToContainTextAsync("Interim, week 3");
        await Expect(rows.Nth(1).GetByTestId("plan-status")).ToHaveTextAsync("Due");
        await Expect(rows.Nth(2)).ToContainTextAsync("BBS, TUG, 10MWT comfortable, 6MWT");
        await Screenshots.SaveAsync(plan, "programme-assessment-plan");

        // The record link opens the form with the time point and the measures chosen.
        await rows.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Record interim, week 3" }).ClickAsync();
        await page.WaitForURLAsync($"**/patients/{patientId}/assessments/new?**");
        await SignInPage.WaitForCircuitAsync(page);
        await Expect(page.GetByLabel("Time point")).ToHaveValueAsync("Interim");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Berg Balance Scale", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Timed Up and Go", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "6-Minute Walk Test", Exact = true })).Not.ToBeCheckedAsync();

        await page.GotoAsync("");
        await SignInPage.WaitForCircuitAsync(page);
        var due = page.GetByTestId("due-assessment");
        await Expect(due.Filter(new() { HasText = "Wiśniewska-Nguyễn" })).ToHaveCountAsync(1);
        await Expect(due.Filter(new() { HasText = "Wiśniewska-Nguyễn" })).ToContainTextAsync("Interim, week 3");
        // Αλέξανδρος is Tomasz's patient.
        await Expect(due.Filter(new() { HasText = "Παπαδόπουλος" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "dashboard-assessments-due");
    }

    [Fact]
    public async Task TheProgressPageShowsTheProgrammeMarkersAndTheWeeklyDose()
    {
        var (_, patientId) = await LucjasProgrammeAsync();
        var page = await SignedInPageAsync();
        var progress = new ProgressPage(page);

        await progress.OpenAsync(patientId);

        await Expect(page.GetByTestId("programme-periods")).ToContainTextAsync("Chronic stroke, 4 weeks:");
        await Expect(page.Locator(".programme-periods")).ToHaveAttributeAsync("data-weeks", "3");
        // The weekly minutes stand as bars on each chart's second axis.
        var berg = progress.Chart("Berg Balance Scale").Locator("svg");
        await Expect(berg).ToBeVisibleAsync();
        await Expect(berg.Locator("rect.week-bar")).ToHaveCountAsync(3);
        await Expect(berg.Locator("g.label-axistitle text", new() { HasText = "min/week" })).ToHaveCountAsync(1);
        await progress.OpenChartDataAsync("Berg Balance Scale");
        var data = page.GetByRole(AriaRole.Table, new() { Name = "Berg Balance Scale chart data" });
        await Expect(data.Locator("tr[data-kind='programme']")).ToHaveCountAsync(2);
        await Expect(data.Locator("tr[data-kind='week']")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(progress.Chart("Berg Balance Scale"), "progress-chart-berg-programme");
        await page.SetViewportSizeAsync(1366, 4200);
        await Screenshots.SaveAsync(page, "progress-review-programme");
    }
}
