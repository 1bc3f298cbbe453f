using RetroWalk.Clinical.Measures;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>The assessment form. Field errors are keyed by these property paths, e.g. <c>Results[0].Items[5]</c>.</summary>
public sealed class AssessmentInput
{
    public DateOnly? Date { get; set; }
    public AssessmentTimePoint? TimePoint { get; set; }
    public string AssessorName { get; set; } = "";
    public string? Notes { get; set; }
    public List<MeasureResultInput> Results { get; set; } = [];

    /// <summary>The version the form was loaded with; a save against a newer version is refused.</summary>
    public Guid Version { get; set; }

    public static string ResultKey(int index) => $"{nameof(Results)}[{index}]";
}

/// <summary>
/// One measure on the assessment form. Item scores are kept as typed so that a score such as "5" or
/// "2.5" reaches validation and is refused at its field instead of being lost.
/// </summary>
public sealed class MeasureResultInput
{
    public string MeasureCode { get; set; } = "";

    /// <summary>Item number → score as typed (empty: not scored yet).</summary>
    public Dictionary<int, string?> Items { get; set; } = [];

    public decimal? DistanceMetres { get; set; }
    public decimal? TimeSeconds { get; set; }
    public string? AssistiveDevice { get; set; }
    public bool HandrailUse { get; set; }

    /// <summary>True once anything was typed for the measure (the 10MWT's preset distance does not count).</summary>
    public bool HasValues =>
        Items.Values.Any(v => !string.IsNullOrWhiteSpace(v)) || TimeSeconds is not null || HandrailUse || !string.IsNullOrWhiteSpace(AssistiveDevice)
        || (DistanceMetres is { } d && !(MeasureCatalogue.TryGet(MeasureCode, out var measure)
            && MeasureEntry.KindOf(measure) == MeasureEntryKind.DistanceAndTime && d == MeasureScoring.TenMetreFullDistance));

    /// <summary>An empty form for a measure: every item unscored, the 10MWT over the full 10 m.</summary>
    public static MeasureResultInput For(MeasureDefinition measure) => new()
    {
        MeasureCode = measure.Code,
        Items = measure.Items.ToDictionary(i => i.Number, _ => (string?)null),
        DistanceMetres = MeasureEntry.KindOf(measure) == MeasureEntryKind.DistanceAndTime ? MeasureScoring.TenMetreFullDistance : null,
    };
}
