namespace RetroWalk.Clinical.Charts;

/// <summary>
/// One measure over time, as the progress review and the PDF report draw it: the results, the baseline,
/// the ± MDC band around it, cut-off lines that each name their band, programme start and end markers,
/// and the weekly minutes of training on a second axis. Text arrives formatted ("13.0 s"); the layout
/// (<see cref="ChartLayout.For"/>) decides where everything goes.
/// </summary>
public sealed record TimeChart
{
    /// <summary>The measure's name, e.g. "Timed Up and Go".</summary>
    public required string Title { get; init; }

    /// <summary>The value axis' unit, e.g. "s" or "points".</summary>
    public required string Unit { get; init; }

    /// <summary>The results in date order; each carries its label in the measure's own format.</summary>
    public required IReadOnlyList<ChartValue> Values { get; init; }

    public ChartReference? Baseline { get; init; }

    /// <summary>Baseline ± MDC: a change that stays inside it may be measurement error.</summary>
    public ChartBand? MdcBand { get; init; }

    public IReadOnlyList<ChartCutOff> CutOffs { get; init; } = [];

    /// <summary>Dates marked by a vertical line, e.g. a programme's start and end.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Minutes of training per week, drawn as bars on the second (right-hand) axis.</summary>
    public IReadOnlyList<ChartWeek> WeeklyMinutes { get; init; } = [];

    /// <summary>First day the date axis must show even without data on it (e.g. a review or report period).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day the date axis must show.</summary>
    public DateOnly? To { get; init; }
}

/// <summary>A result: its date, its value and the value as the measure writes it ("13.0 s").</summary>
public sealed record ChartValue(DateOnly Date, double Value, string Label);

/// <summary>A horizontal reference line with its label, e.g. "Baseline 38 points".</summary>
public sealed record ChartReference(double Value, string Label);

/// <summary>A horizontal band between two values.</summary>
public sealed record ChartBand(double Low, double High, string Label);

/// <summary>The side of a cut-off line on which the band its label names lies.</summary>
public enum BandSide
{
    Above = 1,
    Below = 2,
}

/// <summary>
/// A cut-off line whose label names the band on one side of it, e.g. a line at 0.8 m/s labelled
/// "Limited community ambulator, 0.4–0.8 m/s" below it. The label is always drawn inside its band: next to
/// the line where there is room, else further into the band, up to <paramref name="FarEdge"/> (the band's
/// other limit; null when the band is open-ended). The key names the cut-off's <paramref name="Source"/>.
/// </summary>
public sealed record ChartCutOff(double Value, string Label, BandSide Side, double? FarEdge = null, string? Source = null);

/// <summary>A date marked by a vertical line and a label above the plot, e.g. "Programme start".</summary>
public sealed record ChartMarker(DateOnly Date, string Label);

/// <summary>Minutes of training in the week (Monday to Sunday) that starts on <paramref name="WeekStart"/>.</summary>
public sealed record ChartWeek(DateOnly WeekStart, double Minutes);
