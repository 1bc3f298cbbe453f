using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Tests.Evidence;

public class BibliographyTests
{
    /// <summary>Every value of every measure with a description, for messages.</summary>
    private static IEnumerable<(string What, SourcedValue Value)> CatalogueValues() =>
        MeasureCatalogue.All.SelectMany(m => m.SourcedValues.Select(v => (What: $"{m.Code} {Describe(v)}", Value: v)));

    private static string Describe(SourcedValue value) => value switch
    {
        ChangeThreshold t => $"{t.DisplayName} {t.Value} ({t.Population})",
        CutOffScheme s => s.Title,
        Norm n => $"norm {n.Group}",
        _ => value.GetType().Name,
    };

    [Fact]
    public void EveryCatalogueValueHasAReferenceRecordInTheBibliography()
    {
        var values = CatalogueValues().ToList();
        Assert.True(values.Count >= 45, $"expected the whole catalogue, found {values.Count} values");
        Assert.All(values, v =>
        {
            Assert.True(Bibliography.All.Contains(v.Value.Source), $"{v.What}: {v.Value.Source.Label} is not in the bibliography");
            Assert.True(v.Value.ConfirmedThrough is null || Bibliography.All.Contains(v.Value.ConfirmedThrough), $"{v.What}: confirming source not in the bibliography");
        });
    }

    [Fact]
    public void EveryNoteAndCaveatCitesOnlyBibliographyReferences()
    {
        var remarks = MeasureCatalogue.All.SelectMany(m => m.Notes.Concat(m.CutOffs.Select(c => c.Caveat).OfType<Remark>()));
        Assert.All(remarks.SelectMany(r => r.Sources), r => Assert.Contains(r, Bibliography.All));
        Assert.Contains(SixMinuteWalk.Source, Bibliography.All);
    }

    [Fact]
    public void AValueWhoseReferenceLacksADoiOrPmidIsNeverMarkedVerified()
    {
        Assert.All(CatalogueValues().Where(v => v.Value.IsVerified), v =>
            Assert.True(v.Value.Source.HasIdentifier, $"{v.What} is verified but {v.Value.Source.Label} has no DOI or PMID"));
    }

    [Theory]
    [InlineData("carter-2019")]
    [InlineData("van-bloemendaal-2019")]
    [InlineData("fga-community-stroke")]
    [InlineData("lajoie-gallagher-2004")]
    [InlineData("shumway-cook-baldwin-1997")]
    public void ValuesFromSourcesWithoutAnIdentifierAreUnverified(string key)
    {
        var reference = Bibliography.Find(key)!;
        Assert.False(reference.HasIdentifier);
        var values = CatalogueValues().Where(v => v.Value.Source == reference).ToList();
        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(EvidenceStatus.Unverified, v.Value.Status));
    }

    [Fact]
    public void ValuesConfirmedThroughASecondarySourceSaySo()
    {
        var secondary = CatalogueValues().Where(v => v.Value.Status == EvidenceStatus.VerifiedThroughSecondary).ToList();
        Assert.Contains(secondary, v => v.Value.Source == Bibliography.Berg1992 && v.Value.ConfirmedThrough == Bibliography.ThorbahnNewton1996);
        Assert.Contains(secondary, v => v.Value.Source == Bibliography.ShumwayCook2000 && v.Value.ConfirmedThrough == Bibliography.Barry2014);
        Assert.Contains(secondary, v => v.Value.Source == Bibliography.Perry1995 && v.Value.ConfirmedThrough == Bibliography.Schmid2007);
    }

    [Fact]
    public void EveryReferenceHasTitleJournalPopulationAndWhatWasMeasured()
    {
        Assert.All(Bibliography.All, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Title), r.Key);
            Assert.False(string.IsNullOrWhiteSpace(r.Journal), r.Key);
            Assert.False(string.IsNullOrWhiteSpace(r.Population), r.Key);
            Assert.False(string.IsNullOrWhiteSpace(r.Measured), r.Key);
        });
    }

    [Fact]
    public void AReferenceWithAMissingPartSaysWhatIsMissing()
    {
        // A published paper without authors, year, volume/pages or an identifier must say so in its record note;
        // registrations and preprints have no volume or pages.
        Assert.All(Bibliography.All.Where(r => r.Registration is null || r.Doi is not null), r =>
        {
            var incomplete = r.Authors is null || r.Year is null || ((r.Volume is null || r.Pages is null) && !r.Journal.Contains("preprint", StringComparison.Ordinal)) || !r.HasIdentifier;
            if (incomplete && r.RecordNote is null)
            {
                Assert.Fail($"{r.Key} is incomplete and does not say what is missing");
            }
        });
    }

    [Fact]
    public void KeysAndLabelsAreUniqueAndNoLabelHidesInsideAnother()
    {
        Assert.Equal(Bibliography.All.Count, Bibliography.All.Select(r => r.Key).Distinct().Count());
        Assert.Equal(Bibliography.All.Count, Bibliography.All.Select(r => r.Label).Distinct().Count());
        foreach (var a in Bibliography.All)
        {
            foreach (var b in Bibliography.All.Where(b => b != a))
            {
                Assert.False(b.Label.Contains(a.Label, StringComparison.Ordinal), $"'{a.Label}' is part of '{b.Label}'");
            }
        }
    }

    [Fact]
    public void EveryReferenceInTheBibliographyIsReliedOn()
    {
        var used = MeasureCatalogue.All.SelectMany(m => m.References)
            .Concat(ProtocolTemplates.All.SelectMany(t => ProtocolTemplates.References(t.Key)))
            .Append(ProtocolTemplates.ScreeningSource)
            .ToHashSet();
        Assert.Empty(Bibliography.All.Where(r => !used.Contains(r)).Select(r => r.Key));
    }

    [Fact]
    public void CitationIsTheFullReference() =>
        Assert.Equal(
            "Alghadir AH, Al-Eisa ES, Anwer S, Sarkar B. Reliability, validity, and responsiveness of three scales for measuring balance in patients with chronic stroke. "
            + "BMC Neurol 2018;18:141. doi:10.1186/s12883-018-1146-9. PMID 30213258.",
            Bibliography.Alghadir2018.Citation);

    [Fact]
    public void IncompleteRecordSaysSoInItsCitation() =>
        Assert.Equal(
            "Carter V, Jain T, James J, Cornwall M, Aldrich A, de Heer HD. The 3-m backwards walk and retrospective falls: diagnostic accuracy of a novel clinical measure. "
            + "J Geriatr Phys Ther 2019. Volume, pages, DOI and PMID not confirmed.",
            Bibliography.Carter2019.Citation);

    [Fact]
    public void LinksPreferTheDoiThenPubMedThenTheRegistry()
    {
        Assert.Equal("https://doi.org/10.1186/s12883-018-1146-9", Bibliography.Alghadir2018.Url);
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/31633440/", Bibliography.Shen2021.Url);
        Assert.Equal("https://clinicaltrials.gov/study/NCT07649863", Bibliography.Nct07649863.Url);
        Assert.Null(Bibliography.Carter2019.Url);
    }

    [Fact]
    public void FindReturnsAReferenceByKey()
    {
        Assert.Same(Bibliography.Tilson2012, Bibliography.Find("tilson-2012"));
        Assert.Null(Bibliography.Find("nobody-1900"));
    }
}
