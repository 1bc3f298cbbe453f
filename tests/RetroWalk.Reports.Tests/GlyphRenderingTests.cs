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
