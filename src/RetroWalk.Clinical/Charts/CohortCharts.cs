using System.Globalization;

namespace RetroWalk.Clinical.Charts;

/// <summary>One row of a bar chart: a group's mean with its confidence interval; no mean when the group is too small.</summary>
public sealed record IntervalBar(string Label, double? Mean, double? Lower, double? Upper, string ValueText);

/// <summary>A threshold drawn across a distribution: its position on the change axis and its label.</summary>
public sealed record ThresholdLine(double Value, string Label, PlotShapeKind Kind);

/// <summary>One patient on a dose-response chart.</summary>
public sealed record DosePoint(double X, double Y, string Key, string Title);

/// <summary>
/// Lays out the clinic outcome charts on the shared scales and text metrics: per-group bars with confidence-interval
/// whiskers, the distribution of individual changes against MDC/MCID lines, and a dose-response scatter with its
/// fitted line and confidence band.
/// </summary>
public static class CohortCharts
{
    private const double Gap = 4;
    private const double RowHeight = 40;

    /// <summary>
    /// Horizontal bars from zero to each group's mean, whiskers from the CI's lower to upper limit. Each group's name, n
    /// and value are written above its bar across the whole width, so long protocol names never squeeze the plot.
    /// </summary>
    public static PlotLayout Bars(IReadOnlyList<IntervalBar> rows, string axisTitle, double width = 760)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var font = ChartSize.Standard.FontSize;
        var line = TextMetrics.Height(font);
        var extremes = rows.SelectMany(r => new[] { r.Mean, r.Lower, r.Upper }).OfType<double>().Where(double.IsFinite).Append(0).ToList();
        var scale = ValueScale.Covering(extremes.Min(), extremes.Max());
        var side = Math.Ceiling(Width(Signed(scale, scale.Min), font) / 2) + Gap;
        var plot = new ChartBox(side, Gap, width - (2 * side), Math.Max(1, rows.Count) * RowHeight);
        var size = new ChartSize(width, plot.Bottom + ChartPalette.TickLength + (2 * line) + Gap, font);
        double X(double v) => plot.X + ((v - scale.Min) / (scale.Max - scale.Min) * plot.Width);

        var labels = new List<PlacedLabel>();
        var rects = new List<PlotRect>();
        var segments = new List<PlotSegment>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowTop = plot.Y + (i * RowHeight);
            labels.Add(Label(ChartLabelKind.Category, $"{row.Label}: {row.ValueText}", plot.X + Gap, rowTop + 2 + (line / 2), LabelAnchor.Start, font));
            var middle = rowTop + line + 4 + ((RowHeight - line - 4) / 2);
            var barHeight = (RowHeight - line - 4) * 0.6;
            // The zero line runs under each bar, not through the group's name above it.
            segments.Add(new PlotSegment(ChartSegment.Vertical(X(0), rowTop + line + 3, rowTop + RowHeight), PlotShapeKind.Zero));
            if (row.Mean is { } mean)
            {
                var (a, b) = (Math.Min(X(0), X(mean)), Math.Max(X(0), X(mean)));
                rects.Add(new PlotRect(new ChartBox(a, middle - (barHeight / 2), Math.Max(1, b - a), barHeight), PlotShapeKind.Value));
            }
            if (row.Lower is { } lower && row.Upper is { } upper)
            {
                var cap = barHeight * 0.45;
                segments.Add(new PlotSegment(ChartSegment.Horizontal(middle, X(lower), X(upper)), PlotShapeKind.Interval));
                segments.Add(new PlotSegment(ChartSegment.Vertical(X(lower), middle - cap, middle + cap), PlotShapeKind.Interval));
                segments.Add(new PlotSegment(ChartSegment.Vertical(X(upper), middle - cap, middle + cap), PlotShapeKind.Interval));
            }
        }
        var xTicks = XTicks(scale, X, plot, font, labels);
        labels.Add(Label(ChartLabelKind.AxisTitle, axisTitle, plot.CenterX, plot.Bottom + ChartPalette.TickLength + line + (line / 2) + 2, LabelAnchor.Middle, font));
        return new PlotLayout { Size = size, Plot = plot, XTicks = xTicks, YTicks = [], Rects = rects, Segments = segments, Labels = labels };
    }

    /// <summary>
    /// Individual changes as dots along the change axis, stacked where they would touch, with vertical lines at the
    /// thresholds (labelled in rows above the plot) and at zero.
    /// </summary>
    public static PlotLayout Distribution(IReadOnlyList<double> changes, IReadOnlyList<ThresholdLine> thresholds, string axisTitle, double width = 760)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(thresholds);
        var font = ChartSize.Standard.FontSize;
        var line = TextMetrics.Height(font);
        var radius = font * 0.4;
        var all = changes.Concat(thresholds.Select(t => t.Value)).Where(double.IsFinite).Append(0).ToList();
        var scale = ValueScale.Covering(all.Min(), all.Max());
        var ordered = thresholds.OrderBy(t => t.Value).ThenBy(t => t.Kind).ToList();

        // Each line is numbered at its top; a number that would touch another goes up a row. The key lists the numbers.
        var tags = new List<(double X, int Row, string Tag)>();
        var side = Math.Ceiling(Width(scale.Format(scale.Min), font));
        var plotWidth = width - (2 * side);
        double X(double v) => side + ((v - scale.Min) / (scale.Max - scale.Min) * plotWidth);
        foreach (var (t, i) in ordered.Select((t, i) => (t, i)))
        {
            var tag = (i + 1).ToString(CultureInfo.InvariantCulture);
            var x = X(t.Value);
            var row = 0;
            while (tags.Any(o => o.Row == row && Math.Abs(o.X - x) < Width(o.Tag + tag, font) + 4))
            {
                row++;
            }
            tags.Add((x, row, tag));
        }
        var tagRows = tags.Count == 0 ? 0 : tags.Max(t => t.Row) + 1;
        var top = (tagRows * line) + Gap;

        // Stack dots that would overlap: each goes to the lowest level where it touches no dot already placed.
        var levels = new List<(double X, int Level)>();
        foreach (var x in changes.Where(double.IsFinite).Order().Select(X))
        {
            var level = 0;
            while (levels.Any(d => d.Level == level && Math.Abs(d.X - x) < (2 * radius) + 1))
            {
                level++;
            }
            levels.Add((x, level));
        }
        var stack = levels.Count == 0 ? 1 : levels.Max(d => d.Level) + 1;
        var plot = new ChartBox(side, top, plotWidth, Math.Max(60, (stack * ((2 * radius) + 2)) + (2 * radius)));
        var size = new ChartSize(width, plot.Bottom + ChartPalette.TickLength + (2 * line) + Gap, font);

        var labels = new List<PlacedLabel>();
        var segments = new List<PlotSegment> { new(ChartSegment.Vertical(X(0), plot.Y, plot.Bottom), PlotShapeKind.Zero) };
        for (var i = 0; i < ordered.Count; i++)
        {
            var (x, row, tag) = tags[i];
            var rowTop = top - Gap - ((row + 1) * line);
            segments.Add(new PlotSegment(ChartSegment.Vertical(x, rowTop + line, plot.Bottom), ordered[i].Kind));
            labels.Add(Label(ChartLabelKind.CutOff, tag, x, rowTop + (line / 2), LabelAnchor.Middle, font));
        }
        var dots = levels.Select(d => new PlotDot(d.X, plot.Bottom - radius - 1 - (d.Level * ((2 * radius) + 2)), null,
            scale.Format(scale.Min + ((d.X - side) / plotWidth * (scale.Max - scale.Min))))).ToList();
        var xTicks = XTicks(scale, X, plot, font, labels);
        labels.Add(Label(ChartLabelKind.AxisTitle, axisTitle, plot.CenterX, plot.Bottom + ChartPalette.TickLength + line + (line / 2) + 2, LabelAnchor.Middle, font));
        return new PlotLayout
        {
            Size = size, Plot = plot, XTicks = xTicks, YTicks = [], Segments = segments, Dots = dots, Labels = labels,
            Keys = [.. ordered.Select((t, i) => new PlotKey(tags[i].Tag, t.Label, t.Kind))],
        };
    }

    /// <summary>Each patient's change against the dose, with the least-squares line and its confidence band.</summary>
    public static PlotLayout DoseResponse(IReadOnlyList<DosePoint> points, Statistics.LinearFit? fit, string xTitle, string yTitle, double width = 620, double height = 320)
    {
        ArgumentNullException.ThrowIfNull(points);
        var font = ChartSize.Standard.FontSize;
        var line = TextMetrics.Height(font);
        var xs = points.Select(p => p.X).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var (minX, maxX) = (xs.Min(), xs.Max());
        var samples = fit is null || maxX <= minX ? [] : Enumerable.Range(0, 41).Select(i => minX + ((maxX - minX) * i / 40.0)).ToList();
        var bands = samples.Select(x => (X: x, Band: fit!.BandAt(x), Fitted: fit.Predict(x))).ToList();
        var ys = points.Select(p => p.Y)
            .Concat(bands.SelectMany(b => b.Band is { } band ? new[] { band.Lower, band.Upper, b.Fitted } : [b.Fitted]))
            .Where(double.IsFinite).Append(0).ToList();
        var yScale = ValueScale.Covering(ys.Min(), ys.Max());
        var xScale = ValueScale.Covering(Math.Min(0, minX), maxX);
        var left = Math.Ceiling(yScale.Ticks.Max(t => Width(Signed(yScale, t), font)) + ChartPalette.TickLength + Gap + 2);
        var right = Math.Ceiling(Width(xScale.Format(xScale.Max), font) / 2) + 2;
        var top = line + Gap + (line / 2);
        var bottom = ChartPalette.TickLength + (2 * line) + Gap + 2;
        var plot = new ChartBox(left, top, width - left - right, height - top - bottom);
        double X(double v) => plot.X + ((v - xScale.Min) / (xScale.Max - xScale.Min) * plot.Width);
        double Y(double v) => plot.Bottom - ((v - yScale.Min) / (yScale.Max - yScale.Min) * plot.Height);

        var labels = new List<PlacedLabel>();
        var yTicks = yScale.Ticks.Select(t => new AxisTick(Y(t), Signed(yScale, t))).ToList();
        foreach (var tick in yTicks)
        {
            labels.Add(Label(ChartLabelKind.ValueTick, tick.Text, plot.X - ChartPalette.TickLength - Gap, tick.Position, LabelAnchor.End, font));
        }
        var segments = new List<PlotSegment>();
        if (yScale.Min < 0 && yScale.Max > 0)
        {
            segments.Add(new PlotSegment(ChartSegment.Horizontal(Y(0), plot.X, plot.Right), PlotShapeKind.Zero));
        }
        if (bands.Count > 0)
        {
            segments.Add(new PlotSegment(new ChartSegment(X(minX), Y(bands[0].Fitted), X(maxX), Y(bands[^1].Fitted)), PlotShapeKind.Fit));
        }
        var band = bands.All(b => b.Band is not null) && bands.Count > 0
            ? bands.Select(b => (X(b.X), Y(b.Band!.Value.Upper))).Concat(bands.AsEnumerable().Reverse().Select(b => (X(b.X), Y(b.Band!.Value.Lower)))).ToList()
            : [];
        var dots = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).Select(p => new PlotDot(X(p.X), Y(p.Y), p.Key, p.Title)).ToList();
        var xTicks = XTicks(xScale, X, plot, font, labels);
        labels.Add(Label(ChartLabelKind.AxisTitle, yTitle, 0, line / 2, LabelAnchor.Start, font));
        labels.Add(Label(ChartLabelKind.AxisTitle, xTitle, plot.CenterX, plot.Bottom + ChartPalette.TickLength + line + (line / 2) + 2, LabelAnchor.Middle, font));
        return new PlotLayout
        {
            Size = new ChartSize(width, height, font), Plot = plot, XTicks = xTicks, YTicks = yTicks,
            Segments = segments, Band = band, Dots = dots, Labels = labels,
        };
    }

    private static List<AxisTick> XTicks(ValueScale scale, Func<double, double> x, ChartBox plot, double font, List<PlacedLabel> labels)
    {
        var ticks = scale.Ticks.Select(t => new AxisTick(x(t), Signed(scale, t))).ToList();
        var line = TextMetrics.Height(font);
        foreach (var tick in ticks)
        {
            labels.Add(Label(ChartLabelKind.ValueTick, tick.Text, tick.Position, plot.Bottom + ChartPalette.TickLength + 1 + (line / 2), LabelAnchor.Middle, font));
        }
        return ticks;
    }

    /// <summary>A tick's text with a true minus sign, as the page writes negative changes.</summary>
    private static string Signed(ValueScale scale, double value) =>
        value < 0 ? "−" + scale.Format(-value) : scale.Format(value);

    private static double Width(string text, double font) => TextMetrics.Width(text, font);

    /// <summary>A one-line label anchored at (x, its vertical middle).</summary>
    private static PlacedLabel Label(ChartLabelKind kind, string text, double x, double middle, LabelAnchor anchor, double font)
    {
        var width = Width(text, font);
        var height = TextMetrics.Height(font);
        var left = anchor switch
        {
            LabelAnchor.End => x - width,
            LabelAnchor.Middle => x - (width / 2),
            _ => x,
        };
        var box = new ChartBox(left, middle - (height / 2), width, height);
        return new PlacedLabel(kind, text, box, anchor, box.Y + (TextMetrics.Ascent * font));
    }

    /// <summary>"−3.0" with a true minus sign and <paramref name="decimals"/> decimals.</summary>
    public static string Number(double value, int decimals)
    {
        var text = Math.Abs(value).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return value < 0 && text.Any(c => c is >= '1' and <= '9') ? "−" + text : text;
    }
}
