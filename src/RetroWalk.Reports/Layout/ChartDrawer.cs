using System.Collections.Concurrent;
using System.Globalization;
using PdfSharp.Drawing;
using RetroWalk.Clinical.Charts;

namespace RetroWalk.Reports.Layout;

/// <summary>
/// Draws one measure's chart as vector graphics from the shared chart layout (<see cref="ChartLayout"/>), scaled
/// to the text width: the same picture as the progress review's SVG. Its key follows under the chart.
/// </summary>
internal static class ChartDrawer
{
    private const double TitleHeight = 14;
    private const double LegendSwatch = 14;
    private const double LegendGap = 10;

    private static readonly ConcurrentDictionary<string, XColor> Colours = new();

    /// <summary>Height of a chart without its key, for keeping a heading with the first chart.</summary>
    public static double Height(PageWriter w) => TitleHeight + (ChartSize.Standard.Height * Scale(w));

    public static void Draw(PageWriter w, TimeChart chart)
    {
        var scale = Scale(w);
        var font = w.Fonts.Chart(ChartSize.Standard.FontSize * scale);
        var layout = ChartLayout.For(chart);
        var legend = LegendLines(w.Gfx, font, layout.Legend, w.Width);
        var legendHeight = layout.Points.Count == 0 ? 0 : legend.Count * TextLayout.LineHeight(font) * 1.3;
        w.EnsureSpace(Height(w) + legendHeight);

        // After EnsureSpace: it may have started a new page.
        var gfx = w.Gfx;
        var top = w.Y;
        var title = chart.Unit.Length > 0 ? $"{chart.Title} ({chart.Unit})" : chart.Title;
        TextPainter.Draw(gfx, title, w.Fonts.ChartTitle, ReportStyle.AccentBrush, w.Left, top, XStringFormats.TopLeft);
        var origin = new XPoint(w.Left, top + TitleHeight);
        w.Y = top + Height(w) + legendHeight + 8;

        if (layout.Points.Count == 0)
        {
            var frame = Map(layout.Plot, origin, scale);
            gfx.DrawRectangle(Pen(ChartPalette.Grid, ChartPalette.GridWidth * scale), frame);
            TextPainter.Draw(gfx, ReportText.NoData, w.Fonts.Body, ReportStyle.MutedBrush, frame.Center.X, frame.Center.Y, XStringFormats.Center);
            return;
        }

        DrawChart(gfx, font, layout, origin, scale);
        DrawLegend(gfx, font, legend, new XPoint(w.Left, origin.Y + (layout.Size.Height * scale) + 2), scale);
    }

    private static double Scale(PageWriter w) => w.Width / ChartSize.Standard.Width;

    private static void DrawChart(XGraphics gfx, XFont font, ChartLayout layout, XPoint origin, double scale)
    {
        XPoint P(double x, double y) => new(origin.X + (x * scale), origin.Y + (y * scale));
        void Line(XPen pen, ChartSegment s) => gfx.DrawLine(pen, P(s.X1, s.Y1), P(s.X2, s.Y2));

        var plot = layout.Plot;
        var grid = Pen(ChartPalette.Grid, ChartPalette.GridWidth * scale);
        foreach (var tick in layout.ValueTicks)
        {
            Line(grid, ChartSegment.Horizontal(tick.Position, plot.X, plot.Right));
        }
        var bars = Brush(ChartPalette.Bars);
        foreach (var bar in layout.Bars)
        {
            gfx.DrawRectangle(bars, Map(bar.Box, origin, scale));
        }
        if (layout.Band is { } band)
        {
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb((int)(0.8 * 255), Colour(ChartPalette.Band))), Map(band, origin, scale));
        }
        foreach (var line in layout.Lines)
        {
            var pen = Pen(ChartPalette.ColourOf(line.Kind), ChartPalette.LineWidth * scale);
            // XPen dash lengths are in multiples of the pen's width.
            pen.DashPattern = [.. ChartPalette.DashOf(line.Kind).Select(d => d / ChartPalette.LineWidth)];
            Line(pen, line.Segment);
        }

        var axis = Pen(ChartPalette.Axis, ChartPalette.AxisWidth * scale);
        var tickLength = ChartPalette.TickLength;
        Line(axis, ChartSegment.Vertical(plot.X, plot.Y, plot.Bottom));
        Line(axis, ChartSegment.Horizontal(plot.Bottom, plot.X, plot.Right));
        if (layout.Minutes is not null)
        {
            Line(axis, ChartSegment.Vertical(plot.Right, plot.Y, plot.Bottom));
            foreach (var tick in layout.MinuteTicks)
            {
                Line(axis, ChartSegment.Horizontal(tick.Position, plot.Right, plot.Right + tickLength));
            }
        }
        foreach (var tick in layout.ValueTicks)
        {
            Line(axis, ChartSegment.Horizontal(tick.Position, plot.X - tickLength, plot.X));
        }
        foreach (var tick in layout.DateTicks)
        {
            Line(axis, ChartSegment.Vertical(tick.Position, plot.Bottom, plot.Bottom + tickLength));
        }

        var series = Pen(ChartPalette.Series, ChartPalette.SeriesWidth * scale);
        series.LineJoin = XLineJoin.Round;
        if (layout.Points.Count > 1)
        {
            gfx.DrawLines(series, [.. layout.Points.Select(p => P(p.X, p.Y))]);
        }
        var marker = Pen(ChartPalette.Series, ChartPalette.LineWidth * scale);
        var fill = Brush(ChartPalette.MarkerFill);
        var radius = layout.PointRadius * scale;
        foreach (var point in layout.Points)
        {
            var centre = P(point.X, point.Y);
            gfx.DrawEllipse(marker, fill, centre.X - radius, centre.Y - radius, 2 * radius, 2 * radius);
        }

        foreach (var label in layout.Labels)
        {
            var format = label.Anchor switch
            {
                LabelAnchor.Middle => XStringFormats.BaseLineCenter,
                LabelAnchor.End => XStringFormats.BaseLineRight,
                _ => XStringFormats.BaseLineLeft,
            };
            for (var i = 0; i < label.Lines.Count; i++)
            {
                var at = P(label.AnchorX, label.TextY + (i * layout.Size.LineHeight));
                TextPainter.Draw(gfx, label.Lines[i], font, Brush(ChartPalette.ColourOf(label.Kind)), at.X, at.Y, format);
            }
        }
    }

    /// <summary>The key's entries laid out in lines that fit <paramref name="width"/>.</summary>
    private static List<List<(LegendEntry Entry, double Width)>> LegendLines(XGraphics gfx, XFont font, IReadOnlyList<LegendEntry> entries, double width)
    {
        var lines = new List<List<(LegendEntry, double)>> { new() };
        var used = 0.0;
        foreach (var entry in entries)
        {
            var itemWidth = LegendSwatch + 4 + TextLayout.Width(gfx, entry.Text, font);
            if (used > 0 && used + itemWidth > width)
            {
                lines.Add([]);
                used = 0;
            }
            lines[^1].Add((entry, itemWidth));
            used += itemWidth + LegendGap;
        }
        return lines;
    }

    private static void DrawLegend(XGraphics gfx, XFont font, List<List<(LegendEntry Entry, double Width)>> lines, XPoint at, double scale)
    {
        var lineHeight = TextLayout.LineHeight(font) * 1.3;
        var text = Brush(ChartPalette.Text);
        for (var i = 0; i < lines.Count; i++)
        {
            var x = at.X;
            var middle = at.Y + (i * lineHeight) + (lineHeight / 2);
            foreach (var (entry, width) in lines[i])
            {
                Swatch(gfx, entry.Kind, x, middle, scale);
                TextPainter.Draw(gfx, entry.Text, font, text, x + LegendSwatch + 4, middle, XStringFormats.CenterLeft);
                x += width + LegendGap;
            }
        }
    }

    private static void Swatch(XGraphics gfx, LegendKind kind, double x, double middle, double scale)
    {
        switch (kind)
        {
            case LegendKind.Results:
                gfx.DrawLine(Pen(ChartPalette.Series, ChartPalette.SeriesWidth * scale), x, middle, x + LegendSwatch, middle);
                gfx.DrawEllipse(Pen(ChartPalette.Series, ChartPalette.LineWidth * scale), Brush(ChartPalette.MarkerFill), x + (LegendSwatch / 2) - 2.2, middle - 2.2, 4.4, 4.4);
                break;
            case LegendKind.MdcBand:
                gfx.DrawRectangle(Brush(ChartPalette.Band), x, middle - 3, LegendSwatch, 6);
                break;
            case LegendKind.WeeklyMinutes:
                gfx.DrawRectangle(Brush(ChartPalette.Bars), x + 3, middle - 4, LegendSwatch - 6, 8);
                break;
            default:
                var line = kind switch { LegendKind.Baseline => ChartLineKind.Baseline, LegendKind.CutOff => ChartLineKind.CutOff, _ => ChartLineKind.Marker };
                var pen = Pen(ChartPalette.ColourOf(line), ChartPalette.LineWidth * scale);
                pen.DashPattern = [.. ChartPalette.DashOf(line).Select(d => d / ChartPalette.LineWidth)];
                gfx.DrawLine(pen, x, middle, x + LegendSwatch, middle);
                break;
        }
    }

    private static XRect Map(ChartBox box, XPoint origin, double scale) =>
        new(origin.X + (box.X * scale), origin.Y + (box.Y * scale), box.Width * scale, box.Height * scale);

    private static XPen Pen(string colour, double width) => new(Colour(colour), width);

    private static XSolidBrush Brush(string colour) => new(Colour(colour));

    /// <summary>"#1f4e79" as a colour.</summary>
    private static XColor Colour(string hex) => Colours.GetOrAdd(hex, h =>
        XColor.FromArgb(
            int.Parse(h.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(h.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(h.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
}
