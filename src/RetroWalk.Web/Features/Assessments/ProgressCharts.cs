using RetroWalk.Clinical.Charts;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>
/// One measure of the progress review as a chart (<see cref="TimeChart"/>): the same input for the page's SVG
/// and the PDF report's chart, so both draw the same picture.
/// </summary>
public static class ProgressCharts
{
    public const string ProgrammeStart = "Programme start";
    public const string ProgrammeEnd = "Programme end";

    /// <summary>The chart of <paramref name="measure"/> on the review's time axis, with its programmes and weekly minutes.</summary>
    public static TimeChart For(MeasureProgress measure, ProgressReview review) =>
        For(measure, review.Timeline, review.From, review.To);

    /// <summary>
    /// The chart of <paramref name="measure"/> from <paramref name="from"/> to <paramref name="to"/>: programme markers
    /// and weekly minutes outside that period are left out.
    /// </summary>
    public static TimeChart For(MeasureProgress measure, ProgressTimeline timeline, DateOnly? from, DateOnly? to)
    {
        bool Within(DateOnly date) => (from is null || date >= from) && (to is null || date <= to);
        return new TimeChart
        {
            Title = measure.Name,
            Unit = measure.Unit,
            Values = [.. measure.Points.Select(p => new ChartValue(p.Date, (double)p.Value, p.ValueText))],
            Baseline = measure.Baseline is { } baseline ? new ChartReference((double)baseline.Value, $"Baseline {baseline.ValueText}") : null,
            MdcBand = measure is { MdcBandLower: { } lower, MdcBandUpper: { } upper }
                ? new ChartBand((double)lower, (double)upper, measure.MdcBandLabel ?? "Baseline ± MDC")
                : null,
            CutOffs = [.. measure.CutOffLines.Select(line => new ChartCutOff((double)line.Value, line.Label, line.Side, (double?)line.FarEdge, line.Source))],
            Markers =
            [
                .. timeline.Programmes.SelectMany(p => p.End is { } end
                        ? new[] { new ChartMarker(p.Start, ProgrammeStart), new ChartMarker(end, ProgrammeEnd) }
                        : [new ChartMarker(p.Start, ProgrammeStart)])
                    .Where(m => Within(m.Date)),
            ],
            WeeklyMinutes = [.. timeline.WeeklyDose.Where(w => Within(w.WeekStart) || Within(w.WeekStart.AddDays(6))).Select(w => new ChartWeek(w.WeekStart, w.Minutes))],
            From = from,
            To = to,
        };
    }
}
