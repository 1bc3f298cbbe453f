using System.Globalization;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public static class AssessmentData
{
    public static DateOnly Today => TestClock.Today;

    /// <summary>14 Berg item scores as typed, in item order.</summary>
    public static int[] BergScoresTotalling(int total) => total switch
    {
        38 => [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 0, 0],
        45 => [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4],
        _ => throw new ArgumentOutOfRangeException(nameof(total)),
    };

    public static MeasureResultInput Berg(params int?[] scores) => new()
    {
        MeasureCode = MeasureCodes.BergBalanceScale,
        Items = scores.Select((s, i) => (Number: i + 1, Score: s?.ToString(CultureInfo.InvariantCulture)))
            .Concat(Enumerable.Range(scores.Length + 1, Math.Max(0, 14 - scores.Length)).Select(n => (Number: n, Score: (string?)null)))
            .ToDictionary(x => x.Number, x => x.Score),
    };

    public static MeasureResultInput BergTotalling(int total) => Berg([.. BergScoresTotalling(total).Select(s => (int?)s)]);

    public static MeasureResultInput TenMetre(decimal distance, decimal seconds, string? aid = null) => new()
    {
        MeasureCode = MeasureCodes.TenMetreWalkComfortable,
        DistanceMetres = distance,
        TimeSeconds = seconds,
        AssistiveDevice = aid,
    };

    public static MeasureResultInput Tug(decimal seconds) => new() { MeasureCode = MeasureCodes.TimedUpAndGo, TimeSeconds = seconds };

    public static MeasureResultInput SixMinute(decimal metres) => new() { MeasureCode = MeasureCodes.SixMinuteWalk, DistanceMetres = metres };

    public static AssessmentInput Assessment(DateOnly date, AssessmentTimePoint timePoint, params MeasureResultInput[] results) => new()
    {
        Date = date,
        TimePoint = timePoint,
        AssessorName = "Maria Santos",
        Results = [.. results],
    };
}
