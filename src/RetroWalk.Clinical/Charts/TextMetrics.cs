using System.Globalization;
using System.Text;

namespace RetroWalk.Clinical.Charts;

/// <summary>
/// Text widths for chart layout, from the advance widths of DejaVu Sans (the report's font). The screen
/// draws with the same or a narrower sans-serif, so a label never needs more room than is measured here
/// and the screen and the PDF place every label at the same spot.
/// </summary>
public static class TextMetrics
{
    /// <summary>Top of a line box to the text's baseline (DejaVu Sans ascent), in em.</summary>
    public const double Ascent = 0.93;

    /// <summary>Height of a label's box, in em (ascent plus descent).</summary>
    public const double LineHeight = 1.17;

    // Advance widths of U+0020 to U+007E in thousandths of an em.
    private static readonly short[] Ascii =
    [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ];

    private static readonly Dictionary<char, short> Symbols = new()
    {
        ['–'] = 500, ['—'] = 1000, ['−'] = 838, ['±'] = 838, ['≥'] = 838, ['≤'] = 838, ['→'] = 838,
        ['·'] = 318, ['×'] = 838, ['°'] = 500, ['…'] = 1000, ['’'] = 318, ['ł'] = 284, ['Ł'] = 562, ['ı'] = 278,
    };

    /// <summary>Width of <paramref name="text"/> at <paramref name="fontSize"/>, in the font size's units.</summary>
    public static double Width(string text, double fontSize)
    {
        var thousandths = 0;
        foreach (var c in text)
        {
            thousandths += Advance(c);
        }
        return thousandths * fontSize / 1000;
    }

    /// <summary>Height of a label's box at <paramref name="fontSize"/>.</summary>
    public static double Height(double fontSize) => fontSize * LineHeight;

    private static short Advance(char c)
    {
        if (c is >= ' ' and <= '~')
        {
            return Ascii[c - ' '];
        }
        if (Symbols.TryGetValue(c, out var width))
        {
            return width;
        }
        // An accented letter is as wide as its base letter in DejaVu Sans; anything else is taken as wide.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && decomposed[0] is >= ' ' and <= '~' && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.SpaceSeparator
            ? Ascii[decomposed[0] - ' ']
            : (short)1000;
    }
}
