namespace RetroWalk.Clinical.Charts;

/// <summary>
/// Lays out one <see cref="TimeChart"/> (see <see cref="ChartLayout"/>). Order: scales and margins, the date
/// axis, marker labels in rows above the plot, then the plot's labels from the most to the least
/// important (cut-offs, baseline, values), each at the first candidate place that is free.
/// </summary>
internal sealed class ChartLayoutBuilder(TimeChart chart, ChartSize size)
{
    private const double TickLength = ChartPalette.TickLength;
    private const double Gap = 3;

    /// <summary>Space kept between a label and anything else.</summary>
    private const double Clearance = 1.5;

    // Where along a reference line its label may go (0: left end, 1: right end): a few preferred places, then every 2.5 %.
    private static readonly double[] AlongTheLine = [0, 1, 0.5, 0.25, 0.75, .. Sweep()];
    private static readonly double[] AlongTheLineFromTheRight = [1, 0.75, 0.5, 0.25, 0, .. Sweep().Reverse()];

    private readonly double font = size.FontSize;
    private readonly double lineHeight = size.LineHeight;
    private readonly List<PlacedLabel> labels = [];
    private readonly List<PlacedLine> lines = [];
    private readonly List<ChartBox> occupied = [];
    private readonly List<ChartSegment> strokes = [];
    private readonly List<string> unplaced = [];

    public ChartLayout Build()
    {
        var values = chart.Values.Where(v => double.IsFinite(v.Value)).OrderBy(v => v.Date).ToList();
        var cutOffs = chart.CutOffs.Where(c => double.IsFinite(c.Value)).ToList();
        var baseline = chart.Baseline is { } b && double.IsFinite(b.Value) ? b : null;
        var band = chart.MdcBand is { } m && double.IsFinite(m.Low) && double.IsFinite(m.High) ? m : null;
        var weeks = chart.WeeklyMinutes.Where(w => double.IsFinite(w.Minutes) && w.Minutes >= 0).OrderBy(w => w.WeekStart).ToList();

        var levels = values.Select(v => v.Value)
            .Concat(cutOffs.Select(c => c.Value))
            .Concat(baseline is null ? [] : [baseline.Value])
            .Concat(band is null ? [] : [band.Low, band.High])
            .ToList();
        var scale = levels.Count == 0 ? ValueScale.Covering(0, 1) : ValueScale.Covering(levels.Min(), levels.Max());
        var minutes = weeks.Count == 0 ? null : ValueScale.Covering(0, Math.Max(30, weeks.Max(w => w.Minutes)), maxTicks: 5);

        // Margins: the tick labels on both sides and the date labels below; the top follows the marker rows.
        var valueTicks = scale.Ticks.Select(v => (Value: v, Text: scale.Format(v))).ToList();
        var minuteTicks = minutes?.Ticks.Select(v => (Value: v, Text: minutes.Format(v))).ToList() ?? [];
        var left = Math.Ceiling(valueTicks.Max(t => Width(t.Text)) + TickLength + Gap + 2);
        var right = minuteTicks.Count == 0 ? font : Math.Ceiling(minuteTicks.Max(t => Width(t.Text)) + TickLength + Gap + 2);
        var bottom = lineHeight + TickLength + 2;
        var plotWidth = size.Width - left - right;

        // Room at both ends of the date axis for a result's label beside its point.
        var (firstDay, lastDay) = DayRange(values, weeks);
        var endRoom = Math.Min(plotWidth * 0.15, Math.Max(plotWidth * 0.03, values.Select(v => Width(v.Label)).DefaultIfEmpty(0).Max() + 8));
        var unitsPerDay = (plotWidth - (2 * endRoom)) / (lastDay - firstDay);
        double X(DateOnly date) => left + endRoom + ((date.DayNumber - firstDay) * unitsPerDay);

        // Above the plot, rows counted upwards from it: marker labels where they fit, then the axis titles.
        var rows = new MarkerRows(size.Width, lineHeight);
        var markerRows = chart.Markers
            .GroupBy(marker => marker.Date)
            .Select(sameDay => (Label: string.Join(" / ", sameDay.Select(m => m.Label).Distinct()), X: X(sameDay.Key)))
            .OrderByDescending(m => m.X)
            .Select(m => (m.Label, m.X, Width: Width(m.Label)))
            .Select(m => (m.Label, m.X, m.Width, Place: rows.Place(m.X, m.Width)))
            .ToList();
        var unitTitle = (Left: 0.0, Width: Width(chart.Unit));
        var unitRow = rows.Reserve(unitTitle.Left, unitTitle.Width);
        (double Left, double Width, int Row)? minutesTitle = null;
        if (minutes is not null)
        {
            var width = Width(MinutesTitle);
            minutesTitle = (size.Width - width, width, rows.Reserve(size.Width - width, width));
        }
        // The rows start half a line above the plot, clear of the top tick's label.
        var top = (rows.Count * lineHeight) + (lineHeight / 2) + Gap + 2;
        var plot = new ChartBox(left, top, plotWidth, size.Height - top - bottom);
        double Y(double value) => plot.Bottom - ((value - scale.Min) / (scale.Max - scale.Min) * plot.Height);
        double RowTop(int row) => plot.Y - (lineHeight / 2) - Gap - ((row + 1) * lineHeight);

        AddLabel(ChartLabelKind.AxisTitle, chart.Unit, new ChartBox(unitTitle.Left, RowTop(unitRow), unitTitle.Width, lineHeight), LabelAnchor.Start);
        if (minutesTitle is { } title)
        {
            AddLabel(ChartLabelKind.AxisTitle, MinutesTitle, new ChartBox(title.Left, RowTop(title.Row), title.Width, lineHeight), LabelAnchor.End);
        }

        // Ticks.
        var valueAxis = valueTicks.Select(t => new AxisTick(Y(t.Value), t.Text)).ToList();
        foreach (var tick in valueAxis)
        {
            var width = Width(tick.Text);
            AddLabel(ChartLabelKind.ValueTick, tick.Text, new ChartBox(plot.X - TickLength - Gap - width, tick.Position - (lineHeight / 2), width, lineHeight), LabelAnchor.End);
        }
        var minutesAxis = minutes is null ? [] : minuteTicks.Select(t => new AxisTick(plot.Bottom - ((t.Value - minutes.Min) / (minutes.Max - minutes.Min) * plot.Height), t.Text)).ToList();
        foreach (var tick in minutesAxis)
        {
            AddLabel(ChartLabelKind.MinutesTick, tick.Text, new ChartBox(plot.Right + TickLength + Gap, tick.Position - (lineHeight / 2), Width(tick.Text), lineHeight), LabelAnchor.Start);
        }
        var extraDays = (int)Math.Floor(endRoom / unitsPerDay);
        var dateAxis = new List<AxisTick>();
        int? yearShown = null;
        foreach (var tick in DateTicks.For(DateOnly.FromDayNumber(firstDay - extraDays), DateOnly.FromDayNumber(lastDay + extraDays), unitsPerDay, font))
        {
            var x = X(tick.Date);
            dateAxis.Add(new AxisTick(x, tick.Text));
            // A date near a corner keeps its tick but not its label where that would cover another label; the year
            // then goes to the next label shown.
            var text = yearShown == tick.Date.Year ? tick.Text : tick.TextWithYear;
            var width = Width(text);
            var box = new ChartBox(Math.Clamp(x - (width / 2), 0, size.Width - width), plot.Bottom + TickLength + 1, width, lineHeight);
            if (!occupied.Any(box.Inflate(Clearance).Overlaps))
            {
                AddLabel(ChartLabelKind.DateTick, text, box, LabelAnchor.Middle);
                yearShown = tick.Date.Year;
            }
        }

        // What is drawn on the plot; every line is an obstacle for the labels that follow.
        var bars = minutes is null ? [] : Bars(weeks, minutes, plot, X);
        ChartBox? bandBox = band is null ? null : BandBox(Y(Math.Max(band.Low, band.High)), Y(Math.Min(band.Low, band.High)), plot);
        foreach (var (label, x, width, place) in markerRows)
        {
            AddLabel(ChartLabelKind.Marker, label, new ChartBox(place.Left, RowTop(place.Row), width, lineHeight), LabelAnchor.Start);
            AddLine(ChartLineKind.Marker, ChartSegment.Vertical(x, place.Connected ? RowTop(place.Row) + (lineHeight / 2) : plot.Y, plot.Bottom));
        }
        if (baseline is not null)
        {
            AddLine(ChartLineKind.Baseline, ChartSegment.Horizontal(Y(baseline.Value), plot.X, plot.Right));
        }
        foreach (var cutOff in cutOffs)
        {
            AddLine(ChartLineKind.CutOff, ChartSegment.Horizontal(Y(cutOff.Value), plot.X, plot.Right));
        }
        var points = values.Select(v => new PlacedPoint(X(v.Date), Y(v.Value), v)).ToList();
        var radius = font * 0.4;
        foreach (var (from, to) in points.Zip(points.Skip(1)))
        {
            strokes.Add(new ChartSegment(from.X, from.Y, to.X, to.Y));
        }
        foreach (var point in points)
        {
            occupied.Add(new ChartBox(point.X - radius, point.Y - radius, 2 * radius, 2 * radius));
        }

        // Labels on the plot, most important first.
        var inside = plot.Inflate(-2);
        foreach (var cutOff in cutOffs.OrderBy(c => c.Value))
        {
            var farEdge = cutOff.FarEdge is { } edge && double.IsFinite(edge) ? Y(edge) : (cutOff.Side == BandSide.Above ? inside.Y : inside.Bottom);
            PlaceInBand(ChartLabelKind.CutOff, cutOff.Label, Y(cutOff.Value), cutOff.Side, farEdge, inside, AlongTheLine);
        }
        if (baseline is not null)
        {
            var y = Y(baseline.Value);
            if (!PlaceInBand(ChartLabelKind.Baseline, baseline.Label, y, BandSide.Above, y, inside, AlongTheLineFromTheRight, record: false))
            {
                PlaceInBand(ChartLabelKind.Baseline, baseline.Label, y, BandSide.Below, y, inside, AlongTheLineFromTheRight);
            }
        }
        foreach (var point in points)
        {
            PlaceValue(point, radius, inside);
        }

        return new ChartLayout
        {
            Size = size,
            Plot = plot,
            Values = scale,
            Minutes = minutes,
            ValueTicks = valueAxis,
            DateTicks = dateAxis,
            MinuteTicks = minutesAxis,
            Band = bandBox,
            Bars = bars,
            Lines = lines,
            Points = points,
            Labels = labels,
            Legend = Legend(values, baseline, band, cutOffs, weeks),
            Unplaced = unplaced,
        };
    }

    private static IEnumerable<double> Sweep() => Enumerable.Range(0, 41).Select(i => i / 40.0);

    /// <summary>Title of the minutes axis.</summary>
    public const string MinutesTitle = "min/week";

    private double Width(string text) => TextMetrics.Width(text, font);

    private void AddLabel(ChartLabelKind kind, string text, ChartBox box, LabelAnchor anchor)
    {
        labels.Add(new PlacedLabel(kind, text, box, anchor, box.Y + (TextMetrics.Ascent * font)));
        occupied.Add(box);
    }

    private void AddLine(ChartLineKind kind, ChartSegment segment)
    {
        lines.Add(new PlacedLine(kind, segment));
        strokes.Add(segment);
    }

    private bool IsFree(ChartBox box, ChartBox inside)
    {
        if (!inside.Contains(box))
        {
            return false;
        }
        var padded = box.Inflate(Clearance);
        return !occupied.Any(padded.Overlaps) && !strokes.Any(padded.Crosses);
    }

    /// <summary>
    /// A reference line's label on <paramref name="side"/> of the line, as close to it as there is room: first
    /// right beside it, then further away up to <paramref name="farEdgeY"/> (the far limit of the band it names),
    /// on one line or else wrapped onto two. Returns false, and notes the label as unplaced when
    /// <paramref name="record"/>, when no place is free.
    /// </summary>
    private bool PlaceInBand(ChartLabelKind kind, string text, double lineY, BandSide side, double farEdgeY, ChartBox inside, double[] along, bool record = true)
    {
        foreach (var lines in new[] { [text], Wrapped(text) }.Where(l => l.Length > 0))
        {
            var width = lines.Max(Width);
            var height = lines.Length * lineHeight;
            var nearest = side == BandSide.Above ? lineY - Clearance - 1 - height : lineY + Clearance + 1;
            var room = side == BandSide.Above ? nearest - Math.Max(farEdgeY, inside.Y) : Math.Min(farEdgeY, inside.Bottom) - height - nearest;
            for (var away = 0.0; away <= Math.Max(0, room); away += lineHeight / 2)
            {
                var y = side == BandSide.Above ? nearest - away : nearest + away;
                foreach (var fraction in along)
                {
                    var box = new ChartBox(inside.X + 2 + (fraction * (inside.Width - width - 4)), y, width, height);
                    if (IsFree(box, inside))
                    {
                        labels.Add(new PlacedLabel(kind, text, box, LabelAnchor.Start, box.Y + (TextMetrics.Ascent * font)) { Lines = lines });
                        occupied.Add(box);
                        return true;
                    }
                }
            }
        }
        if (record)
        {
            unplaced.Add(text);
        }
        return false;
    }

    /// <summary>
    /// <paramref name="text"/> split onto two lines, as narrow as they can be: after a comma where there is one,
    /// never between a number and its unit or after a sign such as "&lt;". Empty when it cannot be split.
    /// </summary>
    private string[] Wrapped(string text)
    {
        var splits = new List<int>();
        for (var i = text.IndexOf(' ', StringComparison.Ordinal); i > 0; i = text.IndexOf(' ', i + 1))
        {
            var before = text[..i].Split(' ')[^1];
            if (!before.Any(c => char.IsAsciiDigit(c) || c is '<' or '>' or '≤' or '≥' or '±'))
            {
                splits.Add(i);
            }
        }
        var afterComma = splits.Where(i => text[i - 1] == ',').ToList();
        var best = Array.Empty<string>();
        var bestWidth = double.MaxValue;
        foreach (var i in afterComma.Count > 0 ? afterComma : splits)
        {
            string[] lines = [text[..i], text[(i + 1)..]];
            var width = lines.Max(Width);
            if (width < bestWidth)
            {
                (best, bestWidth) = (lines, width);
            }
        }
        return best;
    }

    /// <summary>A result's label above, below or beside its point, wherever it is free first.</summary>
    private void PlaceValue(PlacedPoint point, double radius, ChartBox inside)
    {
        var width = Width(point.Value.Label);
        var h = lineHeight;
        var d = radius + Clearance + 1;
        (double X, double Y)[] candidates =
        [
            (point.X - (width / 2), point.Y - d - h),
            (point.X - (width / 2), point.Y + d),
            (point.X + d - 2, point.Y - d - h),
            (point.X - d + 2 - width, point.Y - d - h),
            (point.X + d, point.Y - (h / 2)),
            (point.X - d - width, point.Y - (h / 2)),
            (point.X + d - 2, point.Y + d),
            (point.X - d + 2 - width, point.Y + d),
        ];
        foreach (var (x, y) in candidates)
        {
            var box = new ChartBox(x, y, width, h);
            if (IsFree(box, inside))
            {
                AddLabel(ChartLabelKind.Value, point.Value.Label, box, LabelAnchor.Start);
                return;
            }
        }
        unplaced.Add(point.Value.Label);
    }

    private (int First, int Last) DayRange(List<ChartValue> values, List<ChartWeek> weeks)
    {
        var days = values.Select(v => v.Date.DayNumber)
            .Concat(chart.Markers.Select(m => m.Date.DayNumber))
            .Concat(weeks.SelectMany(w => new[] { w.WeekStart.DayNumber, w.WeekStart.DayNumber + 6 }))
            .Concat(chart.From is { } from ? [from.DayNumber] : [])
            .Concat(chart.To is { } to ? [to.DayNumber] : [])
            .ToList();
        if (days.Count == 0)
        {
            days.Add(new DateOnly(2000, 1, 1).DayNumber);
        }
        var (first, last) = (days.Min(), days.Max());
        return first == last ? (first - 7, last + 7) : (first, last);
    }

    private static List<PlacedBar> Bars(List<ChartWeek> weeks, ValueScale minutes, ChartBox plot, Func<DateOnly, double> x)
    {
        var bars = new List<PlacedBar>(weeks.Count);
        foreach (var week in weeks)
        {
            var (start, end) = (x(week.WeekStart), x(week.WeekStart.AddDays(7)));
            var inset = (end - start) * 0.12;
            var (left, right) = (Math.Max(plot.X, start + inset), Math.Min(plot.Right, end - inset));
            if (right <= left)
            {
                continue;
            }
            var height = (week.Minutes - minutes.Min) / (minutes.Max - minutes.Min) * plot.Height;
            bars.Add(new PlacedBar(new ChartBox(left, plot.Bottom - height, right - left, height), week));
        }
        return bars;
    }

    private static ChartBox? BandBox(double top, double bottom, ChartBox plot)
    {
        var (clippedTop, clippedBottom) = (Math.Clamp(top, plot.Y, plot.Bottom), Math.Clamp(bottom, plot.Y, plot.Bottom));
        return clippedBottom > clippedTop ? new ChartBox(plot.X, clippedTop, plot.Width, clippedBottom - clippedTop) : null;
    }

    private List<LegendEntry> Legend(List<ChartValue> values, ChartReference? baseline, ChartBand? band, List<ChartCutOff> cutOffs, List<ChartWeek> weeks)
    {
        var legend = new List<LegendEntry>();
        if (values.Count > 0)
        {
            legend.Add(new LegendEntry(LegendKind.Results, "Results"));
        }
        if (baseline is not null)
        {
            legend.Add(new LegendEntry(LegendKind.Baseline, baseline.Label));
        }
        if (band is not null)
        {
            legend.Add(new LegendEntry(LegendKind.MdcBand, band.Label));
        }
        legend.AddRange(cutOffs.OrderByDescending(c => c.Value).Select(c => new LegendEntry(LegendKind.CutOff, c.Source is null ? c.Label : $"{c.Label} ({c.Source})")));
        legend.AddRange(chart.Markers.Select(m => m.Label).Distinct().Select(label => new LegendEntry(LegendKind.Marker, label)));
        if (weeks.Count > 0)
        {
            legend.Add(new LegendEntry(LegendKind.WeeklyMinutes, "Minutes of training per week"));
        }
        return legend;
    }

    /// <summary>
    /// Rows of labels above the plot, counted upwards from it. A marker's label sits beside its line (to the right
    /// where it fits) in the lowest row where it overlaps no other label, no other marker's line crosses it and its
    /// own line crosses no label below it; markers are placed from right to left, so that close markers climb a
    /// row each. A label that finds no such row floats in the lowest row where it overlaps nothing, and its line
    /// then stops at the plot. Axis titles go to the lowest row where they overlap nothing and no line crosses them.
    /// </summary>
    private sealed class MarkerRows(double chartWidth, double lineHeight)
    {
        private readonly List<(int Row, double Left, double Right, double? Leader)> taken = [];

        public int Count => taken.Count == 0 ? 1 : taken.Max(t => t.Row) + 1;

        public (int Row, double Left, bool Connected) Place(double x, double width)
        {
            var left = x + 3 + width <= chartWidth ? x + 3 : Math.Max(0, x - 3 - width);
            var highest = taken.Count == 0 ? 0 : taken.Max(t => t.Row) + 1;
            for (var row = 0; row <= highest; row++)
            {
                if (IsFree(row, left, left + width, x))
                {
                    taken.Add((row, left, left + width, x));
                    return (row, left, true);
                }
            }
            return (Reserve(left, width), left, false);
        }

        public int Reserve(double left, double width)
        {
            // A row above every other label is always free.
            var row = 0;
            while (!IsFree(row, left, left + width, leader: null))
            {
                row++;
            }
            taken.Add((row, left, left + width, null));
            return row;
        }

        private bool IsFree(int row, double left, double right, double? leader)
        {
            var gap = lineHeight / 2;
            return taken.All(t =>
                !(t.Row == row && left < t.Right + gap && t.Left < right + gap)
                && !(t.Row > row && t.Leader is { } other && other > left - 2 && other < right + 2)
                && !(t.Row < row && leader is { } own && own > t.Left - 2 && own < t.Right + 2));
        }
    }
}
