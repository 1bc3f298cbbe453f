using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RetroWalk.Reports.Tests;

/// <summary>What a reader sees on paper, not only what text extraction finds.</summary>
public class GlyphRenderingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void VietnameseStackedAccentsAreDrawn(bool bold)
    {
        PdfSetup.EnsureInitialised();

        // "ễ" is "e" plus a circumflex-and-tilde glyph that is itself built from two glyphs.
        var plain = InkTop(DrawLetter("e", bold));
        var accented = InkTop(DrawLetter("ễ", bold));
        var circumflexOnly = InkTop(DrawLetter("ê", bold));

        Assert.True(accented < circumflexOnly, $"The tilde above the circumflex is missing (ink starts at row {accented}, 'ê' at {circumflexOnly}, 'e' at {plain}).");
        Assert.True(circumflexOnly < plain);
    }

    [Fact]
    public void ReportShowsTheStackedAccentsOfVietnameseNames()
    {
        var renderer = new ProgressReportRenderer();
        var withAccents = Poppler.Rasterize(renderer.Render(SampleReports.Empty("Nguyễn")), 1, 72);
        var without = Poppler.Rasterize(renderer.Render(SampleReports.Empty("Nguyen")), 1, 72);

        Assert.NotEqual(Darkness(without.Pixels), Darkness(withAccents.Pixels));
    }

    [Fact]
    public void TheReportDrawsTheStackedAccentsAboveE()
    {
        // A name in which "ễ" and "e" are words of their own, so that pdftotext gives each one's box.
        var pdf = new ProgressReportRenderer().Render(SampleReports.Empty("Nguyễn ễ e"));

        var (aboveAccented, abovePlain) = InkAboveTheTopOfE(pdf);

        Assert.True(aboveAccented >= MinimumAccentInk, $"No accent drawn above 'ễ' ({aboveAccented} dark pixels there, {abovePlain} above 'e').");
        Assert.Equal(0, abovePlain);
    }

    [Theory]
    [InlineData(ReportFontResolver.PrimaryFamily, true)]
    [InlineData(ReportFontResolver.AsInstalledFamilyName, false)]
    public void TheAccentCheckSeesWhetherTheFlattenerDidItsWork(string family, bool accentsExpected)
    {
        PdfSetup.EnsureInitialised();

        // DejaVu Sans as installed (the flattener switched off) draws "ễ" as a bare "e" in PDFsharp's subset.
        var (aboveAccented, abovePlain) = InkAboveTheTopOfE(DrawLine("ễ e", family));

        Assert.True(accentsExpected == aboveAccented >= MinimumAccentInk, $"{aboveAccented} dark pixels above the \"ễ\" drawn in {family}.");
        Assert.Equal(0, abovePlain);
    }

    /// <summary>Dark pixels at 300 dpi that an accent of 10-point text or larger leaves, and a bare letter does not.</summary>
    private const int MinimumAccentInk = 20;

    /// <summary>
    /// Renders page 1 with pdftoppm and counts the dark pixels above the top of the ink of the first "e" word,
    /// over the width of the "ễ" word on the same line and over the width of that "e".
    /// </summary>
    private static (int AboveAccented, int AbovePlain) InkAboveTheTopOfE(byte[] pdf)
    {
        const int Dpi = 300;
        var words = Poppler.WordBoxes(pdf).Where(w => w.Page == 1).ToList();
        var accented = words.First(w => w.Word == "ễ");
        var plain = words.First(w => w.Word == "e" && Math.Abs(w.YMin - accented.YMin) < 0.5);
        var (width, _, pixels) = Poppler.Rasterize(pdf, 1, Dpi);

        static int Px(double points) => (int)Math.Round(points * Dpi / 72);
        bool Dark(int x, int y) => pixels[y * width + x] < 128;
        IEnumerable<int> Columns(double from, double to) => Enumerable.Range(Px(from), Px(to) - Px(from));

        var plainTop = Enumerable.Range(Px(plain.YMin), Px(plain.YMax) - Px(plain.YMin))
            .First(y => Columns(plain.XMin, plain.XMax).Any(x => Dark(x, y)));
        // From the top of the word box (the font's ascent, which stacked accents stay within) to the top of "e".
        var top = Px(accented.YMin);
        int InkAbove(double from, double to) =>
            Enumerable.Range(top, plainTop - top).Sum(y => Columns(from, to).Count(x => Dark(x, y)));
        return (InkAbove(accented.XMin, accented.XMax), InkAbove(plain.XMin, plain.XMax));
    }

    private static byte[] DrawLine(string text, string family)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(300);
        page.Height = XUnit.FromPoint(120);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(family, 14, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            gfx.DrawString(text, font, XBrushes.Black, 40, 60);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static byte[] DrawLetter(string letter, bool bold)
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(300);
        page.Height = XUnit.FromPoint(300);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var font = new XFont("DejaVu Sans", 160, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            gfx.DrawString(letter, font, XBrushes.Black, 60, 250);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The first pixel row with any ink.</summary>
    private static int InkTop(byte[] pdf)
    {
        var (width, height, pixels) = Poppler.Rasterize(pdf, 1, 72);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (pixels[y * width + x] < 128)
                {
                    return y;
                }
            }
        }
        return height;
    }

    private static long Darkness(byte[] pixels) => pixels.Sum(p => 255L - p);
}
