namespace RetroWalk.Clinical.Charts;

/// <summary>
/// The drawing area of a chart in its own units (SVG user units on screen; scaled to points in the PDF)
/// and the size of its text. Both outputs use <see cref="Standard"/>, so they show the same picture.
/// </summary>
public sealed record ChartSize(double Width, double Height, double FontSize)
{
    public static ChartSize Standard { get; } = new(760, 320, 11);

    public double LineHeight => TextMetrics.Height(FontSize);
}

/// <summary>An axis-aligned rectangle; Y grows downwards as on screen and in PDFsharp.</summary>
public readonly record struct ChartBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public ChartBox Inflate(double by) => new(X - by, Y - by, Width + (2 * by), Height + (2 * by));

    /// <summary>True when the two boxes share any area (touching edges do not count).</summary>
    public bool Overlaps(ChartBox other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public bool Contains(ChartBox other) => other.X >= X && other.Right <= Right && other.Y >= Y && other.Bottom <= Bottom;

    public bool Contains(double x, double y) => x > X && x < Right && y > Y && y < Bottom;

    /// <summary>True when any part of <paramref name="segment"/> lies inside the box.</summary>
    public bool Crosses(ChartSegment segment)
    {
        // Clip the segment against the box (Liang–Barsky); it crosses when a part of it remains.
        var (x1, y1, dx, dy) = (segment.X1, segment.Y1, segment.X2 - segment.X1, segment.Y2 - segment.Y1);
        double low = 0, high = 1;
        foreach (var (p, q) in new[] { (-dx, x1 - X), (dx, Right - x1), (-dy, y1 - Y), (dy, Bottom - y1) })
        {
            if (p == 0)
            {
                if (q <= 0)
                {
                    return false;
                }
                continue;
            }
            var t = q / p;
            if (p < 0)
            {
                low = Math.Max(low, t);
            }
            else
            {
                high = Math.Min(high, t);
            }
            if (low >= high)
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A straight line from (X1, Y1) to (X2, Y2).</summary>
public readonly record struct ChartSegment(double X1, double Y1, double X2, double Y2)
{
    public static ChartSegment Horizontal(double y, double fromX, double toX) => new(fromX, y, toX, y);

    public static ChartSegment Vertical(double x, double fromY, double toY) => new(x, fromY, x, toY);
}

/// <summary>A tick on an axis: its position (y for a value axis, x for the date axis) and its label.</summary>
public sealed record AxisTick(double Position, string Text);

public enum ChartLineKind
{
    Baseline = 1,
    CutOff = 2,
    Marker = 3,
}

/// <summary>A reference line as drawn: baseline and cut-offs across the plot, markers from their label down.</summary>
public sealed record PlacedLine(ChartLineKind Kind, ChartSegment Segment);

/// <summary>A result at its place on the plot.</summary>
public sealed record PlacedPoint(double X, double Y, ChartValue Value);

/// <summary>A week's bar on the minutes axis.</summary>
public sealed record PlacedBar(ChartBox Box, ChartWeek Week);

public enum ChartLabelKind
{
    Value = 1,
    CutOff = 2,
    Baseline = 3,
    Marker = 4,
    ValueTick = 5,
    DateTick = 6,
    MinutesTick = 7,
    AxisTitle = 8,

    /// <summary>The name of a row of a cohort chart (a protocol or condition).</summary>
    Category = 9,
}

/// <summary>Where a label's text is anchored inside its box.</summary>
public enum LabelAnchor
{
    Start = 1,
    Middle = 2,
    End = 3,
}

/// <summary>
/// A label with the box it occupies. Text is drawn on the baseline <see cref="TextY"/> at <see cref="AnchorX"/>:
/// from the left edge, centred, or ending at the right edge. A label wrapped onto two lines has both in
/// <see cref="Lines"/>, the second a line height lower.
/// </summary>
public sealed record PlacedLabel(ChartLabelKind Kind, string Text, ChartBox Box, LabelAnchor Anchor, double TextY)
{
    /// <summary>The text's lines (one unless it was wrapped to fit).</summary>
    public IReadOnlyList<string> Lines { get; init; } = [Text];

    public double AnchorX => Anchor switch
    {
        LabelAnchor.Middle => Box.CenterX,
        LabelAnchor.End => Box.Right,
        _ => Box.X,
    };
}

public enum LegendKind
{
    Results = 1,
    Baseline = 2,
    MdcBand = 3,
    CutOff = 4,
    Marker = 5,
    WeeklyMinutes = 6,
}

/// <summary>One entry of the chart's key.</summary>
public sealed record LegendEntry(LegendKind Kind, string Text);
