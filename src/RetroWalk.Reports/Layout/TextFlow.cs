using PdfSharp.Drawing;

namespace RetroWalk.Reports.Layout;

/// <summary>Paragraphs, bullets and label/value pairs that flow down the page and onto new pages.</summary>
internal static class TextFlow
{
    /// <param name="keepWithNext">Height of what follows that must stay on the heading's page.</param>
    public static void Heading(PageWriter w, string text, double keepWithNext = 48)
    {
        var font = w.Fonts.Heading;
        var height = TextLayout.LineHeight(font) + 6;
        if (!w.AtTopOfPage)
        {
            w.Y += 10;
        }
        w.EnsureSpace(height + keepWithNext);
        TextPainter.Draw(w.Gfx, text, font, ReportStyle.AccentBrush, w.Left, w.Y, XStringFormats.TopLeft);
        w.Y += TextLayout.LineHeight(font) + 2;
        w.Gfx.DrawLine(ReportStyle.RulePen, w.Left, w.Y, w.Right, w.Y);
        w.Y += 6;
    }

    public static void SubHeading(PageWriter w, string text)
    {
        var font = w.Fonts.SubHeading;
        w.EnsureSpace(TextLayout.LineHeight(font) + 30);
        TextPainter.Draw(w.Gfx, text, font, ReportStyle.TextBrush, w.Left, w.Y, XStringFormats.TopLeft);
        w.Y += TextLayout.LineHeight(font) + 3;
    }

    public static void NoData(PageWriter w) => Paragraph(w, ReportText.NoData, w.Fonts.Body, ReportStyle.MutedBrush);

    /// <summary>Wrapped text; line breaks start new lines and blank lines leave a gap.</summary>
    public static void Paragraph(PageWriter w, string text, XFont font, XBrush brush, double indent = 0)
    {
        var lineHeight = TextLayout.LineHeight(font);
        foreach (var line in TextLayout.Wrap(w.Gfx, text, font, w.Width - indent))
        {
            if (line.Length == 0)
            {
                w.Y += lineHeight * 0.6;
                continue;
            }
            w.EnsureSpace(lineHeight);
            TextPainter.Draw(w.Gfx, line, font, brush, w.Left + indent, w.Y, XStringFormats.TopLeft);
            w.Y += lineHeight;
        }
        w.Y += 2;
    }

    public static void Bullets(PageWriter w, IEnumerable<string> items)
    {
        var font = w.Fonts.Body;
        var lineHeight = TextLayout.LineHeight(font);
        const double indent = 12;
        foreach (var item in items)
        {
            var lines = TextLayout.Wrap(w.Gfx, item, font, w.Width - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                w.EnsureSpace(lineHeight);
                if (i == 0)
                {
                    TextPainter.Draw(w.Gfx, "•", font, ReportStyle.AccentBrush, w.Left + 2, w.Y, XStringFormats.TopLeft);
                }
                TextPainter.Draw(w.Gfx, lines[i], font, ReportStyle.TextBrush, w.Left + indent, w.Y, XStringFormats.TopLeft);
                w.Y += lineHeight;
            }
            w.Y += 2;
        }
    }

    /// <summary>Label/value pairs in two side-by-side columns, kept together on one page.</summary>
    public static void PairColumns(PageWriter w, IReadOnlyList<(string Label, string Value)> left, IReadOnlyList<(string Label, string Value)> right)
    {
        const double gap = 16;
        var columnWidth = (w.Width - gap) / 2;
        var leftLines = LayOutPairs(w, left, columnWidth, LabelWidth(w, left, columnWidth));
        var rightLines = LayOutPairs(w, right, columnWidth, LabelWidth(w, right, columnWidth));
        var lineHeight = TextLayout.LineHeight(w.Fonts.Body);
        var height = Math.Max(leftLines.Count, rightLines.Count) * lineHeight;
        w.EnsureSpace(height);
        DrawPairs(w, leftLines, w.Left, LabelWidth(w, left, columnWidth));
        DrawPairs(w, rightLines, w.Left + columnWidth + gap, LabelWidth(w, right, columnWidth));
        w.Y += height + 4;
    }

    /// <summary>
    /// Label/value pairs across the full width; each pair kept together. With <paramref name="sharedLabelColumn"/>
    /// every value starts at the same indent (a list such as references); otherwise each label sets its own.
    /// </summary>
    public static void Pairs(PageWriter w, IReadOnlyList<(string Label, string Value)> pairs, bool sharedLabelColumn = false)
    {
        var lineHeight = TextLayout.LineHeight(w.Fonts.Body);
        double? shared = sharedLabelColumn ? LabelWidth(w, pairs, w.Width) : null;
        foreach (var pair in pairs)
        {
            var labelWidth = shared ?? LabelWidth(w, [pair], w.Width);
            var lines = LayOutPairs(w, [pair], w.Width, labelWidth);
            w.EnsureSpace(lines.Count * lineHeight);
            DrawPairs(w, lines, w.Left, labelWidth);
            w.Y += lines.Count * lineHeight + (sharedLabelColumn ? 2 : 0);
        }
        w.Y += 4;
    }

    /// <summary>Width of the label column: the widest label plus a gap, at most 40 % of the column.</summary>
    private static double LabelWidth(PageWriter w, IReadOnlyList<(string Label, string Value)> pairs, double width)
    {
        var widest = 0.0;
        foreach (var (label, _) in pairs)
        {
            widest = Math.Max(widest, TextLayout.Width(w.Gfx, label, w.Fonts.BodyBold));
        }
        return Math.Min(widest + 10, width * 0.4);
    }

    private static List<(string? Label, string Value)> LayOutPairs(PageWriter w, IReadOnlyList<(string Label, string Value)> pairs, double width, double labelWidth)
    {
        var result = new List<(string?, string)>();
        foreach (var (label, value) in pairs)
        {
            var lines = TextLayout.Wrap(w.Gfx, value, w.Fonts.Body, width - labelWidth);
            for (var i = 0; i < lines.Count; i++)
            {
                result.Add((i == 0 ? label : null, lines[i]));
            }
        }
        return result;
    }

    private static void DrawPairs(PageWriter w, List<(string? Label, string Value)> lines, double x, double labelWidth)
    {
        var lineHeight = TextLayout.LineHeight(w.Fonts.Body);
        var y = w.Y;
        foreach (var (label, value) in lines)
        {
            if (label is not null)
            {
                TextPainter.Draw(w.Gfx, label, w.Fonts.BodyBold, ReportStyle.MutedBrush, x, y, XStringFormats.TopLeft);
            }
            TextPainter.Draw(w.Gfx, value, w.Fonts.Body, ReportStyle.TextBrush, x + labelWidth, y, XStringFormats.TopLeft);
            y += lineHeight;
        }
    }
}
