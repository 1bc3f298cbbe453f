using Bunit;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Outcomes;
using RetroWalk.Web.Features.Outcomes;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The dashboard's group card and measure section on hand-made cohorts: a group of six and a group of three.</summary>
public sealed class OutcomeDashboardComponentTests : ComponentTest
{
    private static readonly DateOnly Start = new(2026, 9, 7);

    private static CohortMember Member(string protocol, Condition condition, double tugChange, ProgrammeEnd end = ProgrammeEnd.Completed)
    {
        var change = new MemberChange(MeasureCodes.TimedUpAndGo, 20, 20 + tugChange,
            new CohortMeasureChange(MeasureCodes.TimedUpAndGo, 20, 20 + tugChange, Math.Abs(tugChange) >= 3.2 ? ThresholdComparison.Above : ThresholdComparison.Below, ThresholdComparison.NotAvailable),
            -3.2, "MDC 3.2 s, chronic stroke", null, null);
        var patient = new CohortPatient(Guid.NewGuid(), end, end == ProgrammeEnd.Discontinued ? "Moved away" : null, 0.9, 300, 360, 11,
            new Dictionary<string, int>(), [change.Counted]);
        return new CohortMember(Guid.NewGuid(), patient.PatientId, "Test Patient", condition, protocol == "A" ? Guid.Empty : Guid.NewGuid(),
            $"Protocol {protocol}", 1, "Maria Santos", Start, patient, [change]);
    }

    private static OutcomeDashboard Dashboard()
    {
        List<CohortMember> members =
        [
            .. new[] { -4.0, -3, -2, -5, -1, -3 }.Select(c => Member("A", Condition.ChronicStroke, c)),
            .. new[] { -1.0, -2, 0.5 }.Select((c, i) => Member("B", Condition.KneeOsteoarthritis, c, i == 0 ? ProgrammeEnd.Discontinued : ProgrammeEnd.Completed)),
        ];
        return OutcomeService.Build(new OutcomeQuery(Start, Start.AddDays(30)), OutcomeGrouping.Condition, members);
    }

    [Fact]
    public void AGroupUnderFiveIsMarkedTooSmallButKeepsItsCounts()
    {
        var small = Dashboard().Groups.Single(g => g.Name == "Knee osteoarthritis");

        var card = Render<OutcomeGroupCard>(p => p.Add(x => x.Group, small));

        Assert.Contains("Too small to summarise", card.Find("[data-testid=too-small]").TextContent, StringComparison.Ordinal);
        Assert.Equal("3", card.Find("[data-testid=started]").TextContent);
        Assert.Equal("1 of 3", card.Find("[data-testid=discontinued]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=adherence]"));
        Assert.Contains("Moved away (1)", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMeasureSectionSummarisesOnlyGroupsOfFiveOrMoreAndDrawsTheirBars()
    {
        var dashboard = Dashboard();

        var section = Render<OutcomeMeasureSection>(p => p.Add(x => x.Dashboard, dashboard).Add(x => x.Measure, MeasureCatalogue.Get(MeasureCodes.TimedUpAndGo)));

        var stroke = section.Find("tr[data-group='Chronic stroke']");
        Assert.Equal("6", stroke.QuerySelector("[data-cell=n]")!.TextContent);
        Assert.Equal("−3.00 (−4.48 to −1.52)", stroke.QuerySelector("[data-cell=mean]")!.TextContent);
        Assert.Equal("2 of 6 (33 %)", stroke.QuerySelector("[data-cell=mdc]")!.TextContent);
        var knee = section.Find("tr[data-group='Knee osteoarthritis']");
        Assert.Equal("3", knee.QuerySelector("[data-cell=n]")!.TextContent);
        Assert.Equal("Too small to summarise (n = 3)", knee.QuerySelector("[data-cell=too-small]")!.TextContent);
        Assert.Null(knee.QuerySelector("[data-cell=mean]"));

        // One bar (the small group has none, only its label), whiskers for it, and all nine individual changes.
        var bars = section.Find("[data-testid=measure-tug-bars]");
        Assert.Equal("img", bars.GetAttribute("role"));
        Assert.StartsWith("Bar chart of the mean change in Timed Up and Go", bars.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Single(bars.QuerySelectorAll("rect.bar"));
        Assert.Contains("too small to summarise", bars.TextContent, StringComparison.Ordinal);
        Assert.Equal(9, section.FindAll("[data-testid=measure-tug-distribution] circle.dot").Count);
        Assert.Single(section.FindAll("[data-testid=measure-tug-distribution] line.line-mdc"));
        Assert.Equal(9, section.FindAll("[data-testid=measure-tug-data] tbody tr").Count);
    }
}
