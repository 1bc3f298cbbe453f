using RetroWalk.Clinical.Measures;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>What the therapist enters for a measure.</summary>
public enum MeasureEntryKind
{
    /// <summary>Item scores; the total is calculated, never typed.</summary>
    Items,

    /// <summary>A time in seconds (TUG, 3MBWT, FTSTS).</summary>
    Time,

    /// <summary>A distance and a time; the value is the speed (10MWT).</summary>
    DistanceAndTime,

    /// <summary>A distance in metres (6MWT).</summary>
    Distance,
}

public static class MeasureEntry
{
    /// <summary>Longest distance accepted for a timed walk (the 10MWT is timed over 6 or 10 m).</summary>
    public const decimal MaxTimedDistanceMetres = 30m;

    private static readonly HashSet<string> WalkingTests = new(StringComparer.OrdinalIgnoreCase)
    {
        MeasureCodes.TimedUpAndGo, MeasureCodes.TenMetreWalkComfortable, MeasureCodes.TenMetreWalkFast,
        MeasureCodes.ThreeMetreBackwardWalk, MeasureCodes.SixMinuteWalk,
    };

    public static MeasureEntryKind KindOf(MeasureDefinition measure) => measure switch
    {
        { IsItemScored: true } => MeasureEntryKind.Items,
        { Code: MeasureCodes.TenMetreWalkComfortable or MeasureCodes.TenMetreWalkFast } => MeasureEntryKind.DistanceAndTime,
        { Code: MeasureCodes.SixMinuteWalk } => MeasureEntryKind.Distance,
        _ => MeasureEntryKind.Time,
    };

    /// <summary>An HTML id fragment for a measure code: "10MWT-C" → "10mwt-c".</summary>
    public static string IdOf(string code) =>
        new([.. code.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    /// <summary>Walking tests record the assistive device and handrail use.</summary>
    public static bool IsWalkingTest(string code) => WalkingTests.Contains(code);

    /// <summary>Measures a therapist records directly (backward speed is calculated from the 3MBWT), in catalogue order.</summary>
    public static IReadOnlyList<MeasureDefinition> Recordable { get; } = [.. MeasureCatalogue.All.Where(m => m.DerivedFrom is null)];
}
