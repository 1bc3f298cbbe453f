namespace RetroWalk.Web.Features.Assessments;

/// <summary>A point of a chart series (a date on the time axis and a value).</summary>
public sealed record ChartPoint(DateTime Date, double Value);

/// <summary>A point of a band series (lower and upper edge at a date).</summary>
public sealed record BandPoint(DateTime Date, double Lower, double Upper);

/// <summary>A labelled line drawn as a series: a cut-off, the baseline or a programme marker.</summary>
public sealed record ChartLineSeries(string Title, IReadOnlyList<ChartPoint> Points, string Label)
{
    private static readonly int[] LabelPositions = [2, 1, 3];

    /// <summary>The point to label: the middle, then a quarter and three quarters along, so that nearby lines' labels do not overlap.</summary>
    public ChartPoint LabelPoint(int lineIndex) => Points.Count < 5 ? Points[^1] : Points[LabelPositions[lineIndex % LabelPositions.Length]];
}

/// <summary>
/// The series of one measure's chart: results, baseline, ± MDC band, cut-off lines and programme
/// markers, all on one date axis. Horizontal lines span the review's whole time range.
/// </summary>
public sealed record ChartModel(
    IReadOnlyList<ChartPoint> Values,
    ChartLineSeries? Baseline,
    IReadOnlyList<BandPoint> MdcBand,
    string? MdcBandTitle,
    IReadOnlyList<ChartLineSeries> CutOffs,
    IReadOnlyList<ChartLineSeries> ProgrammeMarkers,
    DateTime From,
    DateTime To)
{
    /// <summary>Days added before the first and after the last date so that end points are not on the frame.</summary>
    public const int PaddingDays = 4;

    public static ChartModel For(MeasureProgress measure, ProgressReview review)
    {
        // A measure appears in a review only with a result, whose date the review's period includes.
        var first = review.From ?? throw new ArgumentException("A review with a measure has a period.", nameof(review));
        var last = review.To ?? (measure.Points.Count > 0 ? measure.Points[^1].Date : first);
        var from = At(first.AddDays(-PaddingDays));
        var to = At(last.AddDays(PaddingDays));

        // Five points per horizontal line, so that each line's label can sit at a different place along it.
        var step = (to - from) / 4;
        ChartLineSeries Horizontal(string title, decimal value, string label) =>
            new(title, [.. Enumerable.Range(0, 5).Select(i => new ChartPoint(from + (step * i), (double)value))], label);

        var values = measure.Points.Select(p => new ChartPoint(At(p.Date), (double)p.Value)).ToList();
        var baseline = measure.Baseline is { } b ? Horizontal($"Baseline {b.ValueText}", b.Value, "Baseline") : null;
        BandPoint[] band = measure is { MdcBandLower: { } lower, MdcBandUpper: { } upper }
            ? [new(from, (double)lower, (double)upper), new(to, (double)lower, (double)upper)]
            : [];
        var cutOffs = measure.CutOffLines.Select(l => Horizontal($"Cut-off: {l.Label}", l.Value, l.Label)).ToList();

        // Vertical markers reach from the lowest to the highest value drawn.
        var levels = values.Select(v => v.Value)
            .Concat(band.SelectMany(p => new[] { p.Lower, p.Upper }))
            .Concat(cutOffs.Select(c => c.Points[0].Value))
            .DefaultIfEmpty(0).ToList();
        var (low, high) = (levels.Min(), levels.Max());
        var pad = Math.Max((high - low) * 0.1, 0.05 * Math.Max(Math.Abs(high), 1));
        (low, high) = (Math.Max(0, low - pad), high + pad);

        var markers = new List<ChartLineSeries>();
        foreach (var programme in review.Timeline.Programmes)
        {
            markers.Add(Vertical($"Programme start: {programme.Name}", programme.Start, "Start"));
            if (programme.End is { } end)
            {
                markers.Add(Vertical($"Programme end: {programme.Name}", end, "End"));
            }
        }

        return new ChartModel(values, baseline, band, measure.MdcBandLabel, cutOffs, markers, from, to);

        ChartLineSeries Vertical(string title, DateOnly date, string label) =>
            new(title, [new(At(date), low), new(At(date), high)], label);
    }

    public static DateTime At(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);
}
