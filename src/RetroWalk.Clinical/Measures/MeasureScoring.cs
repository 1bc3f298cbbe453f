namespace RetroWalk.Clinical.Measures;

/// <summary>A problem with one item score (an unknown item number or a score the item does not allow).</summary>
public sealed record ItemError(int ItemNumber, string Message);

/// <summary>
/// The result of scoring an item form. <see cref="Total"/> is set only when every item is scored
/// with an allowed score; otherwise <see cref="MissingItems"/> and <see cref="Errors"/> say why.
/// </summary>
public sealed record ItemScoringResult(
    string MeasureCode,
    decimal? Total,
    IReadOnlyList<int> MissingItems,
    IReadOnlyList<ItemError> Errors)
{
    public bool IsComplete => Total is not null;

    /// <summary>"Items 3 and 7 are not scored." or null when none is missing.</summary>
    public string? MissingMessage => MissingItems.Count switch
    {
        0 => null,
        _ => $"{Items(MissingItems)} {(MissingItems.Count == 1 ? "is" : "are")} not scored.",
    };

    /// <summary>Items given a score the item does not allow (or that are not items of the measure).</summary>
    public IReadOnlyList<int> RefusedItems => [.. Errors.Select(e => e.ItemNumber).Distinct().Order()];

    /// <summary>Items of <paramref name="measure"/> that hold a score the item allows.</summary>
    public int AllowedScores(MeasureDefinition measure) =>
        measure.Items.Count(i => !MissingItems.Contains(i.Number) && !RefusedItems.Contains(i.Number));

    /// <summary>
    /// What the form's total says: "38 points (of 56 points)" when complete; "No total: the score of item 1 is not
    /// allowed. 13 of 14 items have an allowed score." while a score is refused (a refused score never counts as
    /// scored); otherwise "Not complete: 9 of 14 items scored. …". Items in <paramref name="unreadable"/> hold text that
    /// is not a whole number (e.g. "2.5"): they are refused too.
    /// </summary>
    public string TotalText(MeasureDefinition measure, IReadOnlyCollection<int>? unreadable = null)
    {
        if (Total is { } total && (unreadable is null || unreadable.Count == 0))
        {
            return $"{measure.WithUnit(total)} (of {measure.Unit.Append(measure.Number(measure.Range.Max))})";
        }
        IReadOnlyList<int> refused = [.. RefusedItems.Union(unreadable ?? []).Order()];
        var allowed = $"{measure.Items.Count(i => !MissingItems.Contains(i.Number) && !refused.Contains(i.Number))} of {measure.Items.Count} items";
        return refused.Count > 0
            ? $"No total: the {(refused.Count == 1 ? "score" : "scores")} of {Items(refused).ToLowerInvariant()} {(refused.Count == 1 ? "is" : "are")} not allowed. {allowed} have an allowed score."
            : $"Not complete: {allowed} scored. An incomplete form is saved without a total and is not charted.";
    }

    /// <summary>"Item 3", "Items 3 and 7", "Items 1, 3 and 7".</summary>
    private static string Items(IReadOnlyList<int> numbers) => numbers.Count == 1
        ? $"Item {numbers[0]}"
        : $"Items {string.Join(", ", numbers.Take(numbers.Count - 1))} and {numbers[^1]}";
}

/// <summary>A gait speed together with the distance and time it came from.</summary>
public sealed record GaitSpeedResult(decimal DistanceMetres, decimal TimeSeconds, decimal MetresPerSecond);

public static class MeasureScoring
{
    /// <summary>10MWT timed over the full 10 m.</summary>
    public const decimal TenMetreFullDistance = 10m;

    /// <summary>10MWT timed over the middle 6 m of 10 m.</summary>
    public const decimal TenMetreMiddleDistance = 6m;

    /// <summary>3MBWT distance (after stroke: the middle 3 m of 5 m).</summary>
    public const decimal BackwardWalkDistance = 3m;

    /// <summary>
    /// Total of an item-scored measure: the sum of items (BBS, FGA, DGI, Mini-BESTest) or their
    /// mean (ABC). A null score means "not scored yet".
    /// </summary>
    public static ItemScoringResult FromItems(string code, IReadOnlyDictionary<int, int?> scores) =>
        FromItems(MeasureCatalogue.Get(code), scores);

    public static ItemScoringResult FromItems(string code, IReadOnlyDictionary<int, int> scores) =>
        FromItems(MeasureCatalogue.Get(code), scores.ToDictionary(kv => kv.Key, kv => (int?)kv.Value));

    public static ItemScoringResult FromItems(MeasureDefinition measure, IReadOnlyDictionary<int, int?> scores)
    {
        if (!measure.IsItemScored)
        {
            throw new ArgumentException($"{measure.Name} is not scored from items.", nameof(measure));
        }

        var errors = new List<ItemError>();
        var items = measure.Items.ToDictionary(i => i.Number);
        var first = measure.Items[0].Number;
        var last = measure.Items[^1].Number;

        foreach (var (number, score) in scores.OrderBy(kv => kv.Key))
        {
            if (!items.TryGetValue(number, out var item))
            {
                errors.Add(new ItemError(number, $"Item {number} is not a {measure.Name} item (items are {first}–{last})."));
            }
            else if (score is { } s && !item.Allows(s))
            {
                errors.Add(new ItemError(number,
                    $"Item {number} ({item.Name}): a score of {s} is not allowed; scores are {item.MinScore}–{item.MaxScore}."));
            }
        }

        int[] missing = [.. measure.Items.Where(i => !scores.TryGetValue(i.Number, out var s) || s is null).Select(i => i.Number)];

        decimal? total = null;
        if (missing.Length == 0 && errors.Count == 0)
        {
            decimal sum = measure.Items.Sum(i => scores[i.Number]!.Value);
            total = measure.ItemScoring == ItemScoring.Mean ? sum / measure.Items.Count : sum;
        }

        return new ItemScoringResult(measure.Code, total, missing, errors);
    }

    /// <summary>Gait speed in m/s = distance / time, unrounded (round for display only).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Distance or time is not greater than zero.</exception>
    public static GaitSpeedResult GaitSpeed(decimal distanceMetres, decimal timeSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(distanceMetres);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeSeconds);
        return new GaitSpeedResult(distanceMetres, timeSeconds, distanceMetres / timeSeconds);
    }

    /// <summary>Backward gait speed from a 3MBWT time (3 m / time).</summary>
    public static GaitSpeedResult BackwardSpeed(decimal timeSeconds) => GaitSpeed(BackwardWalkDistance, timeSeconds);
}
