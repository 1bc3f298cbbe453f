using System.Globalization;
using System.Text.RegularExpressions;

namespace RetroWalk.Reports.Tests;

public partial class ReportLayoutTests
{
    private static readonly ProgressReportRenderer Renderer = new();

    [Fact]
    public void LongSessionHistorySpillsOntoMorePagesWithHeaderRowRepeated()
    {
        var pages = Poppler.Pages(Renderer.Render(SampleReports.Typical(sessionCount: 80), new ReportOptions { Sections = ReportSections.SessionHistory }));

        Assert.True(pages.Length >= 3, $"80 sessions should need at least 3 pages, got {pages.Length}.");
        for (var i = 1; i < pages.Length; i++)
        {
            Assert.Contains("Session history (continued)", pages[i]);
            Assert.Matches(TableHeaderRow(), pages[i]);
        }
        Assert.DoesNotContain("(continued)", pages[0]);
    }

    [Fact]
    public void EverySessionRowAppearsOnceAndWhole()
    {
        var sessions = SampleReports.Sessions(80);
        var pages = Poppler.Pages(Renderer.Render(SampleReports.Typical(sessionCount: 80), new ReportOptions { Sections = ReportSections.SessionHistory }));

        var rowLines = pages.SelectMany(p => p.Split('\n')).Where(l => SessionRowLine().IsMatch(l)).ToList();
        Assert.Equal(80, rowLines.Count);
        foreach (var session in sessions)
        {
            var date = session.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            Assert.Single(rowLines, l => l.TrimStart().StartsWith(date + " ", StringComparison.Ordinal));
        }
        // A row is never split: both lines of a two-line note sit on the same page as their date.
        Assert.All(pages.Where(p => p.Contains("Light touch on handrails", StringComparison.Ordinal)),
            page => Assert.Equal(
                Regex.Count(page, "Light touch on handrails throughout"),
                Regex.Count(page, "upright. BP before 132/84, after 138/86. No pain.")));
    }

    [Fact]
    public void LongCellTextWrapsInsteadOfBeingCutOff()
    {
        var note = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"note{i:00}"));
        var sessions = SampleReports.Sessions(3).ToList();
        sessions[1] = sessions[1] with { Notes = note };
        var report = SampleReports.Typical() with { Sessions = sessions };

        var text = Poppler.Text(Renderer.Render(report, new ReportOptions { Sections = ReportSections.SessionHistory }));

        var positions = Enumerable.Range(1, 60).Select(i => text.IndexOf($"note{i:00}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData(ReportPageSize.A4, "595 x 842 pts (A4)")]
    [InlineData(ReportPageSize.UsLetter, "612 x 792 pts (letter)")]
    public void EveryPageHasTheChosenPageSize(ReportPageSize size, string expected)
    {
        var pdf = Renderer.Render(SampleReports.Typical(sessionCount: 80), new ReportOptions { PageSize = size });

        var sizes = Poppler.PageSizes(pdf);
        Assert.Equal(Poppler.PageCount(pdf), sizes.Count);
        Assert.All(sizes, s => Assert.Equal(expected, s));
        Assert.Contains($"Page {sizes.Count} of {sizes.Count}", Poppler.Text(pdf));
    }

    [Theory]
    [InlineData(ReportPageSize.A4)]
    [InlineData(ReportPageSize.UsLetter)]
    public void AllTextStaysInsideThePageMargins(ReportPageSize size)
    {
        var report = SampleReports.Typical("Αλέξανδρος Παπαδόπουλος", 80) with { AssessmentAndPlan = LongAssessment(30) };

        var words = Poppler.WordBoxes(Renderer.Render(report, new ReportOptions { PageSize = size }));

        Assert.NotEmpty(words);
        Assert.All(words, w =>
        {
            Assert.True(w.XMin >= 20 && w.XMax <= w.PageWidth - 20, $"'{w.Word}' on page {w.Page} runs into the side margin ({w.XMin:0}–{w.XMax:0} of {w.PageWidth:0}).");
            Assert.True(w.YMin >= 20 && w.YMax <= w.PageHeight - 20, $"'{w.Word}' on page {w.Page} runs into the top or bottom margin ({w.YMin:0}–{w.YMax:0} of {w.PageHeight:0}).");
        });
    }

    [Fact]
    public void FooterStaysClearOfTheContent()
    {
        var words = Poppler.WordBoxes(Renderer.Render(SampleReports.Typical(sessionCount: 80)));

        foreach (var page in words.GroupBy(w => w.Page))
        {
            var footerTop = page.Where(w => w.Word == "Confidential").Min(w => w.YMin);
            var contentBottom = page.Where(w => w.YMax < footerTop).Max(w => w.YMax);
            Assert.True(footerTop - contentBottom > 8, $"Page {page.Key}: content ends at {contentBottom:0}, footer starts at {footerTop:0}.");
        }
    }

    [Fact]
    public void LongFreeTextWrapsFlowsOntoNewPagesAndIsFullyPresent()
    {
        var report = SampleReports.Typical() with { AssessmentAndPlan = LongAssessment(40) };

        var pdf = Renderer.Render(report, new ReportOptions { Sections = ReportSections.AssessmentAndPlan });

        Assert.True(Poppler.PageCount(pdf) >= 3);
        var text = Poppler.Text(pdf);
        var positions = Enumerable.Range(1, 40 * 60).Select(i => text.IndexOf($"w{i:0000}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void WordLongerThanALineIsBrokenNotCut()
    {
        var word = string.Concat(Enumerable.Range(0, 40).Select(i => $"segment{i:00}"));
        var report = SampleReports.Typical() with { AssessmentAndPlan = "Before " + word + " after." };

        var text = Poppler.Text(Renderer.Render(report, new ReportOptions { Sections = ReportSections.AssessmentAndPlan }));

        var body = text[text.IndexOf("Before", StringComparison.Ordinal)..text.IndexOf("after.", StringComparison.Ordinal)];
        Assert.Contains(word, string.Concat(body.Where(c => !char.IsWhiteSpace(c))));
        Assert.True(body.Contains('\n', StringComparison.Ordinal), "The long word should wrap onto more than one line.");
    }

    private static string LongAssessment(int paragraphs)
    {
        var counter = 0;
        return string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(_ =>
            string.Join(' ', Enumerable.Range(0, 60).Select(_ => $"w{++counter:0000}"))));
    }

    [GeneratedRegex(@"Date\s+Status\s+Main\s+Speed\s+Incline\s+RPE\s+Notes")]
    private static partial Regex TableHeaderRow();

    [GeneratedRegex(@"^\s*\d{1,2} [A-Z][a-z]{2} \d{4}\s+(Completed|Missed)\s")]
    private static partial Regex SessionRowLine();
}
