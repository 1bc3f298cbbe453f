namespace RetroWalk.Clinical.Measures;

/// <summary>The band a value falls in for one cut-off scheme.</summary>
public sealed record CategoryResult(CutOffScheme Scheme, CategoryBand Band)
{
    /// <summary>Table text, e.g. "Limited community ambulator (0.4–0.8 m/s)".</summary>
    public string Text => Band.Name;

    public string Source => Scheme.Source;

    public string Population => Scheme.Population;
}

public static class MeasureCategories
{
    /// <summary>
    /// Categories of a value from the measure's verified cut-offs, in catalogue order. Cut-offs known
    /// not to apply to the patient's condition (3MBWT in stroke) and unverified cut-offs (ABC) are
    /// skipped. Each result names the cut-off's study population and source.
    /// </summary>
    public static IReadOnlyList<CategoryResult> Categorise(string code, decimal value, Condition condition) =>
        Categorise(MeasureCatalogue.Get(code), value, condition);

    public static IReadOnlyList<CategoryResult> Categorise(MeasureDefinition measure, decimal value, Condition condition)
    {
        var rounded = measure.Round(value);
        return
        [
            .. measure.CutOffs
                .Where(s => s.IsVerified && s.AppliesTo(condition))
                .Select(s => s.Bands.FirstOrDefault(b => b.Range.Contains(rounded)) is { } band ? new CategoryResult(s, band) : null)
                .OfType<CategoryResult>(),
        ];
    }
}
