using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Protocols;

/// <summary>Where a planned assessment stands on a given day.</summary>
public enum PlannedAssessmentStatus
{
    /// <summary>Its window has not opened yet.</summary>
    Upcoming = 1,

    /// <summary>The window is open and the due date has not passed.</summary>
    Due = 2,

    /// <summary>The due date has passed; a recording still counts until the window closes.</summary>
    Overdue = 3,

    /// <summary>The window closed without every planned measure recorded.</summary>
    Missed = 4,

    /// <summary>Every planned measure was recorded at the planned time point within the window.</summary>
    Done = 5,
}

/// <summary>An assessment already recorded: its date, its time point and the measures with a complete result.</summary>
public sealed record RecordedAssessment(DateOnly Date, AssessmentPoint Point, IReadOnlyCollection<string> MeasureCodes);

/// <summary>
/// One planned assessment of a programme: when it is due, the window in which a recording counts
/// (<see cref="Opens"/> to <see cref="Closes"/>, both inclusive), and where it stands.
/// </summary>
public sealed record PlannedAssessment(
    OutcomeAssessment Plan,
    DateOnly DueDate,
    DateOnly Opens,
    DateOnly Closes,
    PlannedAssessmentStatus Status,
    IReadOnlyList<string> RecordedMeasures,
    IReadOnlyList<string> MissingMeasures,
    DateOnly? LastRecordedOn)
{
    public AssessmentPoint Point => Plan.Point;

    /// <summary>Not done and still to be recorded: due or overdue.</summary>
    public bool IsOutstanding => Status is PlannedAssessmentStatus.Due or PlannedAssessmentStatus.Overdue;
}

/// <summary>
/// Due dates of a programme's outcome assessment plan and whether each planned assessment is done.
/// <list type="bullet">
/// <item><b>Baseline</b> is due on the start date; a baseline recorded up to <see cref="BaselineLookbackDays"/> days
/// before the start counts.</item>
/// <item><b>Interim at week N</b> is due on the last day of programme week N, the seven days from start + 7·(N − 1)
/// (as <see cref="Schedules.WeekOf"/>), i.e. start + 7·N − 1.</item>
/// <item><b>End</b> is due on the programme's end: its end date once ended, else its last planned session.</item>
/// <item><b>Follow-up N weeks</b> is due on the end + 7·N days.</item>
/// </list>
/// A recording counts for a planned assessment when its time point matches and its date is in the window:
/// from <see cref="EarlyDays"/> days before the due date (so an interim counts anywhere in its programme week and an
/// end assessment in the last seven days) until <see cref="LateDays"/> days after it (a late recording still counts;
/// until then the assessment is overdue, afterwards missed). Windows of the same time point never share a day: an
/// earlier interim's window closes the day before the next interim's opens (never before its own due date). Measures may be recorded over several sittings within the window;
/// the assessment is done when every planned measure has a recording. Measure codes compare case-insensitively.
/// </summary>
public static class AssessmentSchedule
{
    /// <summary>A recording up to six days before the due date counts: the due date's own seven days.</summary>
    public const int EarlyDays = 6;

    /// <summary>A baseline taken up to four weeks before the start counts.</summary>
    public const int BaselineLookbackDays = 28;

    /// <summary>A recording up to four weeks after the due date still counts (the assessment is overdue until then).</summary>
    public const int LateDays = 28;

    /// <summary>The due date of one planned assessment of a programme from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static DateOnly DueDate(OutcomeAssessment plan, DateOnly start, DateOnly end) => plan.Point switch
    {
        AssessmentPoint.Baseline => start,
        AssessmentPoint.Interim => Schedules.WeekStart(start, Math.Max(plan.Week ?? 1, 1)).AddDays(6),
        AssessmentPoint.End => end,
        AssessmentPoint.FollowUp => end.AddDays(7 * Math.Max(plan.Week ?? 0, 0)),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Point, "Unknown assessment point."),
    };

    /// <summary>
    /// Every planned assessment with its due date, window and status on <paramref name="today"/>, in due-date order.
    /// <paramref name="end"/> is the programme's end date, or its last planned session while it runs.
    /// </summary>
    public static IReadOnlyList<PlannedAssessment> Evaluate(
        IReadOnlyList<OutcomeAssessment> plan,
        DateOnly start,
        DateOnly end,
        IReadOnlyCollection<RecordedAssessment> recorded,
        DateOnly today)
    {
        var dated = plan.Select((p, i) => (Plan: p, Index: i, Due: DueDate(p, start, end))).ToList();
        var result = new PlannedAssessment?[dated.Count];
        foreach (var samePoint in dated.GroupBy(d => d.Plan.Point))
        {
            var ordered = samePoint.OrderBy(d => d.Due).ThenBy(d => d.Index).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (p, index, due) = ordered[i];
                var opens = due.AddDays(-(p.Point == AssessmentPoint.Baseline ? BaselineLookbackDays : EarlyDays));
                if (i > 0 && opens <= ordered[i - 1].Due)
                {
                    opens = ordered[i - 1].Due.AddDays(1);
                }
                var closes = due.AddDays(LateDays);
                if (i + 1 < ordered.Count)
                {
                    var next = ordered[i + 1];
                    var nextOpens = next.Due.AddDays(-EarlyDays);
                    closes = Min(closes, Max(due, nextOpens.AddDays(-1)));
                }
                if (opens > due)
                {
                    // Two plans of the same point on the same day: the second shares the first's recordings.
                    opens = due;
                }
                result[index] = Status(p, due, opens, closes, recorded, today);
            }
        }
        return [.. result.OfType<PlannedAssessment>().OrderBy(a => a.DueDate).ThenBy(a => a.Point)];
    }

    /// <summary>
    /// Whether a planned assessment belongs on the list of this week's work (Monday <paramref name="monday"/> to Sunday):
    /// still to be recorded and due by the Sunday (overdue ones included until their window closes).
    /// </summary>
    public static bool IsDueByEndOfWeek(PlannedAssessment assessment, DateOnly monday) =>
        assessment.IsOutstanding && assessment.DueDate <= monday.AddDays(6);

    private static PlannedAssessment Status(
        OutcomeAssessment plan, DateOnly due, DateOnly opens, DateOnly closes, IReadOnlyCollection<RecordedAssessment> recorded, DateOnly today)
    {
        var inWindow = recorded.Where(r => r.Point == plan.Point && r.Date >= opens && r.Date <= closes && r.Date <= today).ToList();
        var codes = inWindow.SelectMany(r => r.MeasureCodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var done = plan.MeasureCodes.Where(codes.Contains).ToList();
        var missing = plan.MeasureCodes.Where(c => !codes.Contains(c)).ToList();
        var lastRecorded = inWindow.Count > 0 ? inWindow.Max(r => r.Date) : (DateOnly?)null;
        var status = missing.Count == 0 && plan.MeasureCodes.Count > 0 ? PlannedAssessmentStatus.Done
            : today < opens ? PlannedAssessmentStatus.Upcoming
            : today <= due ? PlannedAssessmentStatus.Due
            : today <= closes ? PlannedAssessmentStatus.Overdue
            : PlannedAssessmentStatus.Missed;
        return new PlannedAssessment(plan, due, opens, closes, status, done, missing, lastRecorded);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
