using PdfSharp.Drawing;
using RetroWalk.Reports.Text;

namespace RetroWalk.Reports.Layout;

/// <summary>
/// Draws every string of the report. Text the primary font draws as it is goes straight to PDFsharp; anything else
/// (right-to-left, Arabic, CJK, scripts or symbols no font has) is prepared by <see cref="LineShaper"/> and drawn
/// run by run on the line's baseline, keeping the requested alignment.
/// </summary>
internal static class TextPainter
{
    public static void Draw(XGraphics gfx, string text, XFont font, XBrush brush, double x, double y, XStringFormat format)
    {
        if (LineShaper.IsPlain(text))
        {
            gfx.DrawString(text, font, brush, x, y, format);
            return;
        }
        var runs = LineShaper.Runs(text, font);
        var width = runs.Sum(run => TextLayout.RunWidth(gfx, run.Text, run.Font));
        var left = format.Alignment switch
        {
            XStringAlignment.Center => x - width / 2,
            XStringAlignment.Far => x - width,
            _ => x,
        };
        var baseline = y + BaselineOffset(font, format.LineAlignment);
        foreach (var run in runs)
        {
            gfx.DrawString(run.Text, run.Font, brush, left, baseline, XStringFormats.BaseLineLeft);
            left += TextLayout.RunWidth(gfx, run.Text, run.Font);
        }
    }

    /// <summary>Where PDFsharp puts the baseline of <paramref name="font"/> for a vertical alignment at a point.</summary>
    private static double BaselineOffset(XFont font, XLineAlignment alignment)
    {
        var lineSpace = font.GetHeight();
        var ascent = lineSpace * font.CellAscent / font.CellSpace;
        var descent = lineSpace * font.CellDescent / font.CellSpace;
        return alignment switch
        {
            XLineAlignment.Near => ascent,
            XLineAlignment.Center => ascent * 3 / 8,
            XLineAlignment.Far => -descent,
            _ => 0,
        };
    }
}
