using System.Text;

namespace RetroWalk.Reports.Text;

/// <summary>
/// Joins Arabic letters: each letter becomes its isolated, final, initial or medial form (Unicode's Arabic
/// Presentation Forms), and lam followed by alef becomes the lam-alef ligature. PDFsharp draws one glyph per
/// character and shapes nothing, so without this a name would print as a row of unjoined letters.
/// Vowel marks (harakat) are kept but not positioned by a shaping engine.
/// </summary>
internal static class ArabicShaping
{
    /// <summary>Forms of a letter: isolated, final, then (dual-joining letters only) initial and medial.</summary>
    private sealed record Forms(char Isolated, char Final, char? Initial = null, char? Medial = null)
    {
        public bool JoinsBothSides => Initial is not null;
    }

    private static readonly Dictionary<char, Forms> Letters = Build();

    private static Dictionary<char, Forms> Build()
    {
        var letters = new Dictionary<char, Forms>
        {
            ['\u0621'] = new('\uFE80', '\uFE80'),
        };
        // Right-joining letters (join to the letter before them only): their two forms.
        foreach (var (letter, isolated) in new[]
        {
            ('\u0622', '\uFE81'), ('\u0623', '\uFE83'), ('\u0624', '\uFE85'), ('\u0625', '\uFE87'), ('\u0627', '\uFE8D'),
            ('\u0629', '\uFE93'), ('\u062F', '\uFEA9'), ('\u0630', '\uFEAB'), ('\u0631', '\uFEAD'), ('\u0632', '\uFEAF'),
            ('\u0648', '\uFEED'), ('\u0649', '\uFEEF'), ('\u0698', '\uFB8A'), ('\u0688', '\uFB88'), ('\u0691', '\uFB8C'),
            ('\u06D2', '\uFBAE'),
        })
        {
            letters[letter] = new(isolated, (char)(isolated + 1));
        }
        // Dual-joining letters: isolated, final, initial and medial forms in a row.
        foreach (var (letter, isolated) in new[]
        {
            ('\u0626', '\uFE89'), ('\u0628', '\uFE8F'), ('\u062A', '\uFE95'), ('\u062B', '\uFE99'), ('\u062C', '\uFE9D'),
            ('\u062D', '\uFEA1'), ('\u062E', '\uFEA5'), ('\u0633', '\uFEB1'), ('\u0634', '\uFEB5'), ('\u0635', '\uFEB9'),
            ('\u0636', '\uFEBD'), ('\u0637', '\uFEC1'), ('\u0638', '\uFEC5'), ('\u0639', '\uFEC9'), ('\u063A', '\uFECD'),
            ('\u0641', '\uFED1'), ('\u0642', '\uFED5'), ('\u0643', '\uFED9'), ('\u0644', '\uFEDD'), ('\u0645', '\uFEE1'),
            ('\u0646', '\uFEE5'), ('\u0647', '\uFEE9'), ('\u064A', '\uFEF1'), ('\u067E', '\uFB56'), ('\u0686', '\uFB7A'),
            ('\u06A9', '\uFB8E'), ('\u06AF', '\uFB92'), ('\u06CC', '\uFBFC'), ('\u0679', '\uFB66'), ('\u06BE', '\uFBAA'),
            ('\u06C1', '\uFBA6'),
        })
        {
            letters[letter] = new(isolated, (char)(isolated + 1), (char)(isolated + 2), (char)(isolated + 3));
        }
        return letters;
    }

    /// <summary>Lam-alef ligatures (isolated; the final form follows it) by the alef.</summary>
    private static readonly Dictionary<char, char> LamAlef = new()
    {
        ['\u0622'] = '\uFEF5', ['\u0623'] = '\uFEF7', ['\u0625'] = '\uFEF9', ['\u0627'] = '\uFEFB',
    };

    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>True when <paramref name="text"/> has a letter this class joins.</summary>
    public static bool HasJoiningLetters(string text)
    {
        foreach (var c in text)
        {
            if (Letters.ContainsKey(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text in logical order with Arabic letters in their joined forms.</summary>
    public static string Shape(string text)
    {
        var shaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Letters.TryGetValue(c, out var forms))
            {
                shaped.Append(c);
                continue;
            }
            var joinsBefore = JoinsTowardsNext(Previous(text, i));
            if (c == Lam && Next(text, i) is var alefAt && alefAt >= 0 && alefAt == i + 1 && LamAlef.TryGetValue(text[alefAt], out var ligature))
            {
                shaped.Append(joinsBefore ? (char)(ligature + 1) : ligature);
                i = alefAt;
                continue;
            }
            var joinsAfter = forms.JoinsBothSides && JoinsTowardsPrevious(Next(text, i) is var n && n >= 0 ? text[n] : null);
            shaped.Append((joinsBefore, joinsAfter) switch
            {
                (true, true) => forms.Medial!.Value,
                (true, false) => forms.Final,
                (false, true) => forms.Initial!.Value,
                _ => forms.Isolated,
            });
        }
        return shaped.ToString();
    }

    private static char? Previous(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!IsTransparent(text[i]))
            {
                return text[i];
            }
        }
        return null;
    }

    private static int Next(string text, int index)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            if (!IsTransparent(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Marks sit on letters without breaking their joining.</summary>
    private static bool IsTransparent(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>A letter before that reaches out to the one after it.</summary>
    private static bool JoinsTowardsNext(char? c) =>
        c is Tatweel or ZeroWidthJoiner || (c is { } letter && Letters.TryGetValue(letter, out var forms) && forms.JoinsBothSides);

    /// <summary>A letter after that accepts a join from the one before it.</summary>
    private static bool JoinsTowardsPrevious(char? c) =>
        c is Tatweel or ZeroWidthJoiner || (c is { } letter && Letters.ContainsKey(letter) && letter != '\u0621');
}
