using Bunit;
using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Features.Evidence;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class SourcesTests : ComponentTest
{
    [Fact]
    public void AReferenceLinkShowsTheShortLabelWithTheFullReferenceOneClickAway()
    {
        var link = Render<ReferenceLink>(p => p.Add(x => x.Reference, Bibliography.Tilson2012));

        var details = link.Find("details.reference");
        Assert.False(details.HasAttribute("open"));
        Assert.Equal("Tilson 2012", link.Find("summary").TextContent.Trim());
        Assert.Equal(Bibliography.Tilson2012.Citation, link.Find("[data-testid='reference-full'] cite").TextContent.Trim());
        Assert.Equal("https://doi.org/10.1161/STROKEAHA.111.636258", link.Find("[data-testid='reference-full'] a[target='_blank']").GetAttribute("href"));
        Assert.Equal("sources#ref-tilson-2012", link.Find("a[href^='sources']").GetAttribute("href"));
    }

    [Fact]
    public void AReferenceWithoutDoiPmidOrRegistrationOffersNoSourceLinkAndSaysWhatIsMissing()
    {
        var link = Render<ReferenceLink>(p => p.Add(x => x.Reference, Bibliography.Carter2019));

        Assert.Empty(link.FindAll("a[target='_blank']"));
        Assert.EndsWith("Volume, pages, DOI and PMID not confirmed.", link.Find("cite").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSourcesPageHasAGroupPerMeasureThenTheTemplatesAndDefaults()
    {
        var page = Render<SourcesPage>();

        Assert.Equal(
            [.. MeasureCatalogue.All.Select(m => m.Name), "Protocol templates", "Protocol defaults"],
            page.FindAll("section[data-group] > h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(SourceIndex.Groups.Count, page.FindAll("nav[aria-label='Sources by measure'] a").Count);
    }

    [Fact]
    public void EveryReferenceTheAppReliesOnIsListedInFullWithOneAnchor()
    {
        var page = Render<SourcesPage>();

        foreach (var reference in Bibliography.All)
        {
            var entries = page.FindAll($"[data-reference='{reference.Key}']");
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal(reference.Citation, e.QuerySelector("cite")!.TextContent.Trim()));
            Assert.Single(page.FindAll($"#ref-{reference.Key}"));
        }
    }

    [Fact]
    public void EachMeasureGroupListsItsReferencesWithWhatTheyAreUsedForAndTheirStatus()
    {
        var page = Render<SourcesPage>();

        var berg = page.Find("section[data-group='BBS']");
        Assert.Equal(MeasureCatalogue.BergBalanceScale.References.Select(r => r.Key).ToHashSet(),
            berg.QuerySelectorAll("[data-reference]").Select(e => e.GetAttribute("data-reference")!).ToHashSet());
        var tilson = berg.QuerySelector("[data-reference='tilson-2012']")!;
        Assert.Equal("408 community-dwelling people able to walk, assessed about 2 months after stroke", tilson.QuerySelector(".source-facts dd")!.TextContent.Trim());
        var use = tilson.QuerySelector(".source-uses li")!;
        Assert.StartsWith("Cut-off: Multiple or injurious falls after stroke (Berg ≤ 42), stroke, about 2 months after onset", use.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Verified", use.GetAttribute("data-status"));

        var carter = page.Find("section[data-group='3MBWT'] [data-reference='carter-2019']");
        Assert.Contains("Unverified: not used", carter.TextContent, StringComparison.Ordinal);

        var templates = page.Find("section[data-group='templates']");
        Assert.Contains("Template: Chronic stroke, backward locomotor treadmill training, 2 weeks",
            templates.QuerySelector("[data-reference='bltt-front-neurol-2022']")!.TextContent, StringComparison.Ordinal);
    }
}
