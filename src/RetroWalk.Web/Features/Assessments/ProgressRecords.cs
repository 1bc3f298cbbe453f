using RetroWalk.Clinical;
using RetroWalk.Clinical.Charts;
using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Web.Features.Assessments;

// Display records of the progress review. They hold text and numbers only (no UI types), so the
// progress page and the PDF report render the same content.

/// <summary>
/// What happened on the time axis besides assessments: programme periods and the weekly session dose.
/// Optional: the review renders them when present.
/// </summary>
public sealed record ProgressTimeline(IReadOnlyList<ProgrammePeriod> Programmes, IReadOnlyList<WeeklyDose> WeeklyDose)
{
    public static ProgressTimeline None { get; } = new([], []);

    public bool IsEmpty => Programmes.Count == 0 && WeeklyDose.Count == 0;
}

/// <summary>A programme from its start to its end (null: still running).</summary>
public sealed record ProgrammePeriod(string Name, DateOnly Start, DateOnly? End);

/// <summary>Minutes of training in the week starting <paramref name="WeekStart"/>.</summary>
public sealed record WeeklyDose(DateOnly WeekStart, int Minutes);

public sealed record ProgressReview(
    Guid PatientId,
    string PatientName,
    string RecordNumber,
    Condition Condition,
    string ConditionText,
    IReadOnlyList<MeasureProgress> Measures,
    ProgressTimeline Timeline,
    bool ShowsKmh,
    DateOnly? From,
    DateOnly? To)
{
    /// <summary>One plain-language sentence per measure with a change, in catalogue order.</summary>
    public IReadOnlyList<SummaryLine> Summary =>
        [.. Measures.Where(m => m.Summary is not null).Select(m => new SummaryLine(m.Code, m.DirectionWord, m.Summary!))];
}

/// <summary>"Improved" + "TUG time fell 5.4 s (18.4 → 13.0 s), more than the MDC …".</summary>
public sealed record SummaryLine(string MeasureCode, string DirectionWord, string Sentence);

/// <summary>One measure's series, baseline, latest, change and its interpretation for the patient's condition.</summary>
public sealed record MeasureProgress
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required string Unit { get; init; }
    public required MeasureDirection Direction { get; init; }

    /// <summary>"Higher is better" or "Lower is better: a fall in seconds is an improvement".</summary>
    public required string DirectionText { get; init; }

    /// <summary>Complete results in date order; these are charted.</summary>
    public required IReadOnlyList<ProgressPoint> Points { get; init; }

    /// <summary>Incomplete item forms: listed, never charted.</summary>
    public required IReadOnlyList<IncompleteResult> Incomplete { get; init; }

    public ProgressPoint? Baseline { get; init; }
    public ProgressPoint? Latest { get; init; }

    /// <summary>True when there is a latest result after the baseline to compare with.</summary>
    public bool HasChange => Baseline is not null && Latest is not null && !ReferenceEquals(Baseline, Latest);

    /// <summary>"+7 points", "−5.4 s", "+0.17 m/s (+0.61 km/h)"; null without a change.</summary>
    public string? ChangeText { get; init; }
    public string? PercentChangeText { get; init; }
    public ChangeDirection? ChangeDirection { get; init; }

    /// <summary>"Improved", "Worsened", "Unchanged", or "One result" without a change.</summary>
    public required string DirectionWord { get; init; }

    public ThresholdFlag? Mdc { get; init; }
    public ThresholdFlag? Mcid { get; init; }

    public IReadOnlyList<CategoryLine> BaselineCategories { get; init; } = [];
    public IReadOnlyList<CategoryLine> LatestCategories { get; init; } = [];

    /// <summary>The ± MDC band around baseline (chart); null without an MDC for the condition.</summary>
    public decimal? MdcBandLower { get; init; }
    public decimal? MdcBandUpper { get; init; }
    public string? MdcBandLabel { get; init; }

    /// <summary>Verified cut-offs that apply to the patient's condition, drawn as labelled lines.</summary>
    public IReadOnlyList<ChartLine> CutOffLines { get; init; } = [];

    /// <summary>Cut-offs not used and why (unverified, or not applicable to the patient); measure notes. Each cites its sources.</summary>
    public IReadOnlyList<Remark> Notes { get; init; } = [];

    public string? Summary { get; init; }
}

/// <summary>One charted result. <see cref="SecondaryText"/> is km/h beside m/s where the clinic prefers.</summary>
public sealed record ProgressPoint(
    DateOnly Date,
    AssessmentTimePoint TimePoint,
    decimal Value,
    string ValueText,
    string? SecondaryText,
    string? Detail)
{
    public string TimePointText => TimePoint.Display();
}

public sealed record IncompleteResult(DateOnly Date, AssessmentTimePoint TimePoint, string Text);

/// <summary>
/// An MDC or MCID check as shown: the flag ("Exceeds MDC 2.7 points", "No MCID published for chronic
/// stroke"), the population whose value was used, and its source.
/// </summary>
public sealed record ThresholdFlag(
    string Abbreviation,
    ThresholdComparison Comparison,
    bool IsMet,
    string Flag,
    string PopulationUsed,
    Reference? Source,
    string? Note)
{
    public bool IsAvailable => Comparison != ThresholdComparison.NotAvailable;
}

/// <summary>A category from one cut-off scheme, with the population it was derived in, its source and its caveat.</summary>
public sealed record CategoryLine(string Scheme, string Text, bool IsConcern, string Population, Reference Source, Remark? Caveat);

/// <summary>
/// A horizontal line at a cut-off value with its source's short label; its label names the band on
/// <paramref name="Side"/> of it, which reaches to <paramref name="FarEdge"/> (null: open-ended).
/// </summary>
public sealed record ChartLine(decimal Value, string Label, string Source, BandSide Side, decimal? FarEdge);
