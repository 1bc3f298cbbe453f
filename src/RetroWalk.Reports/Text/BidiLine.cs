using System.Globalization;

namespace RetroWalk.Reports.Text;

/// <summary>
/// Puts one line of text into the order it is seen in, left to right, for a renderer that draws every string
/// left to right: a simplified form of the Unicode Bidirectional Algorithm (UAX #9) for text without explicit
/// direction controls. The line's direction comes from its first strong letter; Hebrew and Arabic runs read right
/// to left, numbers inside them left to right, and spaces and punctuation between two runs of the same direction
/// take that direction (otherwise the line's). Works on whole text elements, so marks stay on their letters.
/// Brackets in right-to-left runs are mirrored.
/// </summary>
internal static class BidiLine
{
    private enum Kind
    {
        Left,
        Right,
        Number,
        Neutral,
    }

    private static readonly Dictionary<char, char> Mirrors = new()
    {
        ['('] = ')', [')'] = '(', ['['] = ']', [']'] = '[', ['{'] = '}', ['}'] = '{', ['<'] = '>', ['>'] = '<',
        ['«'] = '»', ['»'] = '«', ['‹'] = '›', ['›'] = '‹',
    };

    public static bool HasRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (Scripts.Of(c) is Script.Hebrew or Script.Arabic && KindOf(c) == Kind.Right)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text elements of <paramref name="line"/> in visual order, left to right.</summary>
    public static List<string> Visual(string line)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }
        var kinds = elements.Select(e => KindOf(e[0])).ToArray();
        var rightToLeft = Array.Find(kinds, k => k is Kind.Left or Kind.Right) == Kind.Right;

        // A separator between two digits belongs to the number (W4); so do % and ° beside one (W5).
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.Neutral)
            {
                continue;
            }
            var numberBefore = i > 0 && kinds[i - 1] == Kind.Number;
            var numberAfter = i + 1 < kinds.Length && kinds[i + 1] == Kind.Number;
            if ((elements[i] is "." or "," or ":" or "/" && numberBefore && numberAfter)
                || (elements[i] is "%" or "°" && (numberBefore || numberAfter)))
            {
                kinds[i] = Kind.Number;
            }
        }

        // Numbers after a left-to-right letter (or at the start of a left-to-right line) are part of its run (UAX #9 W7).
        var lastStrong = rightToLeft ? Kind.Right : Kind.Left;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] is Kind.Left or Kind.Right)
            {
                lastStrong = kinds[i];
            }
            else if (kinds[i] == Kind.Number && lastStrong == Kind.Left)
            {
                kinds[i] = Kind.Left;
            }
        }

        // Neutrals between two runs of one direction take it; otherwise the line's (N1, N2). Numbers count as right to left.
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i] != Kind.Neutral)
            {
                continue;
            }
            var end = i;
            while (end < kinds.Length && kinds[end] == Kind.Neutral)
            {
                end++;
            }
            var before = i == 0 ? (rightToLeft ? Kind.Right : Kind.Left) : Direction(kinds[i - 1]);
            var after = end == kinds.Length ? (rightToLeft ? Kind.Right : Kind.Left) : Direction(kinds[end]);
            var resolved = before == after ? before : rightToLeft ? Kind.Right : Kind.Left;
            for (var j = i; j < end; j++)
            {
                kinds[j] = resolved;
            }
            i = end - 1;
        }

        // Embedding levels (I1, I2), then reversal from the highest level down (L2).
        var levels = kinds.Select(k => (rightToLeft, k) switch
        {
            (false, Kind.Left) => 0,
            (false, Kind.Right) => 1,
            (false, _) => 2,
            (true, Kind.Right) => 1,
            _ => 2,
        }).ToArray();
        var order = Enumerable.Range(0, elements.Count).ToArray();
        var highest = levels.Length == 0 ? 0 : levels.Max();
        for (var level = highest; level >= 1; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (levels[order[i]] < level)
                {
                    continue;
                }
                var end = i;
                while (end < order.Length && levels[order[end]] >= level)
                {
                    end++;
                }
                Array.Reverse(order, i, end - i);
                i = end - 1;
            }
        }

        return [.. order.Select(i => levels[i] % 2 == 1 && elements[i].Length == 1 && Mirrors.TryGetValue(elements[i][0], out var mirror)
            ? mirror.ToString()
            : elements[i])];
    }

    private static Kind Direction(Kind kind) => kind == Kind.Number ? Kind.Right : kind;

    private static Kind KindOf(char c)
    {
        if (c is >= '0' and <= '9' || c is >= '\u0660' and <= '\u0669' || c is >= '\u06F0' and <= '\u06F9')
        {
            return Kind.Number;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        var isLetter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;
        if (Scripts.Of(c) is Script.Hebrew or Script.Arabic)
        {
            return isLetter || category == UnicodeCategory.OtherPunctuation && c is '\u05BE' or '\u05C0' or '\u05C3' or '\u05C6' or '\u05F3' or '\u05F4'
                ? Kind.Right
                : Kind.Neutral;
        }
        return isLetter || char.IsSurrogate(c) || category is UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            ? Kind.Left
            : Kind.Neutral;
    }
}
