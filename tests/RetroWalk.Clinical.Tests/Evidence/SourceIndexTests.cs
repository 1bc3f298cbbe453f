using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Evidence;

public class SourceIndexTests
{
    [Fact]
    public void GroupsAreTheMeasuresThenTemplatesThenDefaults() =>
        Assert.Equal(
            [.. MeasureCatalogue.All.Select(m => m.Name), "Protocol templates", "Protocol defaults"],
            SourceIndex.Groups.Select(g => g.Title));

    [Fact]
    public void EveryBibliographyReferenceIsListedInSomeGroup()
    {
        var listed = SourceIndex.Groups.SelectMany(g => g.References).Select(r => r.Reference).ToHashSet();
        Assert.Empty(Bibliography.All.Where(r => !listed.Contains(r)).Select(r => r.Key));
    }

    [Fact]
    public void EachMeasureGroupListsExactlyTheMeasuresReferences()
    {
        foreach (var measure in MeasureCatalogue.All)
        {
            var group = SourceIndex.Groups.Single(g => g.Key == measure.Code);
            Assert.Equal(measure.References.ToHashSet(), group.References.Select(r => r.Reference).ToHashSet());
            Assert.Equal(group.References.Count, group.References.Select(r => r.Reference).Distinct().Count());
        }
    }

    [Fact]
    public void UsesSayWhatEachReferenceSupportsAndItsStatus()
    {
        var berg = SourceIndex.Groups.Single(g => g.Key == "BBS");
        var tilson = berg.References.Single(r => r.Reference == Bibliography.Tilson2012);
        Assert.Equal([new SourceUse("Cut-off: Multiple or injurious falls after stroke (Berg ≤ 42), stroke, about 2 months after onset", EvidenceStatus.Verified)], tilson.Uses);

        var donoghue = berg.References.Single(r => r.Reference == Bibliography.DonoghueStokes2009);
        Assert.Equal("MDC 4 points, older adults over 65, baseline 45–56 points", donoghue.Uses[0].What);
        Assert.Equal(4, donoghue.Uses.Count);

        var thorbahn = berg.References.Single(r => r.Reference == Bibliography.ThorbahnNewton1996);
        Assert.StartsWith("Confirms Cut-off: Fall risk, older adults (Berg < 45)", thorbahn.Uses[0].What, StringComparison.Ordinal);
    }

    [Fact]
    public void UnverifiedValuesAreListedAsSuch()
    {
        var carter = SourceIndex.Groups.Single(g => g.Key == "3MBWT").References.Single(r => r.Reference == Bibliography.Carter2019);
        Assert.Equal(EvidenceStatus.Unverified, Assert.Single(carter.Uses).Status);
    }

    [Fact]
    public void TemplatesAndScreeningDefaultsHaveTheirSources()
    {
        var templates = SourceIndex.Groups.Single(g => g.Key == "templates");
        Assert.Contains(templates.References, r => r.Reference == Bibliography.BlttFrontNeurol2022
            && r.Uses.Single().What == "Template: Chronic stroke, backward locomotor treadmill training, 2 weeks");
        var defaults = Assert.Single(SourceIndex.Groups.Single(g => g.Key == "defaults").References);
        Assert.Equal(Bibliography.Nct02710773, defaults.Reference);
    }
}
