using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Clinical.Outcomes;

public enum ProgrammeEnd
{
    Ongoing = 0,
    Completed = 1,
    Discontinued = 2,
}

/// <summary>
/// One measure's change for one patient: baseline and end values, and how the change compares with the
/// MDC and MCID that apply to this patient (<see cref="ThresholdComparison.NotAvailable"/> when none does).
/// </summary>
public sealed record CohortMeasureChange(string MeasureCode, double Baseline, double End, ThresholdComparison Mdc, ThresholdComparison Mcid)
{
    public double Change => End - Baseline;

    /// <summary>
    /// A patient's interpreted change as the cohort counts it. The shares "beyond the MDC / MCID" count
    /// improvements: a worsening at least as large as the threshold is counted as not beyond it (it is still in the
    /// denominator), so the share reads as "improved by at least the MDC / MCID".
    /// </summary>
    public static CohortMeasureChange Of(ChangeInterpretationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new CohortMeasureChange(result.Measure.Code, (double)result.Baseline, (double)result.Latest,
            AsImprovement(result.Mdc.Comparison, result.Direction), AsImprovement(result.Mcid.Comparison, result.Direction));
    }

    private static ThresholdComparison AsImprovement(ThresholdComparison comparison, ChangeDirection direction) =>
        comparison is ThresholdComparison.Equal or ThresholdComparison.Above && direction != ChangeDirection.Improved
            ? ThresholdComparison.Below
            : comparison;
}

/// <summary>One patient's programme in a cohort: how it ended, its dose, its safety events and its changes.</summary>
public sealed record CohortPatient(
    Guid PatientId,
    ProgrammeEnd End,
    string? DiscontinuationReason,
    double? Adherence,
    int MinutesDelivered,
    int MinutesPrescribed,
    int SessionsAttended,
    IReadOnlyDictionary<string, int> AdverseEvents,
    IReadOnlyList<CohortMeasureChange> Changes);

/// <summary>A measure across a group: n with both values, mean change with its CI, and threshold shares.</summary>
public sealed record CohortMeasureSummary(
    string MeasureCode,
    MeanWithInterval? MeanChange,
    Proportion BeyondMdc,
    int WithoutMdc,
    Proportion BeyondMcid,
    int WithoutMcid)
{
    public int N => MeanChange?.N ?? 0;

    /// <summary>Fewer than <see cref="CohortSummary.SmallGroup"/> patients: shown with its n, not summarised.</summary>
    public bool TooSmallToSummarise => N < CohortSummary.SmallGroup;
}

public sealed record CohortSummary(
    int Started,
    int Completed,
    int Discontinued,
    IReadOnlyDictionary<string, int> DiscontinuationReasons,
    double? MedianAdherence,
    double? MedianDoseDelivered,
    int SessionsAttended,
    IReadOnlyDictionary<string, double> AdverseEventsPer100Sessions,
    IReadOnlyList<CohortMeasureSummary> Measures)
{
    /// <summary>Groups under five patients are marked as too small to summarise (their n is still shown).</summary>
    public const int SmallGroup = 5;

    public bool TooSmallToSummarise => Started < SmallGroup;

    public static CohortSummary Of(IReadOnlyCollection<CohortPatient> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var sessions = patients.Sum(p => p.SessionsAttended);
        var adverse = patients
            .SelectMany(p => p.AdverseEvents)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => sessions == 0 ? 0 : g.Sum(e => e.Value) * 100.0 / sessions,
                StringComparer.Ordinal);
        var reasons = patients
            .Where(p => p.End == ProgrammeEnd.Discontinued)
            .GroupBy(p => string.IsNullOrWhiteSpace(p.DiscontinuationReason) ? "No reason recorded" : p.DiscontinuationReason.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var measures = patients
            .SelectMany(p => p.Changes)
            .GroupBy(c => c.MeasureCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(Summarise)
            .ToList();

        return new CohortSummary(
            patients.Count,
            patients.Count(p => p.End == ProgrammeEnd.Completed),
            patients.Count(p => p.End == ProgrammeEnd.Discontinued),
            reasons,
            Descriptive.Median(patients.Where(p => p.Adherence is not null).Select(p => p.Adherence!.Value)),
            Descriptive.Median(patients.Where(p => p.MinutesPrescribed > 0).Select(p => (double)p.MinutesDelivered / p.MinutesPrescribed)),
            sessions,
            adverse,
            measures);
    }

    private static CohortMeasureSummary Summarise(IGrouping<string, CohortMeasureChange> changes)
    {
        var list = changes.ToList();
        return new CohortMeasureSummary(
            changes.Key,
            list.Count == 0 ? null : MeanWithInterval.Of(list.Select(c => c.Change).ToList()),
            Share(list, c => c.Mdc),
            list.Count(c => c.Mdc == ThresholdComparison.NotAvailable),
            Share(list, c => c.Mcid),
            list.Count(c => c.Mcid == ThresholdComparison.NotAvailable));
    }

    /// <summary>Of the patients with an applicable threshold, how many changed by at least that much.</summary>
    private static Proportion Share(List<CohortMeasureChange> changes, Func<CohortMeasureChange, ThresholdComparison> comparison)
    {
        var applicable = changes.Where(c => comparison(c) != ThresholdComparison.NotAvailable).ToList();
        return new Proportion(
            applicable.Count(c => comparison(c) is ThresholdComparison.Equal or ThresholdComparison.Above),
            applicable.Count);
    }
}
