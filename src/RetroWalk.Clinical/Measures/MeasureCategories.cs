using RetroWalk.Clinical.Evidence;

namespace RetroWalk.Clinical.Measures;

/// <summary>The band a value falls in for one cut-off scheme.</summary>
public sealed record CategoryResult(CutOffScheme Scheme, CategoryBand Band)
{
    /// <summary>Table text, e.g. "Limited community ambulator (0.4–0.8 m/s)".</summary>
    public string Text => Band.Name;

    public Reference Source => Scheme.Source;

    public string Population => Scheme.Population;
}

/// <summary>A cut-off that was not used for a patient, and why.</summary>
public sealed record UnusedCutOff(CutOffScheme Scheme, string Reason)
{
    /// <summary>"Not used for chronic stroke: Fall risk, older adults (Berg &lt; 45): derived in older adults, not in chronic stroke."</summary>
    public string Text => $"{Scheme.Title}: {Reason}.";
}

public static class MeasureCategories
{
    /// <summary>What the page and the report say when no cut-off applies to the patient.</summary>
    public const string NoneForPopulation = "No published cut-off for this population";

    /// <summary>
    /// Categories of a value from the measure's verified cut-offs that apply to the patient (condition, and
    /// age for older-adult cut-offs), in catalogue order. Each result names the cut-off's study population and
    /// source. No other population's cut-off is borrowed: where none applies the list is empty.
    /// </summary>
    public static IReadOnlyList<CategoryResult> Categorise(string code, decimal value, PatientProfile patient) =>
        Categorise(MeasureCatalogue.Get(code), value, patient);

    public static IReadOnlyList<CategoryResult> Categorise(MeasureDefinition measure, decimal value, PatientProfile patient)
    {
        var rounded = measure.Round(value);
        return
        [
            .. Used(measure, patient)
                .Select(s => s.Bands.FirstOrDefault(b => b.Range.Contains(rounded)) is { } band ? new CategoryResult(s, band) : null)
                .OfType<CategoryResult>(),
        ];
    }

    /// <summary>The measure's cut-offs that are used for this patient: verified and applicable.</summary>
    public static IReadOnlyList<CutOffScheme> Used(MeasureDefinition measure, PatientProfile patient) =>
        [.. measure.CutOffs.Where(s => s.IsVerified && s.AppliesTo.AppliesTo(patient))];

    /// <summary>The measure's cut-offs that are not used for this patient, with the reason for each.</summary>
    public static IReadOnlyList<UnusedCutOff> Unused(MeasureDefinition measure, PatientProfile patient) =>
    [
        .. measure.CutOffs
            .Select(s => !s.IsVerified
                ? new UnusedCutOff(s, "unverified, shown for information only")
                : s.AppliesTo.WhyNot(patient) is { } reason ? new UnusedCutOff(s, reason) : null)
            .OfType<UnusedCutOff>(),
    ];
}
