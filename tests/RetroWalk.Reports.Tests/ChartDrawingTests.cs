using RetroWalk.Clinical.Charts;

namespace RetroWalk.Reports.Tests;

/// <summary>The report's charts as drawn on the page: read back with pdftotext and rendered with pdftoppm.</summary>
public sealed class ChartDrawingTests
{
    private static readonly ProgressReportRenderer Renderer = new();

    private static byte[] ChartsOnly(ProgressReport report, ReportPageSize size = ReportPageSize.A4) =>
        Renderer.Render(report, new ReportOptions { Sections = ReportSections.Charts, PageSize = size });

    [Theory]
    [InlineData(ReportPageSize.A4)]
    [InlineData(ReportPageSize.UsLetter)]
    public void EveryLabelSitsWhereTheSharedLayoutPutsIt(ReportPageSize size)
    {
        var report = SampleReports.Typical();
        var pdf = ChartsOnly(report, size);
        var words = Poppler.WordBoxes(pdf).Where(w => w.Page == 1).ToList();
        var layout = ChartLayout.For(report.Charts[0]);

        // The chart's own origin: its unit title ("points") is drawn at the layout's left edge.
        var title = layout.Labels.Single(l => l.Kind == ChartLabelKind.AxisTitle && l.Text == "points");
        var chartTitle = words.First(t => t.Word == "Berg");
        var origin = words.Where(w => w.Word == "points" && w.YMin > chartTitle.YMax).MinBy(w => w.YMin);
        // The chart spans the text width: the page less its two 42 pt side margins.
        var scale = (origin.PageWidth - 84) / ChartSize.Standard.Width;

        var placed = layout.Labels.Where(l => l.Kind is ChartLabelKind.Value or ChartLabelKind.CutOff or ChartLabelKind.Baseline or ChartLabelKind.Marker).ToList();
        Assert.NotEmpty(placed);
        foreach (var label in placed)
        {
            var first = label.Lines[0].Split(' ')[0];
            var x = origin.XMin + ((label.Box.X - title.Box.X) * scale);
            var y = origin.YMin + ((label.Box.Y - title.Box.Y) * scale);
            var nearest = words.Where(w => w.Word == first).Min(w => Math.Abs(w.XMin - x) + Math.Abs(w.YMin - y));
            Assert.True(nearest < 2, $"'{label.Text}' is drawn {nearest:0.0} pt away from where the layout puts it.");
        }
    }

    [Fact]
    public void NoTwoWordsOnAChartPageOverlap()
    {
        var report = SampleReports.Typical() with
        {
            Charts =
            [
                .. SampleReports.Typical().Charts,
                // Results that zigzag across every reference line.
                SampleReports.Typical().Charts[0] with
                {
                    Values = [.. Enumerable.Range(0, 12).Select(i => new ChartValue(SampleReports.ProgrammeStart.AddDays(i * 7), i % 2 == 0 ? 36 : 46, i % 2 == 0 ? "36 points" : "46 points"))],
                },
            ],
        };

        var words = Poppler.WordBoxes(ChartsOnly(report));

        foreach (var page in words.GroupBy(w => w.Page))
        {
            var list = page.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var overlaps = a.XMin < b.XMax - 0.3 && b.XMin < a.XMax - 0.3 && a.YMin < b.YMax - 0.3 && b.YMin < a.YMax - 0.3;
                    Assert.False(overlaps, $"Page {page.Key}: '{a.Word}' overlaps '{b.Word}'.");
                }
            }
        }
    }

    [Fact]
    public void TheBandTheCutOffsAndTheWeeklyBarsAreDrawnInTheirColours()
    {
        var (width, height, pixels) = Poppler.RasterizeColour(ChartsOnly(SampleReports.Typical()), page: 1, dpi: 100);

        int Count(string hex, int tolerance)
        {
            var (r, g, b) = (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
            var count = 0;
            for (var i = 0; i < width * height * 3; i += 3)
            {
                if (Math.Abs(pixels[i] - r) <= tolerance && Math.Abs(pixels[i + 1] - g) <= tolerance && Math.Abs(pixels[i + 2] - b) <= tolerance)
                {
                    count++;
                }
            }
            return count;
        }

        // Areas: the band (80 % over white) and the bars; lines: the series and the red cut-offs.
        Assert.True(Count("#deebf7", 3) > 20_000, "The ± MDC band is not drawn.");
        Assert.True(Count(ChartPalette.Bars, 3) > 20_000, "The weekly bars are not drawn.");
        Assert.True(Count(ChartPalette.Series, 12) > 1_000, "The results' line is not drawn.");
        Assert.True(Count(ChartPalette.CutOff, 20) > 150, "The cut-off lines are not drawn.");
    }
}
