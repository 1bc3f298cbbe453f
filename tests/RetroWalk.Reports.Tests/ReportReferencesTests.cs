namespace RetroWalk.Reports.Tests;

public class ReportReferencesTests
{
    private static readonly ProgressReportRenderer Renderer = new();

    /// <summary>Labels of the report's candidate sources that the text of the PDF shows.</summary>
    private static List<string> LabelsIn(string text) =>
        [.. SampleReports.References.Select(r => r.Label).Where(label => text.Contains(label, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void TheReferencesSectionListsExactlyTheSourcesCitedOnThePages()
    {
        var (body, references) = Poppler.BodyAndReferences(Renderer.Render(SampleReports.Typical()));

        var cited = LabelsIn(body);
        Assert.Equal(["Chang 2021", "Fulk & He 2018", "Lewek & Sykes 2019"], cited);
        Assert.Equal(cited, LabelsIn(references));
        // Each is given in full; the source no page cites is not listed.
        Assert.Contains("Fulk GD, He Y. Minimal clinically important difference of the 6-minute walk test in people with stroke. J Neurol Phys Ther 2018;42(4):235–240.", references, StringComparison.Ordinal);
        Assert.Contains("doi:10.3390/ijerph18052376. PMID 33804374.", references, StringComparison.Ordinal);
        Assert.DoesNotContain("Tilson", references, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportEndsWithItsReferencesInLabelOrder()
    {
        var pages = Poppler.Pages(Renderer.Render(SampleReports.Typical()));
        var last = Poppler.Squeeze(pages[^1]);

        var signature = last.IndexOf("Therapist: Anna Kowalczyk, PT", StringComparison.Ordinal);
        var heading = last.IndexOf("References", signature, StringComparison.Ordinal);
        Assert.True(signature >= 0 && heading > signature, "References follow the signature on the last page.");
        var chang = last.IndexOf("Chang 2021", heading, StringComparison.Ordinal);
        var fulk = last.IndexOf("Fulk & He 2018", heading, StringComparison.Ordinal);
        var lewek = last.IndexOf("Lewek & Sykes 2019", heading, StringComparison.Ordinal);
        Assert.True(chang < fulk && fulk < lewek, "Listed in label order.");
    }

    [Fact]
    public void WithoutTheOutcomesSectionNothingIsCitedAndThereIsNoReferencesSection()
    {
        var options = new ReportOptions { Sections = ReportSections.SessionHistory | ReportSections.Charts };

        var (body, references) = Poppler.BodyAndReferences(Renderer.Render(SampleReports.Typical(), options));

        Assert.Empty(LabelsIn(body));
        Assert.Equal("", references);
    }

    [Fact]
    public void OnlyTheSourcesOfTheSectionsPrintedAreListed()
    {
        // The protocol name in the patient summary names Chang 2021; the outcome table is left out.
        var options = new ReportOptions { Sections = ReportSections.PatientSummary };

        var (body, references) = Poppler.BodyAndReferences(Renderer.Render(SampleReports.Typical(), options));

        Assert.Equal(["Chang 2021"], LabelsIn(body));
        Assert.Equal(["Chang 2021"], LabelsIn(references));
    }

    [Fact]
    public void ASourceNamedInTheAssessmentAndPlanIsListedToo()
    {
        var report = SampleReports.Typical() with { AssessmentAndPlan = "Berg 40 today; Tilson 2012 puts 42 or less at risk of multiple falls after stroke." };
        var options = new ReportOptions { Sections = ReportSections.AssessmentAndPlan };

        var (body, references) = Poppler.BodyAndReferences(Renderer.Render(report, options));

        Assert.Equal(["Tilson 2012"], LabelsIn(body));
        Assert.Equal(["Tilson 2012"], LabelsIn(references));
        Assert.Contains("Stroke 2012;43(2):446–452.", references, StringComparison.Ordinal);
    }

    [Fact]
    public void AReportWithoutSourcesHasNoReferencesSection()
    {
        var (_, references) = Poppler.BodyAndReferences(Renderer.Render(SampleReports.Typical() with { References = [] }));
        Assert.Equal("", references);
    }
}
