using RetroWalk.Clinical.Evidence;

namespace RetroWalk.Clinical.Measures;

public enum ChangeDirection
{
    Unchanged = 0,
    Improved = 1,
    Worsened = 2,
}

/// <summary>How the size of a change compares with a threshold.</summary>
public enum ThresholdComparison
{
    /// <summary>No published value applies to this patient's population (and baseline).</summary>
    NotAvailable = 0,
    Below = 1,
    Equal = 2,
    Above = 3,
}

/// <summary>
/// The MDC or MCID check for one change. <see cref="Threshold"/> is the published value used (its
/// population and source), or null when none applies to the patient.
/// </summary>
public sealed record ThresholdOutcome(
    MeasureDefinition Measure,
    ChangeThresholdKind Kind,
    ChangeThreshold? Threshold,
    ThresholdComparison Comparison,
    PatientProfile Patient)
{
    public bool IsAvailable => Threshold is not null;

    /// <summary>The size of the change is equal to or greater than the threshold (in either direction).</summary>
    public bool IsMet => Comparison is ThresholdComparison.Equal or ThresholdComparison.Above;

    public string Abbreviation => Kind == ChangeThresholdKind.Mdc ? "MDC" : "MCID";

    /// <summary>"chronic stroke, baseline 0.4–0.8 m/s" or "none for knee osteoarthritis".</summary>
    public string PopulationUsed => Threshold is { } t
        ? t.Baseline is { } b ? $"{t.Population}, baseline {Measure.Unit.Append(b.Display())}" : t.Population
        : "none for " + Patient.PopulationText;

    /// <summary>The reference of the value used; null when none applies.</summary>
    public Reference? Source => Threshold?.Source;

    /// <summary>Table cell text, e.g. "Exceeds MDC 3.2 s" or "No MCID published for chronic stroke".</summary>
    public string Flag => Comparison switch
    {
        ThresholdComparison.Above => $"Exceeds {Threshold!.DisplayName} {Measure.Published(Threshold.Value)}",
        ThresholdComparison.Equal => $"Meets {Threshold!.DisplayName} {Measure.Published(Threshold.Value)}",
        ThresholdComparison.Below => $"Below {Threshold!.DisplayName} {Measure.Published(Threshold.Value)}",
        _ => $"No {Abbreviation} published for {Patient.PopulationText}",
    };
}

/// <summary>A change from baseline to latest, interpreted for one patient's condition.</summary>
public sealed record ChangeInterpretationResult
{
    public required MeasureDefinition Measure { get; init; }

    public required PatientProfile Patient { get; init; }

    public Condition Condition => Patient.Condition;

    /// <summary>Baseline at the measure's display precision.</summary>
    public required decimal Baseline { get; init; }

    /// <summary>Latest at the measure's display precision.</summary>
    public required decimal Latest { get; init; }

    /// <summary>Latest − baseline (signed, in the measure's unit).</summary>
    public decimal Change => Latest - Baseline;

    /// <summary>Change as a percentage of baseline, to 1 decimal; null when baseline is 0.</summary>
    public decimal? PercentChange => Baseline == 0
        ? null
        : decimal.Round(Change / Baseline * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>Change signed so that positive is better (for a lower-is-better measure, −change).</summary>
    public decimal Improvement => Measure.Direction == MeasureDirection.HigherIsBetter ? Change : -Change;

    public ChangeDirection Direction => Improvement switch
    {
        > 0 => ChangeDirection.Improved,
        < 0 => ChangeDirection.Worsened,
        _ => ChangeDirection.Unchanged,
    };

    public required ThresholdOutcome Mdc { get; init; }

    public required ThresholdOutcome Mcid { get; init; }

    public required IReadOnlyList<CategoryResult> BaselineCategories { get; init; }

    public required IReadOnlyList<CategoryResult> LatestCategories { get; init; }

    /// <summary>Lower edge of the ± MDC band around baseline, for charts; null without an MDC.</summary>
    public decimal? MdcBandLower => Mdc.Threshold is { } t ? Baseline - t.Value : null;

    /// <summary>Upper edge of the ± MDC band around baseline, for charts; null without an MDC.</summary>
    public decimal? MdcBandUpper => Mdc.Threshold is { } t ? Baseline + t.Value : null;
}

/// <summary>
/// Interprets a change against the published MDC and MCID that apply to the patient.
/// <list type="bullet">
/// <item>Baseline and latest are first rounded to the measure's display decimals, so every
/// comparison agrees with the numbers shown.</item>
/// <item>Boundary rule: a change whose size equals the threshold meets it (Equal); only a larger
/// size exceeds it (Above). Thresholds are magnitudes: a worsening of at least the MDC is a
/// detectable worsening; <see cref="ChangeInterpretationResult.Direction"/> says which way.</item>
/// <item>Only values whose <see cref="Applicability"/> covers the patient (condition, and age for
/// older-adult values) and, where the value depends on it, the baseline range are used; there is no
/// fallback to another population. Unverified values are never used.</item>
/// <item>A value derived for a baseline comfortable gait speed (6MWT, 44 m below 0.4 m/s) needs that
/// speed and, when it applies, replaces the values derived without regard to speed.</item>
/// <item>When several values apply (MCID small / substantial, or two anchors), the largest one
/// the change meets is reported; if it meets none, the smallest.</item>
/// </list>
/// </summary>
public static class ChangeInterpretation
{
    /// <exception cref="ArgumentOutOfRangeException">Baseline or latest is not a valid value for the measure.</exception>
    public static ChangeInterpretationResult Interpret(string code, PatientProfile patient, decimal baseline, decimal latest) =>
        Interpret(MeasureCatalogue.Get(code), patient, baseline, latest);

    public static ChangeInterpretationResult Interpret(MeasureDefinition measure, PatientProfile patient, decimal baseline, decimal latest)
    {
        if (MeasureValidation.Validate(measure, baseline) is { } baselineError)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, baselineError);
        }

        if (MeasureValidation.Validate(measure, latest) is { } latestError)
        {
            throw new ArgumentOutOfRangeException(nameof(latest), latest, latestError);
        }

        var b = measure.Round(baseline);
        var l = measure.Round(latest);
        var size = Math.Abs(l - b);

        return new ChangeInterpretationResult
        {
            Measure = measure,
            Patient = patient,
            Baseline = b,
            Latest = l,
            Mdc = Check(measure, ChangeThresholdKind.Mdc, patient, b, size),
            Mcid = Check(measure, ChangeThresholdKind.Mcid, patient, b, size),
            BaselineCategories = MeasureCategories.Categorise(measure, b, patient),
            LatestCategories = MeasureCategories.Categorise(measure, l, patient),
        };
    }

    /// <summary>The verified published values of one kind that apply to a patient and baseline.</summary>
    public static IReadOnlyList<ChangeThreshold> Applicable(MeasureDefinition measure, ChangeThresholdKind kind, PatientProfile patient, decimal baseline)
    {
        var b = measure.Round(baseline);
        var applicable = measure.ChangeThresholds.Where(t =>
                t.Kind == kind
                && t.IsVerified
                && t.AppliesTo.AppliesTo(patient)
                && (t.Baseline is null || t.Baseline.Contains(b))
                && (t.BaselineGaitSpeed is null || (patient.BaselineComfortableGaitSpeed is { } speed && t.BaselineGaitSpeed.Contains(speed))))
            .ToList();

        // A value derived for the patient's baseline gait speed is more specific than one derived without it.
        return applicable.Any(t => t.BaselineGaitSpeed is not null)
            ? [.. applicable.Where(t => t.BaselineGaitSpeed is not null)]
            : applicable;
    }

    /// <summary>Lower-case population wording for a condition, e.g. "chronic stroke", "ACL reconstruction".</summary>
    public static string PopulationText(Condition condition) => condition switch
    {
        Condition.ChronicStroke => "chronic stroke",
        Condition.SubacuteStroke => "subacute stroke",
        Condition.KneeOsteoarthritis => "knee osteoarthritis",
        Condition.AclReconstruction => "ACL reconstruction",
        Condition.ParkinsonsDisease => "Parkinson's disease",
        Condition.OlderAdultFallRisk => "older adults",
        _ => "other conditions",
    };

    private static ThresholdOutcome Check(MeasureDefinition measure, ChangeThresholdKind kind, PatientProfile patient, decimal baseline, decimal size)
    {
        var applicable = Applicable(measure, kind, patient, baseline);
        if (applicable.Count == 0)
        {
            return new ThresholdOutcome(measure, kind, null, ThresholdComparison.NotAvailable, patient);
        }

        var used = applicable.Where(t => size >= t.Value).MaxBy(t => t.Value) ?? applicable.MinBy(t => t.Value)!;
        var comparison = size.CompareTo(used.Value) switch
        {
            > 0 => ThresholdComparison.Above,
            0 => ThresholdComparison.Equal,
            _ => ThresholdComparison.Below,
        };
        return new ThresholdOutcome(measure, kind, used, comparison, patient);
    }
}
