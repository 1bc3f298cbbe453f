using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>Page object: the "Record assessment" form.</summary>
public sealed partial class AssessmentFormPage(IPage page)
{
    public async Task OpenNewAsync(Guid patientId)
    {
        await page.GotoAsync($"patients/{patientId}/assessments/new");
        await SignInPage.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Record assessment" }).WaitForAsync();
    }

    public async Task FillHeaderAsync(DateOnly date, string timePoint, string assessor = "Maria Santos")
    {
        var dateField = page.GetByLabel(DateLabel());
        await dateField.FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dateField.PressAsync("Tab");
        await PatientFormPage.ChooseAsync(page, "Time point", timePoint);
        await page.GetByLabel("Assessor").FillAsync(assessor);
    }

    public async Task TakeAsync(string measureName)
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = measureName, Exact = true }).CheckAsync();
        await Measure(measureName).WaitForAsync();
    }

    /// <summary>The fieldset of one measure (its legend is the measure's name).</summary>
    public ILocator Measure(string measureName) => page.GetByRole(AriaRole.Group, new() { Name = measureName, Exact = true });

    public ILocator Item(string measureName, int number) =>
        Measure(measureName).GetByLabel(new Regex($"^{number}\\. "));

    public async Task ScoreItemsAsync(string measureName, IReadOnlyList<int> scores)
    {
        for (var i = 0; i < scores.Count; i++)
        {
            await Item(measureName, i + 1).FillAsync(scores[i].ToString(CultureInfo.InvariantCulture));
        }
    }

    public async Task TimedWalkAsync(string measureName, decimal metres, decimal seconds)
    {
        var measure = Measure(measureName);
        await measure.GetByLabel("Timed distance").FillAsync(metres.ToString(CultureInfo.InvariantCulture));
        await measure.GetByLabel("Time", new() { Exact = true }).FillAsync(seconds.ToString(CultureInfo.InvariantCulture));
        await measure.GetByLabel("Time", new() { Exact = true }).BlurAsync();
    }

    public async Task TimeAsync(string measureName, decimal seconds)
    {
        var time = Measure(measureName).GetByLabel("Time", new() { Exact = true });
        await time.FillAsync(seconds.ToString(CultureInfo.InvariantCulture));
        await time.BlurAsync();
    }

    public ILocator Calculated(string measureName, string label) => Measure(measureName).GetByLabel(label, new() { Exact = true });

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();

    [GeneratedRegex(@"^Date\b")]
    private static partial Regex DateLabel();
}

/// <summary>Page object: the progress review.</summary>
public sealed class ProgressPage(IPage page)
{
    public async Task OpenAsync(Guid patientId)
    {
        await page.GotoAsync($"patients/{patientId}/progress");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Progress review" }).WaitForAsync();
    }

    public ILocator Row(string measureName) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Progress by measure" }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = measureName }) });

    public ILocator Cell(string measureName, string column) => Row(measureName).Locator($"[data-col='{column}']");

    public ILocator Summary => page.GetByTestId("summary");

    public ILocator Chart(string measureName) => page.GetByRole(AriaRole.Figure, new() { Name = measureName });

    /// <summary>Opens the chart's "Chart data" table (the chart's points as text).</summary>
    public Task OpenChartDataAsync(string measureName) => Chart(measureName).GetByText("Chart data").ClickAsync();

    public ILocator ChartDataRows(string measureName) =>
        page.GetByRole(AriaRole.Table, new() { Name = $"{measureName} chart data" }).Locator("tbody tr[data-kind='point']");
}
