namespace RetroWalk.Clinical.Charts;

/// <summary>What a shape on a cohort chart stands for; the renderer picks its colour and stroke from it.</summary>
public enum PlotShapeKind
{
    /// <summary>A group's mean change (bar) or an individual change (dot).</summary>
    Value = 1,

    /// <summary>A confidence interval: whisker, or the band around a fitted line.</summary>
    Interval = 2,

    /// <summary>The zero-change line.</summary>
    Zero = 3,

    /// <summary>An MDC line.</summary>
    Mdc = 4,

    /// <summary>An MCID line.</summary>
    Mcid = 5,

    /// <summary>A fitted regression line.</summary>
    Fit = 6,
}

/// <summary>A numbered line's key: its number on the chart, what it is, and how it is drawn.</summary>
public sealed record PlotKey(string Tag, string Text, PlotShapeKind Kind);

public sealed record PlotRect(ChartBox Box, PlotShapeKind Kind);

public sealed record PlotSegment(ChartSegment Segment, PlotShapeKind Kind);

/// <summary>A dot; <see cref="Key"/> identifies what it stands for (a patient), <see cref="Title"/> describes it.</summary>
public sealed record PlotDot(double X, double Y, string? Key, string Title);

/// <summary>
/// A cohort chart already placed, in the same units and text metrics as <see cref="ChartLayout"/>: the plot area,
/// ticks on both axes, rectangles, segments, an optional band (closed polygon) and dots, and every label. Drawn as plain
/// SVG on the page; the same layout could be drawn in a PDF.
/// </summary>
public sealed record PlotLayout
{
    public required ChartSize Size { get; init; }

    public required ChartBox Plot { get; init; }

    /// <summary>Ticks along the bottom axis (x positions).</summary>
    public required IReadOnlyList<AxisTick> XTicks { get; init; }

    /// <summary>Ticks along the left axis (y positions); empty for a chart whose rows are categories.</summary>
    public required IReadOnlyList<AxisTick> YTicks { get; init; }

    public IReadOnlyList<PlotRect> Rects { get; init; } = [];

    public IReadOnlyList<PlotSegment> Segments { get; init; } = [];

    /// <summary>A confidence band as a closed polygon; empty when there is none.</summary>
    public IReadOnlyList<(double X, double Y)> Band { get; init; } = [];

    public IReadOnlyList<PlotDot> Dots { get; init; } = [];

    public required IReadOnlyList<PlacedLabel> Labels { get; init; }

    /// <summary>What each numbered line stands for, listed under the chart.</summary>
    public IReadOnlyList<PlotKey> Keys { get; init; } = [];

    public double DotRadius => Size.FontSize * 0.4;
}
