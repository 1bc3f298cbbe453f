using System.Globalization;
using System.Runtime.CompilerServices;
using PdfSharp.Drawing;
using RetroWalk.Reports.Text;

namespace RetroWalk.Reports.Layout;

/// <summary>Word wrapping by measured widths. Words wider than a line are broken between characters.</summary>
internal static class TextLayout
{
    public static double LineHeight(XFont font) => font.GetHeight();

    /// <summary>Width of <paramref name="text"/> in points as <see cref="TextPainter"/> draws it (PDFsharp does not kern).</summary>
    public static double Width(XGraphics gfx, string text, XFont font) => Width(gfx, text.AsSpan(), font);

    public static double Width(XGraphics gfx, ReadOnlySpan<char> text, XFont font)
    {
        if (LineShaper.IsPlain(text))
        {
            return RunWidth(gfx, text, font);
        }
        var total = 0.0;
        foreach (var run in LineShaper.Runs(text.ToString(), font))
        {
            total += RunWidth(gfx, run.Text, run.Font);
        }
        return total;
    }

    /// <summary>Width of text in one font: the sum of cached character advances.</summary>
    public static double RunWidth(XGraphics gfx, ReadOnlySpan<char> text, XFont font)
    {
        var widths = Widths.GetValue(font, _ => new CharWidths());
        var total = 0.0;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                return gfx.MeasureString(text.ToString(), font).Width;
            }
            total += widths.Get(gfx, font, c);
        }
        return total;
    }

    private static readonly ConditionalWeakTable<XFont, CharWidths> Widths = new();

    /// <summary>Advance widths of one font, filled in lazily in blocks of 256 characters.</summary>
    private sealed class CharWidths
    {
        private readonly double[]?[] blocks = new double[]?[256];

        public double Get(XGraphics gfx, XFont font, char c)
        {
            var block = Volatile.Read(ref blocks[c >> 8]);
            if (block is null)
            {
                block = new double[256];
                Array.Fill(block, double.NaN);
                // Racing threads may each publish a block; either one is correct.
                Volatile.Write(ref blocks[c >> 8], block);
            }
            var width = block[c & 0xFF];
            if (double.IsNaN(width))
            {
                width = gfx.MeasureString(c.ToString(), font).Width;
                block[c & 0xFF] = width;
            }
            return width;
        }
    }

    /// <summary>Wraps <paramref name="text"/> to <paramref name="maxWidth"/>; line breaks in the text start new lines, and an empty text gives one empty line.</summary>
    public static List<string> Wrap(XGraphics gfx, string? text, XFont font, double maxWidth)
    {
        var lines = new List<string>();
        AppendWrapped(lines, gfx, text, font, maxWidth);
        return lines;
    }

    public static void AppendWrapped(List<string> lines, XGraphics gfx, string? text, XFont font, double maxWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            lines.Add("");
            return;
        }

        var spaceWidth = Width(gfx, " ", font);
        foreach (var rawParagraph in LineShaper.WithNotes(text).Split('\n'))
        {
            var paragraph = rawParagraph.TrimEnd('\r');
            var line = new System.Text.StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Width(gfx, word, font);
                if (line.Length > 0 && lineWidth + spaceWidth + wordWidth <= maxWidth)
                {
                    line.Append(' ').Append(word);
                    lineWidth += spaceWidth + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                if (wordWidth <= maxWidth)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                }
                else
                {
                    var rest = BreakLongWord(lines, gfx, word, font, maxWidth);
                    line.Append(rest);
                    lineWidth = Width(gfx, rest, font);
                }
            }
            lines.Add(line.ToString());
        }
    }

    /// <summary>Adds full-width pieces of <paramref name="word"/> to <paramref name="lines"/> and returns the last piece.</summary>
    private static string BreakLongWord(List<string> lines, XGraphics gfx, string word, XFont font, double maxWidth)
    {
        var start = 0;
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > start && Width(gfx, word.AsSpan(start, next - start), font) > maxWidth)
            {
                lines.Add(word[start..end]);
                start = end;
            }
            end = next;
        }
        return word[start..];
    }
}
