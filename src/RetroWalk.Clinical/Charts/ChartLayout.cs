namespace RetroWalk.Clinical.Charts;

/// <summary>
/// Everything a renderer needs to draw a <see cref="TimeChart"/>, already placed: the plot area, the three
/// axes' ticks, the band, reference lines, bars, points and every label. Labels never overlap one another,
/// a line or a point; a value label that finds no free place is left out (the chart's data table lists it).
/// The screen (SVG) and the PDF report draw the same layout, so they show the same picture.
/// </summary>
public sealed record ChartLayout
{
    public required ChartSize Size { get; init; }

    public required ChartBox Plot { get; init; }

    public required ValueScale Values { get; init; }

    /// <summary>The minutes axis on the right; null when the chart has no weekly minutes.</summary>
    public ValueScale? Minutes { get; init; }

    public required IReadOnlyList<AxisTick> ValueTicks { get; init; }

    public required IReadOnlyList<AxisTick> DateTicks { get; init; }

    public required IReadOnlyList<AxisTick> MinuteTicks { get; init; }

    /// <summary>The ± MDC band, clipped to the plot; null without one.</summary>
    public ChartBox? Band { get; init; }

    public required IReadOnlyList<PlacedBar> Bars { get; init; }

    public required IReadOnlyList<PlacedLine> Lines { get; init; }

    public required IReadOnlyList<PlacedPoint> Points { get; init; }

    /// <summary>Every piece of text: axis titles and ticks, line labels and value labels.</summary>
    public required IReadOnlyList<PlacedLabel> Labels { get; init; }

    public required IReadOnlyList<LegendEntry> Legend { get; init; }

    /// <summary>Radius of a result's marker.</summary>
    public double PointRadius => Size.FontSize * 0.4;

    /// <summary>Text that a reference line or result has but could not show on the plot (listed under it).</summary>
    public IReadOnlyList<string> Unplaced { get; init; } = [];

    public static ChartLayout For(TimeChart chart, ChartSize? size = null) => new ChartLayoutBuilder(chart, size ?? ChartSize.Standard).Build();
}
