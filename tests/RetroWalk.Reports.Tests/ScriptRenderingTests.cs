using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RetroWalk.Reports.Layout;

namespace RetroWalk.Reports.Tests;

/// <summary>
/// Names in Hebrew, Arabic and Chinese/Japanese/Korean are drawn with Debian's fallback fonts, right to left where
/// they are written so, Arabic letters joined; scripts the PDF cannot shape are named in a note instead of boxes.
/// Checked in the text layer (pdftotext) and in the pixels (pdftoppm).
/// </summary>
public class ScriptRenderingTests
{
    private static readonly ProgressReportRenderer Renderer = new();

    [Fact]
    public void TheFallbackFontsAreInstalledAndFound()
    {
        // Set up here, not by whichever rendering test happens to run first.
        PdfSetup.EnsureInitialised();
        Assert.Equal(["Noto Sans Hebrew", "Noto Sans Arabic", "WenQuanYi Micro Hei"], PdfSetup.FallbackFamilies);
    }

    [Fact]
    public void AHebrewNameExtractsInReadingOrderAndIsDrawnRightToLeft()
    {
        var pdf = Renderer.Render(SampleReports.Empty("דוד כהן"));

        Assert.Contains("דוד כהן", Readable(Poppler.Text(pdf)), StringComparison.Ordinal);
        // The first word is drawn to the right of the second (word boxes hold the glyphs as drawn, left to right).
        var header = Poppler.WordBoxes(pdf).Where(w => w.Page == 1).ToList();
        Assert.True(header.First(w => w.Word == Reversed("דוד")).XMin > header.First(w => w.Word == Reversed("כהן")).XMax);
        Assert.Contains("Noto Sans Hebrew", Poppler.Fonts(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void AnArabicNameIsJoinedDrawnRightToLeftAndExtractsInReadingOrder()
    {
        var pdf = Renderer.Render(SampleReports.Empty("محمد علي الأحمد"));
        var text = Readable(Poppler.Text(pdf));

        // The text layer holds the joined letter forms: initial meem, medial hah and meem, final dal; in الأحمد the
        // lam and hamza-alef make one ligature, which does not join the hah after it (initial hah).
        Assert.Contains("\uFEE3\uFEA4\uFEE4\uFEAA", text, StringComparison.Ordinal);
        Assert.Contains("\uFE8D\uFEF7\uFEA3\uFEE4\uFEAA", text, StringComparison.Ordinal);
        Assert.Contains("محمد علي الأحمد", text.Normalize(NormalizationForm.FormKC), StringComparison.Ordinal);
        var header = Poppler.WordBoxes(pdf).Where(w => w.Page == 1).ToList();
        var first = header.First(w => w.Word.Normalize(NormalizationForm.FormKC) == Reversed("محمد"));
        var second = header.First(w => w.Word.Normalize(NormalizationForm.FormKC) == Reversed("علي"));
        Assert.True(first.XMin > second.XMax);
        Assert.Contains("Noto Sans Arabic", Poppler.Fonts(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void ChineseJapaneseAndKoreanNamesExtractExactlyFromASubsetFont()
    {
        var pdf = Renderer.Render(SampleReports.Empty("王小明 やまだ 김민준"));

        Assert.Contains("王小明 やまだ 김민준", Poppler.Text(pdf), StringComparison.Ordinal);
        var fonts = Poppler.Fonts(pdf);
        Assert.Contains("WenQuanYi Micro Hei", fonts, StringComparison.Ordinal);
        // Only the glyphs in use are embedded: the whole font would add megabytes.
        Assert.True(pdf.Length < 150_000, $"{pdf.Length} bytes");
    }

    [Theory]
    [InlineData("अनुराधा शर्मा", "[Devanagari text not shown]")]
    [InlineData("சுப்ரமணியம் ராஜா", "[Tamil text not shown]")]
    [InlineData("Ana 😀 López", "Ana [emoji not shown] López")]
    public void TextThePdfCannotDrawIsNamedInANoteOnce(string name, string expected)
    {
        var pdf = Renderer.Render(SampleReports.Empty(name));
        var firstPage = Poppler.Squeeze(Poppler.Pages(pdf)[0]);

        Assert.Contains(expected, firstPage, StringComparison.Ordinal);
        // Once in the header, once in the patient section: one note per name, not one per word.
        Assert.Equal(2, CountOf(firstPage, expected));
        Assert.DoesNotContain(name.Split(' ')[0] == "Ana" ? "😀" : name[..1], firstPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("محمد", "\uFEE3\uFEA4\uFEE4\uFEAA")]
    [InlineData("علي", "\uFECB\uFEE0\uFEF2")]
    [InlineData("الأحمد", "\uFE8D\uFEF7\uFEA3\uFEE4\uFEAA")]
    [InlineData("پرویز", "\uFB58\uFEAE\uFEED\uFBFE\uFEB0")]
    [InlineData("گلناز", "\uFB94\uFEE0\uFEE8\uFE8E\uFEAF")]
    [InlineData("ٹیپو", "\uFB68\uFBFF\uFB59\uFEEE")]
    public void ArabicPersianAndUrduLettersTakeTheirJoinedForms(string name, string joined) =>
        Assert.Equal(joined, Text.ArabicShaping.Shape(name));

    [Theory]
    [InlineData("כהן 12.5", "12.5 ןהכ")]
    [InlineData("Mr כהן 3", "Mr 3 ןהכ")]
    [InlineData("(دمحم)", "(محمد)")]
    public void RightToLeftTextIsPutInVisualOrderWithNumbersLeftToRight(string logical, string visual) =>
        Assert.Equal(visual, string.Concat(Text.BidiLine.Visual(logical)));

    [Fact]
    public void HebrewIsDrawnInVisualOrderWithTheHebrewFace()
    {
        // The painter's output must match drawing the reversed letters directly in Noto Sans Hebrew.
        var painted = Pixels(gfx => TextPainter.Draw(gfx, "דוד כהן", Font(), XBrushes.Black, 20, 40, XStringFormats.TopLeft));
        var byHand = Pixels(gfx => gfx.DrawString("ןהכ דוד", Font("Noto Sans Hebrew"), XBrushes.Black, 20, Baseline(40), XStringFormats.BaseLineLeft));
        var logicalOrder = Pixels(gfx => gfx.DrawString("דוד כהן", Font("Noto Sans Hebrew"), XBrushes.Black, 20, Baseline(40), XStringFormats.BaseLineLeft));

        Assert.Equal(byHand, painted);
        Assert.NotEqual(logicalOrder, painted);
    }

    [Fact]
    public void ArabicIsDrawnJoinedInVisualOrder()
    {
        // محمد: meem initial, hah medial, meem medial, dal final, drawn right to left.
        var painted = Pixels(gfx => TextPainter.Draw(gfx, "محمد", Font(), XBrushes.Black, 20, 40, XStringFormats.TopLeft));
        var byHand = Pixels(gfx => gfx.DrawString("\uFEAA\uFEE4\uFEA4\uFEE3", Font("Noto Sans Arabic"), XBrushes.Black, 20, Baseline(40), XStringFormats.BaseLineLeft));
        var unjoined = Pixels(gfx => gfx.DrawString("دمحم", Font("Noto Sans Arabic"), XBrushes.Black, 20, Baseline(40), XStringFormats.BaseLineLeft));

        Assert.Equal(byHand, painted);
        Assert.NotEqual(unjoined, painted);
    }

    [Fact]
    public void CjkGlyphsAreDrawnNotBoxes()
    {
        var painted = Pixels(gfx => TextPainter.Draw(gfx, "王小明", Font(), XBrushes.Black, 20, 40, XStringFormats.TopLeft));
        var boxes = Pixels(gfx => gfx.DrawString("王小明", Font(), XBrushes.Black, 20, 40, XStringFormats.TopLeft));
        var byHand = Pixels(gfx => gfx.DrawString("王小明", Font("WenQuanYi Micro Hei"), XBrushes.Black, 20, Baseline(40), XStringFormats.BaseLineLeft));

        Assert.NotEqual(boxes, painted);
        Assert.Equal(byHand, painted);
    }

    [Fact]
    public void LatinTextIsDrawnExactlyAsBefore()
    {
        var painted = Pixels(gfx => TextPainter.Draw(gfx, "Łucja Wiśniewska-Nguyễn", Font(), XBrushes.Black, 200, 40, XStringFormats.TopRight));
        var direct = Pixels(gfx => gfx.DrawString("Łucja Wiśniewska-Nguyễn", Font(), XBrushes.Black, 200, 40, XStringFormats.TopRight));

        Assert.Equal(direct, painted);
    }

    /// <summary>Where a line of the DejaVu Sans font set at <paramref name="top"/> has its baseline: fallback runs sit on it.</summary>
    private static double Baseline(double top)
    {
        var font = Font();
        return top + font.GetHeight() * font.CellAscent / font.CellSpace;
    }

    private static string Reversed(string text) => new([.. text.Reverse()]);

    private static XFont Font(string family = "DejaVu Sans") => new(family, 28, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static byte[] Pixels(Action<XGraphics> draw)
    {
        PdfSetup.EnsureInitialised();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(240);
        page.Height = XUnit.FromPoint(90);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            draw(gfx);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return Poppler.Rasterize(stream.ToArray(), 1, 96).Pixels;
    }

    /// <summary>pdftotext marks right-to-left runs with embedding controls; a reader does not see them.</summary>
    private static string Readable(string text) => text.Replace("\u202B", "", StringComparison.Ordinal).Replace("\u202C", "", StringComparison.Ordinal);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
