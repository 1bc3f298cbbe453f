using System.Globalization;
using RetroWalk.Clinical.Evidence;

namespace RetroWalk.Clinical.Measures;

public enum MeasureDirection
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>How a total is made from item scores.</summary>
public enum ItemScoring
{
    /// <summary>Not item-scored: the value is entered (time, speed, distance) or derived.</summary>
    None = 0,
    Sum = 1,
    Mean = 2,
}

public enum ChangeThresholdKind
{
    /// <summary>Minimal detectable change: the smallest change beyond measurement error.</summary>
    Mdc = 1,

    /// <summary>Minimal clinically important difference.</summary>
    Mcid = 2,
}

/// <summary>A display unit and its UCUM code (as used in FHIR Observations).</summary>
public sealed record MeasureUnit(string Display, string Ucum)
{
    public static readonly MeasureUnit Points = new("points", "{score}");
    public static readonly MeasureUnit Seconds = new("s", "s");
    public static readonly MeasureUnit MetresPerSecond = new("m/s", "m/s");
    public static readonly MeasureUnit Metres = new("m", "m");
    public static readonly MeasureUnit Percent = new("%", "%");

    /// <summary>"45 points", "13.0 s", "0.62 m/s", "77.5%".</summary>
    public string Append(string number) => Display == "%" ? number + "%" : number + " " + Display;
}

/// <summary>
/// The values a measure can take. <see cref="Min"/> is excluded when <see cref="MinExclusive"/>
/// (times and speeds must be greater than 0); <see cref="Max"/> is always included.
/// </summary>
public sealed record ValidRange(decimal Min, decimal Max, bool MinExclusive = false, bool WholeNumbers = false)
{
    public bool Contains(decimal value) =>
        (MinExclusive ? value > Min : value >= Min)
        && value <= Max
        && (!WholeNumbers || decimal.Truncate(value) == value);
}

/// <summary>
/// An interval of measure values, open-ended when a bound is null. Used for the baseline a
/// change threshold applies to and for the bands of a cut-off scheme.
/// </summary>
public sealed record ValueRange(decimal? Min, decimal? Max, bool MinInclusive = true, bool MaxInclusive = true)
{
    public static ValueRange Below(decimal value) => new(null, value, MaxInclusive: false);

    public static ValueRange AtOrBelow(decimal value) => new(null, value);

    public static ValueRange AtOrAbove(decimal value) => new(value, null);

    public static ValueRange Above(decimal value) => new(value, null, MinInclusive: false);

    public static ValueRange Between(decimal min, decimal max) => new(min, max);

    public bool Contains(decimal value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min))
        && (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    /// <summary>"&lt; 0.4", "0.4–0.8", "≥ 45", "&gt; 0.8" (without unit).</summary>
    public string Display()
    {
        static string N(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        return (Min, Max) switch
        {
            ({ } min, { } max) when MinInclusive && MaxInclusive => $"{N(min)}–{N(max)}",
            ({ } min, { } max) => $"{(MinInclusive ? "≥" : ">")} {N(min)} and {(MaxInclusive ? "≤" : "<")} {N(max)}",
            (null, { } max) => $"{(MaxInclusive ? "≤" : "<")} {N(max)}",
            ({ } min, null) => $"{(MinInclusive ? "≥" : ">")} {N(min)}",
            _ => "any value",
        };
    }
}

/// <summary>One item of an item-scored scale; scores are whole numbers from MinScore to MaxScore.</summary>
public sealed record MeasureItem(int Number, string Name, int MinScore, int MaxScore)
{
    public IReadOnlyList<int> AllowedScores => [.. Enumerable.Range(MinScore, MaxScore - MinScore + 1)];

    public bool Allows(decimal score) => score >= MinScore && score <= MaxScore && decimal.Truncate(score) == score;
}

/// <summary>
/// A catalogue value taken from a published source: the reference it comes from, how far it has been checked,
/// and (for a value confirmed through another paper) the secondary source that quotes it. A value is used for
/// a conclusion only when <see cref="IsVerified"/>; a verified value's reference always has a DOI or PMID.
/// </summary>
public abstract record SourcedValue
{
    public required Reference Source { get; init; }

    public EvidenceStatus Status { get; init; } = EvidenceStatus.Verified;

    /// <summary>The secondary source through which the value was confirmed, if any.</summary>
    public Reference? ConfirmedThrough { get; init; }

    /// <summary>False for a value that is not confirmed or whose source lacks a DOI or PMID; it is never used for a conclusion.</summary>
    public bool IsVerified => Status != EvidenceStatus.Unverified;
}

/// <summary>
/// A published MDC or MCID. It is applied only to patients it <see cref="AppliesTo"/> (condition, and age for
/// older-adult values) and, when <see cref="Baseline"/> is set, only when the baseline value lies in that range;
/// when <see cref="BaselineGaitSpeed"/> is set, only when the patient's baseline comfortable gait speed is known
/// and lies in that range.
/// </summary>
public sealed record ChangeThreshold : SourcedValue
{
    public required ChangeThresholdKind Kind { get; init; }

    /// <summary>Magnitude of change, in the measure's unit.</summary>
    public required decimal Value { get; init; }

    /// <summary>The study population as shown to users, e.g. "chronic stroke".</summary>
    public required string Population { get; init; }

    public required Applicability AppliesTo { get; init; }

    public ValueRange? Baseline { get; init; }

    /// <summary>Baseline comfortable gait speed (m/s) the value was derived for, e.g. below 0.4 m/s.</summary>
    public ValueRange? BaselineGaitSpeed { get; init; }

    /// <summary>Tier or anchor, e.g. "small", "substantial", "mRS anchor".</summary>
    public string? Qualifier { get; init; }

    public string? Note { get; init; }

    public string Abbreviation => Kind == ChangeThresholdKind.Mdc ? "MDC" : "MCID";

    /// <summary>"MDC", "MCID (small)".</summary>
    public string DisplayName => Qualifier is null ? Abbreviation : $"{Abbreviation} ({Qualifier})";
}

/// <summary>One band of a cut-off scheme, e.g. "Limited community ambulator (0.4–0.8 m/s)".</summary>
/// <param name="Name">Label for a table cell.</param>
/// <param name="Phrase">Wording after "now" in a summary sentence, e.g. "a limited community ambulator".</param>
/// <param name="IsConcern">True for a risk or limitation band (for colouring).</param>
public sealed record CategoryBand(string Name, string Phrase, ValueRange Range, bool IsConcern);

/// <summary>A line to draw on a chart at a cut-off value.</summary>
public sealed record CutOffLine(decimal Value, string Label, bool IsVerified);

/// <summary>
/// Cut-offs from one source that split the range of a measure into bands (fall risk or not;
/// household / limited community / community ambulator). Used to categorise only patients it
/// <see cref="AppliesTo"/>, and only when verified.
/// </summary>
public sealed record CutOffScheme : SourcedValue
{
    /// <summary>Short title, e.g. "Fall risk (Berg &lt; 45)".</summary>
    public required string Title { get; init; }

    /// <summary>Bands that together cover every valid value, in ascending order of value.</summary>
    public required IReadOnlyList<CategoryBand> Bands { get; init; }

    public required string Population { get; init; }

    public required Applicability AppliesTo { get; init; }

    /// <summary>Limits of the cut-off that a user must see next to it (accuracy, sample, how it was derived).</summary>
    public Remark? Caveat { get; init; }

    /// <summary>The boundaries between bands, for chart lines.</summary>
    public IReadOnlyList<CutOffLine> Lines =>
    [
        .. Bands.Skip(1)
            .Select(b => b.Range.Min)
            .OfType<decimal>()
            .Distinct()
            .Select(v => new CutOffLine(v, IsVerified ? Title : Title + " (unverified)", IsVerified)),
    ];
}

/// <summary>A published reference value for healthy people (mean, optional SD).</summary>
public sealed record Norm : SourcedValue
{
    public required string Group { get; init; }

    public required decimal Mean { get; init; }

    public decimal? StandardDeviation { get; init; }

    public Sex? Sex { get; init; }

    public int? AgeFrom { get; init; }

    public int? AgeTo { get; init; }
}

/// <summary>
/// A standardised outcome measure. Definitions live in code (<see cref="MeasureCatalogue"/>),
/// versioned with it; <see cref="Code"/> is stored in databases and assessment plans and never changes.
/// </summary>
public sealed record MeasureDefinition
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required string ShortName { get; init; }

    /// <summary>Subject of a summary sentence, e.g. "Comfortable gait speed", "TUG time".</summary>
    public required string SummaryLabel { get; init; }

    public required MeasureUnit Unit { get; init; }

    public required ValidRange Range { get; init; }

    /// <summary>Decimals shown; values are compared at this precision.</summary>
    public required int Decimals { get; init; }

    public required MeasureDirection Direction { get; init; }

    public required string Administration { get; init; }

    public ItemScoring ItemScoring { get; init; } = ItemScoring.None;

    public IReadOnlyList<MeasureItem> Items { get; init; } = [];

    public IReadOnlyList<ChangeThreshold> ChangeThresholds { get; init; } = [];

    public IReadOnlyList<CutOffScheme> CutOffs { get; init; } = [];

    public IReadOnlyList<Norm> Norms { get; init; } = [];

    /// <summary>Notes shown with the measure, each with the sources it draws on.</summary>
    public IReadOnlyList<Remark> Notes { get; init; } = [];

    /// <summary>Code of the measure this one is calculated from (backward speed from 3MBWT).</summary>
    public string? DerivedFrom { get; init; }

    /// <summary>FHIR Observation category: "exam", or "survey" for questionnaires.</summary>
    public string FhirCategory { get; init; } = "exam";

    public bool IsItemScored => ItemScoring != ItemScoring.None;

    public IReadOnlyList<ChangeThreshold> Mdcs => [.. ChangeThresholds.Where(t => t.Kind == ChangeThresholdKind.Mdc)];

    public IReadOnlyList<ChangeThreshold> Mcids => [.. ChangeThresholds.Where(t => t.Kind == ChangeThresholdKind.Mcid)];

    /// <summary>Every sourced value of the measure: change thresholds, cut-offs and norms, in catalogue order.</summary>
    public IEnumerable<SourcedValue> SourcedValues => [.. ChangeThresholds, .. CutOffs, .. Norms];

    /// <summary>Every reference the measure relies on (values, their confirming sources, caveats and notes), without repeats.</summary>
    public IReadOnlyList<Reference> References =>
    [
        .. SourcedValues.SelectMany(v => new[] { v.Source, v.ConfirmedThrough })
            .Concat(CutOffs.SelectMany(c => c.Caveat?.Sources ?? []))
            .Concat(Notes.SelectMany(n => n.Sources))
            .OfType<Reference>()
            .Distinct(),
    ];
}
