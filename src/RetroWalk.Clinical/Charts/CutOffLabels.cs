using System.Text.RegularExpressions;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Charts;

/// <summary>
/// A cut-off line of a scheme and the band its label names, on that band's side of the line; <paramref name="FarEdge"/>
/// is the band's other limit (null when open-ended).
/// </summary>
public sealed record CutOffLabel(decimal Value, string Label, BandSide Side, decimal? FarEdge);

/// <summary>
/// Labels for a cut-off scheme's lines that name a band each: "Limited community ambulator, 0.4–0.8 m/s".
/// A line names the band of concern beside it (a fall-risk range, a limited walking category); where both
/// neighbours are of concern it names the one no other line names yet.
/// </summary>
public static partial class CutOffLabels
{
    public static IReadOnlyList<CutOffLabel> For(CutOffScheme scheme, MeasureUnit unit)
    {
        var bands = scheme.Bands;
        // Line i lies between bands[i - 1] (below) and bands[i] (above).
        var lines = Enumerable.Range(1, bands.Count - 1).Where(i => bands[i].Range.Min is not null).ToList();
        var chosen = new Dictionary<int, int>();
        foreach (var i in lines.Where(i => bands[i - 1].IsConcern != bands[i].IsConcern))
        {
            chosen[i] = bands[i - 1].IsConcern ? i - 1 : i;
        }
        foreach (var i in lines.Where(i => !chosen.ContainsKey(i)))
        {
            var named = chosen.Values.ToHashSet();
            chosen[i] = !named.Contains(i - 1) ? i - 1 : !named.Contains(i) ? i : i - 1;
        }

        return
        [
            .. lines.Select(i => new CutOffLabel(
                bands[i].Range.Min!.Value,
                Name(bands[chosen[i]], unit),
                chosen[i] == i ? BandSide.Above : BandSide.Below,
                chosen[i] == i ? bands[i].Range.Max : bands[i - 1].Range.Min)),
        ];
    }

    /// <summary>"Limited community ambulator, 0.4–0.8 m/s" from the band "Limited community ambulator (0.4–0.8 m/s)".</summary>
    public static string Name(CategoryBand band, MeasureUnit unit)
    {
        var name = TrailingRange().Replace(band.Name, "");
        return $"{name}, {unit.Append(band.Range.Display())}";
    }

    /// <summary>A trailing parenthesis that restates the range, such as " (Berg &lt; 45)"; not " (stroke range)".</summary>
    [GeneratedRegex(@"\s*\([^()]*\d[^()]*\)$")]
    private static partial Regex TrailingRange();
}
