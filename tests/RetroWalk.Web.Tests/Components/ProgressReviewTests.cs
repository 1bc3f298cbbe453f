using AngleSharp.Dom;
using Bunit;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class ProgressReviewTests : FormComponentTest
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static readonly DateOnly BornIn1961 = new(1961, 5, 14);

    private static ProgressResultRow Row(int day, AssessmentTimePoint timePoint, string code, decimal? value, decimal? metres = null, decimal? seconds = null, bool complete = true, int scored = 0) =>
        new(Start.AddDays(day), timePoint, DateTimeOffset.UnixEpoch.AddDays(day), code, value, complete, metres, seconds, null, null, null, scored);

    /// <summary>The chronic-stroke scenario: Berg 38 → 45, 10MWT 10 m in 22.2 s → 16.1 s, TUG 18.4 → 13.0 s, and an incomplete Berg form in between.</summary>
    private static ProgressReview Scenario(Condition condition = Condition.ChronicStroke, ProgressTimeline? timeline = null) =>
        ProgressBuilder.Build(new ProgressPatient(Guid.NewGuid(), "Łucja Wiśniewska-Nguyễn", "RW-1001", condition, BornIn1961),
        [
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.BergBalanceScale, 38),
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.TenMetreWalkComfortable, 10m / 22.2m, 10, 22.2m),
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.TimedUpAndGo, 18.4m),
            Row(21, AssessmentTimePoint.Interim, MeasureCodes.BergBalanceScale, null, complete: false, scored: 9),
            Row(42, AssessmentTimePoint.EndOfProgramme, MeasureCodes.BergBalanceScale, 45),
            Row(42, AssessmentTimePoint.EndOfProgramme, MeasureCodes.TenMetreWalkComfortable, 10m / 16.1m, 10, 16.1m),
            Row(42, AssessmentTimePoint.EndOfProgramme, MeasureCodes.TimedUpAndGo, 13.0m),
        ], timeline, showKmh: true);

    private static readonly ProgressTimeline SixWeekProgramme = new(
        [new ProgrammePeriod("Retro-walking, 6 weeks", Start.AddDays(2), Start.AddDays(41))],
        [new WeeklyDose(Start.AddDays(0), 60), new WeeklyDose(Start.AddDays(7), 90), new WeeklyDose(Start.AddDays(14), 120)]);

    private static string Text(IElement row, string column) => row.QuerySelector($"[data-col='{column}']")!.TextContent.Trim();

    private static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private IRenderedComponent<ProgressTable> Table(ProgressReview review) => Render<ProgressTable>(p => p.Add(x => x.Review, review));

    private IRenderedComponent<ProgressReviewView> View(ProgressReview review) => Render<ProgressReviewView>(p => p.Add(x => x.Review, review));

    [Fact]
    public void AChangeSmallerThanTheMdcIsCalledWithinMeasurementErrorNotAnImprovement()
    {
        var review = ProgressBuilder.Build(new ProgressPatient(Guid.NewGuid(), "Jürgen Größmann", "RW-1002", Condition.ChronicStroke, BornIn1961),
        [
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.TimedUpAndGo, 17.2m),
            Row(14, AssessmentTimePoint.Interim, MeasureCodes.TimedUpAndGo, 15.1m),
        ]);

        var tug = Table(review).Find("tr[data-measure='TUG']");
        Assert.StartsWith("−2.1 s", Text(tug, "change"), StringComparison.Ordinal);
        Assert.Equal("Within measurement error", Text(tug, "direction"));
        Assert.Equal("Below MDC 3.2 s", Text(tug.QuerySelector("[data-col='mdc']")!, "flag"));
        Assert.StartsWith("Within measurement error", review.Summary.Single().DirectionWord, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProgressTableShowsTheChangeFlagsAndCategoriesForEachMeasure()
    {
        var table = Table(Scenario());

        var berg = table.Find("tr[data-measure='BBS']");
        Assert.Contains("38 points", Text(berg, "baseline"), StringComparison.Ordinal);
        Assert.Contains("45 points", Text(berg, "latest"), StringComparison.Ordinal);
        Assert.StartsWith("+7 points", Text(berg, "change"), StringComparison.Ordinal);
        Assert.Equal("Improved", Text(berg, "direction"));
        Assert.Equal("Exceeds MDC 2.7 points", Text(berg.QuerySelector("[data-col='mdc']")!, "flag"));
        // The short label is shown; the full reference is one click away in the same cell.
        var mdcSource = berg.QuerySelector("[data-col='mdc'] [data-col='source']")!;
        Assert.StartsWith("Value for chronic stroke · Alghadir 2018", Squeeze(mdcSource.TextContent), StringComparison.Ordinal);
        Assert.Equal("Alghadir 2018", mdcSource.QuerySelector("details.reference > summary")!.TextContent.Trim());
        Assert.Contains(Bibliography.Alghadir2018.Citation, mdcSource.QuerySelector("[data-testid='reference-full']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://doi.org/10.1186/s12883-018-1146-9", mdcSource.QuerySelector("[data-testid='reference-full'] a")!.GetAttribute("href"));
        Assert.Equal("No MCID published for chronic stroke", Text(berg.QuerySelector("[data-col='mcid']")!, "flag"));
        Assert.Contains("Another population's value is not used.", Text(berg, "mcid"), StringComparison.Ordinal);
        Assert.Equal("Above the stroke multiple-fall cut-off (Berg > 42)", Text(berg, "category-now"));
        Assert.Equal("Tilson 2012", berg.QuerySelector("[data-col='category-source'] details.reference > summary")!.TextContent.Trim());
        Assert.Equal("was: Risk of multiple or injurious falls after stroke (Berg ≤ 42)", Text(berg, "category-was"));
        Assert.Contains("9 of 14 items scored): not charted", Text(berg, "incomplete"), StringComparison.Ordinal);
        Assert.Contains("improved", berg.QuerySelector("[data-col='direction']")!.ClassList);
        Assert.Contains("met", berg.QuerySelector("[data-col='mdc'] [data-col='flag']")!.ClassList);
        Assert.Contains("ok", berg.QuerySelector("[data-col='category-now']")!.ParentElement!.ClassList);

        // Lower is better: a fall in seconds is an improvement.
        var tug = table.Find("tr[data-measure='TUG']");
        Assert.StartsWith("−5.4 s", Text(tug, "change"), StringComparison.Ordinal);
        Assert.Equal("Improved", Text(tug, "direction"));
        Assert.Equal("Exceeds MDC 3.2 s", Text(tug.QuerySelector("[data-col='mdc']")!, "flag"));
        // The older-adult TUG cut-off is not borrowed for a stroke patient.
        Assert.Null(tug.QuerySelector("[data-col='category-now']"));
        Assert.Equal("No published cut-off for this population", Text(tug, "category-none"));

        var walk = table.Find("tr[data-measure='10MWT-C']");
        Assert.Contains("0.45 m/s (1.62 km/h)", Text(walk, "baseline"), StringComparison.Ordinal);
        Assert.Contains("10 m in 22.2 s", Text(walk, "baseline"), StringComparison.Ordinal);
        Assert.StartsWith("+0.17 m/s (+0.61 km/h)", Text(walk, "change"), StringComparison.Ordinal);
        Assert.StartsWith("Value for chronic stroke, baseline 0.4–0.8 m/s · Lewek & Sykes 2019", Squeeze(walk.QuerySelector("[data-col='mdc'] [data-col='source']")!.TextContent), StringComparison.Ordinal);
        Assert.StartsWith("Cut-off from stroke · Perry 1995", Squeeze(walk.QuerySelector("[data-col='category-source']")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("Limited community ambulator (0.4–0.8 m/s)", walk.QuerySelector("[data-col='category-now']")!.TextContent.Trim());
        Assert.Contains("concern", walk.QuerySelector("[data-col='category-now']")!.ParentElement!.ClassList);
        Assert.Null(walk.QuerySelector("[data-col='category-was']"));
    }

    [Fact]
    public void WhenNoPublishedValueAppliesToTheConditionTheTableSaysSo()
    {
        var table = Table(Scenario(Condition.KneeOsteoarthritis));

        var berg = table.Find("tr[data-measure='BBS']");
        Assert.Equal("No MDC published for knee osteoarthritis", Text(berg.QuerySelector("[data-col='mdc']")!, "flag"));
        Assert.Equal("No MCID published for knee osteoarthritis", Text(berg.QuerySelector("[data-col='mcid']")!, "flag"));
        Assert.Empty(table.FindAll(".flag.met"));
    }

    [Theory]
    [InlineData(1960, "Fall risk, older adults (Berg < 45)")]
    [InlineData(1963, null)]
    public void OlderAdultCutOffsUseThePatientsAgeOnTheDateOfTheLatestResult(int bornIn, string? category)
    {
        // Latest result 13 Apr 2026: born 14 May 1960 is 65, born 14 May 1963 is 62.
        var review = ProgressBuilder.Build(new ProgressPatient(Guid.NewGuid(), "Margaret Thompson", "RW-1007", Condition.OlderAdultFallRisk, new DateOnly(bornIn, 5, 14)),
        [
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.BergBalanceScale, 38),
            Row(42, AssessmentTimePoint.EndOfProgramme, MeasureCodes.BergBalanceScale, 41),
        ]);

        var berg = review.Measures.Single();
        Assert.Equal(category, berg.LatestCategories.SingleOrDefault()?.Text);
        if (category is null)
        {
            Assert.Contains(berg.Notes, n => n.Text.Contains("derived in people aged 65 and over; the patient is 62", StringComparison.Ordinal));
            Assert.Equal("No MDC published for older adults aged 62", berg.Mdc!.Flag);
        }
    }

    [Fact]
    public void TheSixMinuteWalkMcidFollowsTheBaselineComfortableGaitSpeed()
    {
        var review = ProgressBuilder.Build(new ProgressPatient(Guid.NewGuid(), "Jürgen Größmann", "RW-1002", Condition.SubacuteStroke, BornIn1961),
        [
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.TenMetreWalkComfortable, 10m / 28m, 10, 28m),
            Row(0, AssessmentTimePoint.Baseline, MeasureCodes.SixMinuteWalk, 150),
            Row(28, AssessmentTimePoint.EndOfProgramme, MeasureCodes.SixMinuteWalk, 200),
        ]);

        var walk = review.Measures.Single(m => m.Code == MeasureCodes.SixMinuteWalk);
        Assert.Equal("Exceeds MCID (mRS anchor) 44 m", walk.Mcid!.Flag);
        Assert.Equal(Bibliography.FulkHe2018, walk.Mcid.Source);
    }

    [Fact]
    public void NotesSayWhichCutOffsAreNotUsedForThePatientAndCiteTheirSources()
    {
        var notes = View(Scenario()).FindAll("details.measure-notes li").Select(li => Squeeze(li.TextContent)).ToList();
        Assert.Contains(notes, n => n.StartsWith("Not used for chronic stroke: Older-adult fall risk (TUG ≥ 13.5 s): derived in older adults, not in chronic stroke. Shumway-Cook 2000", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("15–19 s", StringComparison.Ordinal) && n.Contains("Matsumoto 2024", StringComparison.Ordinal));
    }

    [Fact]
    public void TheChartsListTheirPointsProgrammeMarkersAndWeeklyMinutes()
    {
        var view = View(Scenario(timeline: SixWeekProgramme));

        var berg = view.Find("figure[data-measure='BBS']");
        Assert.Equal("2", berg.GetAttribute("data-points"));
        Assert.Equal(["Mon 2 Mar 2026 Baseline 38 points", "Mon 13 Apr 2026 End of programme 45 points"],
            berg.QuerySelectorAll("tr[data-kind='point']").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim()))));
        Assert.Equal("35.3–40.7 points", berg.QuerySelector("tr[data-kind='band'] td:last-child")!.TextContent.Trim());
        Assert.Equal(["42 points"], berg.QuerySelectorAll("tr[data-kind='cut-off'] td:last-child").Select(c => c.TextContent.Trim()));
        Assert.Equal(["Programme start: Retro-walking, 6 weeks", "Programme end: Retro-walking, 6 weeks"],
            berg.QuerySelectorAll("tr[data-kind='programme'] td:nth-child(2)").Select(c => c.TextContent.Trim()));
        Assert.Equal(["60 min", "90 min", "120 min"], berg.QuerySelectorAll("tr[data-kind='week'] td:last-child").Select(c => c.TextContent.Trim()));
        Assert.Contains("Programme start", berg.QuerySelector("ul.chart-legend")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Minutes of training per week", berg.QuerySelector("ul.chart-legend")!.TextContent, StringComparison.Ordinal);

        var periods = view.Find(".programme-periods");
        Assert.Equal("3", periods.GetAttribute("data-weeks"));
        Assert.Contains("Retro-walking, 6 weeks: Wed 4 Mar 2026 – Sun 12 Apr 2026", periods.TextContent, StringComparison.Ordinal);

        var summary = view.FindAll("[data-testid='summary'] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, summary.Count);
        Assert.StartsWith("Improved: Berg Balance Scale score rose 7 points (38 → 45 points)", summary[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheChartIsOneSvgWithItsPointsLabelsInTheMeasuresFormatAndNamedCutOffs()
    {
        var view = View(Scenario(timeline: SixWeekProgramme));

        var tug = view.Find("figure[data-measure='TUG'] svg");
        Assert.Equal("img", tug.GetAttribute("role"));
        Assert.Equal("Chart of Timed Up and Go over time: Mon 2 Mar 2026 18.4 s, Mon 13 Apr 2026 13.0 s", tug.GetAttribute("aria-label"));
        Assert.Equal(2, tug.QuerySelectorAll("circle.result").Length);
        Assert.Equal(["18.4 s", "13.0 s"], tug.QuerySelectorAll("g.label-value text").Select(t => t.TextContent.Trim()));
        Assert.Equal(3, tug.QuerySelectorAll("rect.week-bar").Length);
        Assert.Contains("min/week", tug.QuerySelectorAll("g.label-axistitle text").Select(t => t.TextContent.Trim()));
        Assert.Equal(["Programme end", "Programme start"], tug.QuerySelectorAll("g.label-marker text").Select(t => t.TextContent.Trim()).Order());

        var walk = view.Find("figure[data-measure='10MWT-C'] svg");
        Assert.Equal(
            ["Household ambulator, < 0.4 m/s", "Limited community ambulator, 0.4–0.8 m/s"],
            walk.QuerySelectorAll("g.label-cutoff text").Select(t => string.Join(" ", t.Children.Select(line => line.TextContent))).Order());
        Assert.NotNull(walk.QuerySelector("rect.mdc-band"));

        // Plain markup: one component per chart and one for its data table, not one per point or series.
        Assert.Equal(3, view.FindComponents<MeasureChart>().Count);
        Assert.Equal(3, view.FindComponents<ChartDataTable>().Count);
    }

    [Fact]
    public void WithoutProgrammesThereAreNoMarkersAndNoWeeklyMinutes()
    {
        var view = View(Scenario());

        Assert.Empty(view.FindAll("tr[data-kind='programme']"));
        Assert.Empty(view.FindAll("rect.week-bar"));
        Assert.Empty(view.FindAll(".programme-periods"));
        Assert.Equal(3, view.FindAll("figure[data-measure]").Count);
    }
}
