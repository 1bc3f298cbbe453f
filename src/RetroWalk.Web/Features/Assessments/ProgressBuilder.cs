using System.Globalization;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Charts;
using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>A stored result as the progress review reads it.</summary>
public sealed record ProgressResultRow(
    DateOnly Date,
    AssessmentTimePoint TimePoint,
    DateTimeOffset RecordedAt,
    string MeasureCode,
    decimal? Value,
    bool IsComplete,
    decimal? DistanceMetres,
    decimal? TimeSeconds,
    string? AssistiveDevice,
    bool? HandrailUse,
    decimal? PercentOfPredicted,
    int ScoredItems);

/// <summary>The patient as the progress review needs them; the date of birth gives the age older-adult values need.</summary>
public sealed record ProgressPatient(Guid Id, string FullName, string RecordNumber, Condition Condition, DateOnly DateOfBirth);

/// <summary>
/// Builds the progress review from stored results with the clinical rules: baseline (the first result
/// at the baseline time point, else the first result), latest, change, MDC/MCID for the patient (condition,
/// age on the date of the latest result, and baseline comfortable gait speed), categories and the summary
/// sentence. Pure: no database, no UI.
/// </summary>
public static class ProgressBuilder
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ProgressReview Build(ProgressPatient patient, IEnumerable<ProgressResultRow> rows, ProgressTimeline? timeline = null, bool showKmh = false)
    {
        timeline ??= ProgressTimeline.None;
        var ordered = rows.OrderBy(r => r.Date).ThenBy(r => r.TimePoint).ThenBy(r => r.RecordedAt).ToList();
        var byCode = ordered.ToLookup(r => r.MeasureCode, StringComparer.OrdinalIgnoreCase);

        var gaitSpeed = MeasureCatalogue.TenMetreWalkComfortable;
        var baselineGaitSpeed = BaselineOf(CompleteRows(gaitSpeed, [.. byCode[gaitSpeed.Code]]))?.Value;

        var measures = new List<MeasureProgress>();
        foreach (var measure in MeasureCatalogue.All)
        {
            var source = measure.DerivedFrom is { } from ? Derived(measure, byCode[from]) : byCode[measure.Code].ToList();
            if (source.Count > 0 && Measure(measure, source, patient, baselineGaitSpeed, showKmh) is { } progress)
            {
                measures.Add(progress);
            }
        }

        var dates = ordered.Select(r => r.Date)
            .Concat(timeline.Programmes.Select(p => p.Start))
            .Concat(timeline.Programmes.Select(p => p.End).OfType<DateOnly>())
            .Concat(timeline.WeeklyDose.Select(w => w.WeekStart))
            .Concat(timeline.WeeklyDose.Select(w => w.WeekStart.AddDays(6)))
            .ToList();

        return new ProgressReview(patient.Id, patient.FullName, patient.RecordNumber, patient.Condition, patient.Condition.Display(),
            measures, timeline, showKmh, dates.Count == 0 ? null : dates.Min(), dates.Count == 0 ? null : dates.Max());
    }

    /// <summary>Backward speed rows from 3MBWT rows: 3 m / time.</summary>
    private static List<ProgressResultRow> Derived(MeasureDefinition measure, IEnumerable<ProgressResultRow> rows) =>
    [
        .. rows.Where(r => r.IsComplete && r.TimeSeconds is > 0)
            .Select(r => r with
            {
                MeasureCode = measure.Code,
                Value = MeasureScoring.BackwardSpeed(r.TimeSeconds!.Value).MetresPerSecond,
                DistanceMetres = MeasureScoring.BackwardWalkDistance,
            }),
    ];

    /// <summary>Complete results with a valid value, in date order.</summary>
    private static List<ProgressResultRow> CompleteRows(MeasureDefinition m, List<ProgressResultRow> rows) =>
        [.. rows.Where(r => r.IsComplete && r.Value is { } v && MeasureValidation.Validate(m, v) is null)];

    /// <summary>The first result at the baseline time point, else the first result.</summary>
    private static ProgressResultRow? BaselineOf(List<ProgressResultRow> complete) =>
        complete.FirstOrDefault(r => r.TimePoint == AssessmentTimePoint.Baseline) ?? complete.FirstOrDefault();

    private static MeasureProgress? Measure(MeasureDefinition m, List<ProgressResultRow> rows, ProgressPatient patient, decimal? baselineGaitSpeed, bool showKmh)
    {
        var points = CompleteRows(m, rows).Select(r => Point(m, r, showKmh)).ToList();
        var incomplete = rows.Where(r => !r.IsComplete)
            .Select(r => new IncompleteResult(r.Date, r.TimePoint,
                $"Incomplete item form ({r.ScoredItems} of {m.Items.Count} items scored): not charted"))
            .ToList();

        // Age on the date of the latest result: older-adult values apply only inside their studied age range.
        var profile = new PatientProfile(patient.Condition,
            points.Count > 0 ? ConditionNames.AgeOn(patient.DateOfBirth, points[^1].Date) : null,
            baselineGaitSpeed is { } speed ? MeasureCatalogue.TenMetreWalkComfortable.Round(speed) : null);
        var notes = CutOffNotes(m, profile).Concat(m.Notes).ToList();
        var directionText = m.Direction == MeasureDirection.HigherIsBetter
            ? "Higher is better"
            : $"Lower is better: a fall in {(m.Unit == MeasureUnit.Seconds ? "seconds" : "value")} is an improvement";

        if (points.Count == 0)
        {
            return incomplete.Count == 0 ? null : new MeasureProgress
            {
                Code = m.Code, Name = m.Name, ShortName = m.ShortName, Unit = m.Unit.Display, Direction = m.Direction,
                DirectionText = directionText, Points = [], Incomplete = incomplete, DirectionWord = "No complete result", Notes = notes,
            };
        }

        var baseline = points.FirstOrDefault(p => p.TimePoint == AssessmentTimePoint.Baseline) ?? points[0];
        var latest = points[^1];
        var hasChange = !ReferenceEquals(baseline, latest);
        var result = ChangeInterpretation.Interpret(m, profile, baseline.Value, latest.Value);
        var lines = MeasureCategories.Used(m, profile)
            .SelectMany(s => CutOffLabels.For(s, m.Unit).Select(l => new ChartLine(l.Value, l.Label, s.Source.Label, l.Side, l.FarEdge)))
            .ToList();

        return new MeasureProgress
        {
            Code = m.Code,
            Name = m.Name,
            ShortName = m.ShortName,
            Unit = m.Unit.Display,
            Direction = m.Direction,
            DirectionText = directionText,
            Points = points,
            Incomplete = incomplete,
            Baseline = baseline,
            Latest = latest,
            ChangeText = hasChange ? Signed(m, result.Change, showKmh) : null,
            PercentChangeText = hasChange && result.PercentChange is { } pct ? (pct > 0 ? "+" : "") + MeasureFormat.Percent(pct).Replace("-", "−", StringComparison.Ordinal) : null,
            ChangeDirection = hasChange ? result.Direction : null,
            DirectionWord = !hasChange ? "One result" : result.Direction switch
            {
                // A change smaller than a published MDC may be measurement noise: not headlined as better or worse.
                _ when result.Mdc.Comparison == Clinical.Measures.ThresholdComparison.Below => "Within measurement error",
                Clinical.Measures.ChangeDirection.Improved => "Improved",
                Clinical.Measures.ChangeDirection.Worsened => "Worsened",
                _ => "Unchanged",
            },
            Mdc = hasChange ? Flag(result.Mdc) : null,
            Mcid = hasChange ? Flag(result.Mcid) : null,
            BaselineCategories = [.. result.BaselineCategories.Select(Category)],
            LatestCategories = [.. result.LatestCategories.Select(Category)],
            MdcBandLower = result.MdcBandLower is { } lower ? Math.Max(lower, m.Range.Min) : null,
            MdcBandUpper = result.MdcBandUpper is { } upper ? Math.Min(upper, m.Range.Max) : null,
            MdcBandLabel = result.Mdc.Threshold is { } t
                ? $"Baseline ± MDC {m.Published(t.Value)} ({result.Mdc.PopulationUsed}; {t.Source.Label})"
                : null,
            CutOffLines = lines,
            Notes = notes,
            Summary = hasChange ? ProgressSummary.Sentence(result) : null,
        };
    }

    private static ProgressPoint Point(MeasureDefinition m, ProgressResultRow r, bool showKmh)
    {
        var value = r.Value!.Value;
        var details = new List<string>();
        if (r.MeasureCode is MeasureCodes.TenMetreWalkComfortable or MeasureCodes.TenMetreWalkFast or MeasureCodes.BackwardWalkingSpeed
            && r.DistanceMetres is { } d && r.TimeSeconds is { } t)
        {
            details.Add(string.Create(Invariant, $"{d:0.##} m in {t:0.0#} s"));
        }
        if (r.PercentOfPredicted is { } pct)
        {
            details.Add($"{MeasureFormat.Percent(pct)} of predicted");
        }
        if (!string.IsNullOrWhiteSpace(r.AssistiveDevice))
        {
            details.Add("aid: " + r.AssistiveDevice);
        }
        if (r.HandrailUse == true)
        {
            details.Add("handrail used");
        }

        return new ProgressPoint(r.Date, r.TimePoint, m.Round(value), m.WithUnit(value), Kmh(m, value, showKmh),
            details.Count == 0 ? null : string.Join("; ", details));
    }

    private static string? Kmh(MeasureDefinition m, decimal metresPerSecond, bool showKmh) =>
        showKmh && m.Unit == MeasureUnit.MetresPerSecond
            ? string.Create(Invariant, $"{decimal.Round(Units.MetresPerSecondToKmh(m.Round(metresPerSecond)), 2, MidpointRounding.AwayFromZero):0.00} km/h")
            : null;

    private static string Signed(MeasureDefinition m, decimal change, bool showKmh)
    {
        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        var text = sign + m.WithUnit(Math.Abs(change));
        return Kmh(m, Math.Abs(change), showKmh) is { } kmh ? $"{text} ({sign}{kmh})" : text;
    }

    private static ThresholdFlag Flag(ThresholdOutcome o) =>
        new(o.Abbreviation, o.Comparison, o.IsMet, o.Flag, o.PopulationUsed, o.Source, o.Threshold?.Note);

    private static CategoryLine Category(CategoryResult c) =>
        new(c.Scheme.Title, c.Text, c.Band.IsConcern, c.Population, c.Source, c.Scheme.Caveat);

    /// <summary>Cut-offs not used for this patient and why, each citing the cut-off's source.</summary>
    private static IEnumerable<Remark> CutOffNotes(MeasureDefinition m, PatientProfile patient) =>
        MeasureCategories.Unused(m, patient).Select(u => u.Scheme.IsVerified
            ? new Remark($"Not used for {patient.PopulationText}: {u.Text}", u.Scheme.Source)
            : new Remark($"Not used: {u.Scheme.Title}. {u.Scheme.Caveat?.Text ?? "The cut-off is unverified."}",
                [u.Scheme.Source, .. u.Scheme.Caveat?.Sources ?? []]));
}
