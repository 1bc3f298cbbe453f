using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Clinical;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AssessmentBrowserTests(BrowserFixture browser)
{
    private const string Berg = "Berg Balance Scale";
    private const string Walk = "10-Metre Walk Test, comfortable pace";
    private const string Tug = "Timed Up and Go";

    private static DateOnly Today => TestClock.Today;

    /// <summary>A chronic-stroke patient of the demo clinic with a record number no other test uses.</summary>
    private async Task<Guid> CreatePatientAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var clinicId = await db.Clinics.Where(c => c.Name == DemoData.ClinicName).Select(c => c.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId, "Test setup").Principal;
        var input = Integration.PatientData.Valid($"BT-{Guid.NewGuid():N}"[..12], "Ana", "Retro-Test");
        input.PrimaryCondition = Condition.ChronicStroke;
        var saved = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(input);
        Assert.True(saved.Succeeded);
        return saved.Id;
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        return page;
    }

    [Fact]
    public async Task BaselineAndEndOfProgrammeShowChangesFlagsCategoriesAndCharts()
    {
        var patientId = await CreatePatientAsync();
        var page = await SignedInPageAsync();
        var form = new AssessmentFormPage(page);

        await form.OpenNewAsync(patientId);
        await form.FillHeaderAsync(Today.AddDays(-42), "Baseline");
        await form.TakeAsync(Berg);
        await form.TakeAsync(Tug);
        await form.TakeAsync(Walk);
        await form.ScoreItemsAsync(Berg, Integration.AssessmentData.BergScoresTotalling(38));
        await Expect(form.Calculated(Berg, "Total")).ToContainTextAsync("38 points (of 56 points)");
        await form.TimedWalkAsync(Walk, 10, 22.2m);
        await Expect(form.Calculated(Walk, "Gait speed")).ToContainTextAsync("0.45 m/s (10 m in 22.2 s");
        await form.TimeAsync(Tug, 18.4m);
        await page.SetViewportSizeAsync(1366, 3000);
        await Screenshots.SaveAsync(page, "assessment-form-baseline");
        await page.SetViewportSizeAsync(820, 1180);
        await Screenshots.SaveAsync(page, "assessment-form-baseline-820");
        await page.SetViewportSizeAsync(1366, 900);
        await form.SaveAsync();
        // A save on a loaded machine may take longer than an action's 15 s (as for a new patient, PatientPages).
        await page.WaitForURLAsync($"**/patients/{patientId}/assessments", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Assessment saved")).ToBeVisibleAsync();

        await form.OpenNewAsync(patientId);
        await form.FillHeaderAsync(Today.AddDays(-1), "End of programme");
        await form.TakeAsync(Berg);
        await form.TakeAsync(Tug);
        await form.TakeAsync(Walk);
        await form.ScoreItemsAsync(Berg, Integration.AssessmentData.BergScoresTotalling(45));
        await form.TimedWalkAsync(Walk, 10, 16.1m);
        await form.TimeAsync(Tug, 13.0m);
        await form.SaveAsync();
        // A save on a loaded machine may take longer than an action's 15 s (as for a new patient, PatientPages).
        await page.WaitForURLAsync($"**/patients/{patientId}/assessments", new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Assessments" }).Locator("tbody tr")).ToHaveCountAsync(2);

        var progress = new ProgressPage(page);
        await progress.OpenAsync(patientId);

        await Expect(progress.Cell(Berg, "change")).ToContainTextAsync("+7 points");
        await Expect(progress.Cell(Berg, "direction")).ToHaveTextAsync("Improved");
        await Expect(progress.Cell(Berg, "mdc").Locator("[data-col='flag']")).ToHaveTextAsync("Exceeds MDC 2.7 points");
        await Expect(progress.Cell(Berg, "mcid").Locator("[data-col='flag']")).ToHaveTextAsync("No MCID published for chronic stroke");
        await Expect(progress.Cell(Berg, "category-now").First).ToHaveTextAsync("Above the stroke multiple-fall cut-off (Berg > 42)");
        await Expect(progress.Cell(Berg, "category-was").First).ToHaveTextAsync("was: Risk of multiple or injurious falls after stroke (Berg ≤ 42)");

        await Expect(progress.Cell(Tug, "change")).ToContainTextAsync("−5.4 s");
        await Expect(progress.Cell(Tug, "direction")).ToHaveTextAsync("Improved");
        await Expect(progress.Cell(Tug, "mdc").Locator("[data-col='flag']")).ToHaveTextAsync("Exceeds MDC 3.2 s");
        await Expect(progress.Cell(Tug, "category-none")).ToHaveTextAsync("No published cut-off for this population");

        await Expect(progress.Cell(Walk, "baseline")).ToContainTextAsync("0.45 m/s");
        await Expect(progress.Cell(Walk, "latest")).ToContainTextAsync("0.62 m/s");
        await Expect(progress.Cell(Walk, "mdc").Locator("[data-col='flag']")).ToHaveTextAsync("Exceeds MDC 0.15 m/s");
        await Expect(progress.Cell(Walk, "category-now").First).ToHaveTextAsync("Limited community ambulator (0.4–0.8 m/s)");

        // The short label of a threshold's source is shown; its full reference is one click away.
        var mdcSource = progress.Cell(Berg, "mdc").Locator("[data-col='source']");
        await Expect(mdcSource).ToContainTextAsync("Value for chronic stroke · Alghadir 2018");
        var fullReference = mdcSource.GetByTestId("reference-full");
        await Expect(fullReference).ToBeHiddenAsync();
        await mdcSource.GetByText("Alghadir 2018", new() { Exact = true }).ClickAsync();
        await Expect(fullReference).ToBeVisibleAsync();
        await Expect(fullReference).ToContainTextAsync("BMC Neurol 2018;18:141. doi:10.1186/s12883-018-1146-9.");
        await Expect(progress.Cell(Berg, "category-source")).ToContainTextAsync("Cut-off from stroke, about 2 months after onset · Tilson 2012");

        await Expect(progress.Summary.Locator("li")).ToHaveCountAsync(3);
        await Expect(progress.Summary).ToContainTextAsync("TUG time fell 5.4 s (18.4 → 13.0 s), more than the MDC of 3.2 s for chronic stroke (Alghadir 2018)");

        foreach (var measure in new[] { Berg, Tug, Walk })
        {
            var chart = progress.Chart(measure);
            await Expect(chart).ToHaveAttributeAsync("data-points", "2");
            await Expect(chart.Locator("svg").First).ToBeVisibleAsync();
            await progress.OpenChartDataAsync(measure);
            await Expect(progress.ChartDataRows(measure)).ToHaveCountAsync(2);
        }
        // The plotted points themselves: the results' two markers with labels in the measure's format, and the
        // cut-off line labelled with the band it names.
        var plot = progress.Chart(Berg).Locator("svg");
        await Expect(plot.Locator("circle.result")).ToHaveCountAsync(2);
        await Expect(plot.Locator("g.label-value text")).ToHaveTextAsync(["38 points", "45 points"]);
        await Expect(plot.Locator("g.label-cutoff text", new() { HasText = "Risk of multiple or injurious falls after stroke, ≤ 42 points" })).ToHaveCountAsync(1);
        await Expect(progress.Chart(Tug).Locator("svg g.label-value text")).ToHaveTextAsync(["18.4 s", "13.0 s"]);
        await Screenshots.SaveAsync(page.GetByTestId("progress-table"), "progress-table");
        await Screenshots.SaveAsync(progress.Chart(Berg), "progress-chart-berg");
        await Screenshots.SaveAsync(progress.Chart(Walk), "progress-chart-10mwt");
        await page.SetViewportSizeAsync(1366, 4200);
        await Screenshots.SaveAsync(page, "progress-review");
        await page.SetViewportSizeAsync(820, 1180);
        await Screenshots.SaveAsync(page, "progress-review-820");
        await page.GotoAsync($"patients/{patientId}/assessments");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Assessments" }).Locator("tbody tr")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "assessments-820");
    }

    [Fact]
    public async Task AnItemScoreOutsideTheItemsRangeIsRefusedAtTheFieldAndNothingIsSaved()
    {
        var patientId = await CreatePatientAsync();
        var page = await SignedInPageAsync();
        var form = new AssessmentFormPage(page);
        await form.OpenNewAsync(patientId);
        await form.FillHeaderAsync(Today, "Baseline");
        await form.TakeAsync(Berg);

        // The form offers exactly the 14 Berg items: there is no item 15 to score.
        await Expect(form.Measure(Berg).Locator("input[inputmode=numeric]")).ToHaveCountAsync(14);
        await Expect(form.Item(Berg, 15)).ToHaveCountAsync(0);

        await form.Item(Berg, 3).FillAsync("5");
        var message = "Item 3 (Sitting unsupported): a score of 5 is not allowed; scores are 0–4.";
        await Expect(form.Measure(Berg).GetByText(message)).ToBeVisibleAsync();
        await Expect(form.Item(Berg, 3)).ToHaveAttributeAsync("aria-describedby", new Regex(@"(^|\s)m-bbs-item-3-messages(\s|$)"));
        await Screenshots.SaveAsync(page, "assessment-form-refused");

        await form.SaveAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Nothing was saved" })).ToBeVisibleAsync();
        await Expect(form.Measure(Berg).GetByText(message)).ToBeVisibleAsync();
        Assert.EndsWith($"/patients/{patientId}/assessments/new", page.Url, StringComparison.Ordinal);

        await page.GotoAsync($"patients/{patientId}/assessments");
        await Expect(page.GetByText("No assessments recorded yet.")).ToBeVisibleAsync();
    }
}
