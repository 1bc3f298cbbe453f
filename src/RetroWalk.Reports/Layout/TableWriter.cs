using PdfSharp.Drawing;

namespace RetroWalk.Reports.Layout;

internal sealed record TableColumn(string Header, double Weight);

/// <summary>
/// Draws a table that breaks across pages between rows: cell text is wrapped, a row moves whole
/// to the next page when it does not fit, and the header row is repeated under a
/// "(continued)" caption on each continuation page. Only a row taller than a whole page is split.
/// </summary>
internal static class TableWriter
{
    private const double Padding = 3;

    public static void Draw(PageWriter w, string caption, IReadOnlyList<TableColumn> columns, IReadOnlyList<string[]> rows)
    {
        var font = w.Fonts.Table;
        var headerFont = w.Fonts.TableBold;
        var lineHeight = TextLayout.LineHeight(font);
        var headerLineHeight = TextLayout.LineHeight(headerFont);

        var widths = new double[columns.Count];
        var totalWeight = columns.Sum(c => c.Weight);
        for (var i = 0; i < columns.Count; i++)
        {
            widths[i] = w.Width * columns[i].Weight / totalWeight;
        }

        var headerCells = new List<string>[columns.Count];
        var headerLines = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            headerCells[i] = TextLayout.Wrap(w.Gfx, columns[i].Header, headerFont, widths[i] - 2 * Padding);
            headerLines = Math.Max(headerLines, headerCells[i].Count);
        }
        var headerHeight = headerLines * headerLineHeight + 2 * Padding;
        var captionHeight = TextLayout.LineHeight(w.Fonts.SubHeading) + 4;

        var cells = new List<string>[columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var lines = 1;
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = TextLayout.Wrap(w.Gfx, i < row.Length ? row[i] : "", font, widths[i] - 2 * Padding);
                lines = Math.Max(lines, cells[i].Count);
            }
            var rowHeight = lines * lineHeight + 2 * Padding;

            if (r == 0)
            {
                w.EnsureSpace(headerHeight + Math.Min(rowHeight, 3 * lineHeight + 2 * Padding));
                DrawHeader(w, headerCells, widths, headerHeight, headerLineHeight);
            }

            var firstLine = 0;
            while (firstLine < lines)
            {
                var linesHere = lines - firstLine;
                if (linesHere * lineHeight + 2 * Padding > w.Remaining)
                {
                    var emptyPageLines = (int)((w.PageCapacity - captionHeight - headerHeight - 2 * Padding) / lineHeight);
                    if (linesHere <= emptyPageLines || w.Remaining < 2 * lineHeight + 2 * Padding)
                    {
                        ContinueOnNewPage(w, caption, captionHeight, headerCells, widths, headerHeight, headerLineHeight);
                    }
                    // A row taller than a whole page: fill this page, carry on with the rest.
                    linesHere = Math.Min(linesHere, Math.Max(1, (int)((w.Remaining - 2 * Padding) / lineHeight)));
                }

                DrawRow(w, cells, widths, firstLine, linesHere, lineHeight, r % 2 == 1);
                firstLine += linesHere;
            }
        }
    }

    private static void ContinueOnNewPage(
        PageWriter w, string caption, double captionHeight, List<string>[] headerCells, double[] widths, double headerHeight, double headerLineHeight)
    {
        w.NewPage();
        TextPainter.Draw(w.Gfx, caption + " (continued)", w.Fonts.SubHeading, ReportStyle.AccentBrush, w.Left, w.Y, XStringFormats.TopLeft);
        w.Y += captionHeight;
        DrawHeader(w, headerCells, widths, headerHeight, headerLineHeight);
    }

    private static void DrawHeader(PageWriter w, List<string>[] headerCells, double[] widths, double height, double lineHeight)
    {
        var gfx = w.Gfx;
        gfx.DrawRectangle(ReportStyle.TableHeaderFill, w.Left, w.Y, w.Width, height);
        var x = w.Left;
        for (var i = 0; i < headerCells.Length; i++)
        {
            var y = w.Y + Padding;
            foreach (var line in headerCells[i])
            {
                TextPainter.Draw(gfx, line, w.Fonts.TableBold, ReportStyle.TextBrush, x + Padding, y, XStringFormats.TopLeft);
                y += lineHeight;
            }
            x += widths[i];
        }
        gfx.DrawLine(ReportStyle.TextPen, w.Left, w.Y + height, w.Right, w.Y + height);
        w.Y += height;
    }

    private static void DrawRow(PageWriter w, List<string>[] cells, double[] widths, int firstLine, int lineCount, double lineHeight, bool striped)
    {
        var gfx = w.Gfx;
        var height = lineCount * lineHeight + 2 * Padding;
        if (striped)
        {
            gfx.DrawRectangle(ReportStyle.TableStripeFill, w.Left, w.Y, w.Width, height);
        }

        var x = w.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            var y = w.Y + Padding;
            var lines = cells[i];
            for (var l = firstLine; l < Math.Min(lines.Count, firstLine + lineCount); l++)
            {
                TextPainter.Draw(gfx, lines[l], w.Fonts.Table, ReportStyle.TextBrush, x + Padding, y, XStringFormats.TopLeft);
                y += lineHeight;
            }
            x += widths[i];
        }
        gfx.DrawLine(ReportStyle.CellPen, w.Left, w.Y + height, w.Right, w.Y + height);
        w.Y += height;
    }
}
