using System.Buffers;
using System.Globalization;
using System.Text;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// The rules for text and numbers typed into a field, in one place: what is stored (NFC, trimmed), what is
/// refused (control, line-break and direction-override characters; NUL, which PostgreSQL cannot store;
/// exponent notation), how long a text is (in text elements, as people count: one emoji is one), and the
/// key that record numbers are compared by.
/// </summary>
public static class FieldText
{
    private static readonly SearchValues<char> DigitsAndPoint = SearchValues.Create("0123456789.");

    /// <summary>
    /// At most this many UTF-16 code units per text element of a field's limit: room for a letter with several
    /// accents or a joined emoji. Beyond it a text is refused as too long to store, whatever it looks like.
    /// </summary>
    public const int StoredUnitsPerTextElement = 4;

    /// <summary>The column size (in UTF-16 code units) for a field of <paramref name="textElements"/> text elements.</summary>
    public static int StoredLength(int textElements) => textElements * StoredUnitsPerTextElement;

    /// <summary>
    /// What is stored for a typed text: NFC, without surrounding white space. Text that cannot be normalised
    /// (a lone surrogate, U+FFFE) is only trimmed; <see cref="Problem"/> refuses it.
    /// </summary>
    public static string Clean(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return IsStorable(trimmed) ? trimmed.Normalize(NormalizationForm.FormC) : trimmed;
    }

    /// <summary>The length as people count it: "👩‍⚕️" and "é" (e + accent) are one each.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Why <paramref name="text"/> (already <see cref="Clean"/>ed) cannot be stored in a field called
    /// <paramref name="label"/> of at most <paramref name="maxLength"/> text elements, or null if it can.
    /// Multi-line fields (notes) accept line breaks and tabs; no field accepts other control characters.
    /// </summary>
    public static string? Problem(string text, string label, int maxLength, bool multiline = false)
    {
        if (!IsStorable(text))
        {
            return $"{label} contains a character that cannot be stored; retype it.";
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (multiline && rune.Value is '\n' or '\r' or '\t')
            {
                continue;
            }
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return rune.Value is '\n' or '\r' or 0x85 or 0x2028 or 0x2029
                    ? $"{label} must be on one line."
                    : $"{label} contains an invisible control character ({CodePoint(rune)}); retype it.";
            }
            if (IsDirectionOverride(rune))
            {
                return $"{label} contains a hidden text-direction character ({CodePoint(rune)}) that can make it display differently from what is stored; retype it.";
            }
        }
        var length = Length(text);
        if (length > maxLength)
        {
            return $"{label} can have at most {maxLength} characters; it has {length}.";
        }
        if (text.Length > StoredLength(maxLength))
        {
            return $"{label} has too many accents or joined symbols to store; shorten it.";
        }
        return null;
    }

    /// <summary>
    /// The key two record numbers are the same by: compatibility forms folded (full-width "ＲＷ" is "RW"),
    /// invisible format characters (zero-width space, soft hyphen, byte-order mark) and white space
    /// removed, upper case. "rw-1001" and "RW-1001" with a zero-width space both give "RW-1001".
    /// </summary>
    public static string RecordNumberKey(string recordNumber)
    {
        var folded = recordNumber.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control || Rune.IsWhiteSpace(rune))
            {
                continue;
            }
            key.Append(Rune.ToUpperInvariant(rune).ToString());
        }
        return key.ToString();
    }

    /// <summary>A record number as stored: <see cref="Clean"/>ed and without invisible format characters.</summary>
    public static string CleanRecordNumber(string? recordNumber)
    {
        var text = Clean(recordNumber);
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                kept.Append(rune.ToString());
            }
        }
        return kept.ToString().Trim();
    }

    /// <summary>
    /// Text from a box whose value goes into a query (search): NUL and other control characters, direction
    /// characters and characters that cannot be stored become spaces.
    /// </summary>
    public static string ForQuery(string? text)
    {
        var kept = new StringBuilder((text ?? "").Length);
        foreach (var rune in (text ?? "").EnumerateRunes()) // a lone surrogate comes out as U+FFFD
        {
            kept.Append(Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control || IsDirectionOverride(rune)
                || rune == Rune.ReplacementChar || IsNonCharacter(rune)
                ? " "
                : rune.ToString());
        }
        return Clean(kept.ToString());
    }

    /// <summary>
    /// Reads a number typed in plain digits ("120", "-3", "1.5"); empty text is no number. Exponent notation
    /// ("1.2e2"), a decimal comma, thousands separators and words are refused with the reason.
    /// </summary>
    public static NumberReading ReadNumber(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new NumberReading(null, null);
        }
        if (trimmed.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return new NumberReading(null, $"Type the number in plain digits ({Example(trimmed)}), not in exponent notation.");
        }
        if (trimmed.Contains(','))
        {
            return new NumberReading(null, "Use a point for decimals (1.5) and no thousands separators.");
        }
        var digits = trimmed.AsSpan().TrimStart("+-");
        if (trimmed.Length - digits.Length > 1 || digits.Length == 0 || !digits.ContainsAnyInRange('0', '9')
            || digits.ContainsAnyExcept(DigitsAndPoint) || digits.Count('.') > 1 || digits[0] == '.' || digits[^1] == '.'
            || !decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new NumberReading(null, "Type a number in digits, e.g. 120 or 1.5.");
        }
        return new NumberReading(value, null);
    }

    /// <summary>Why <paramref name="value"/> has more decimals than are stored and shown, or null.</summary>
    public static string? PrecisionProblem(decimal? value, int decimals, string label, string example) =>
        value is { } v && decimal.Round(v, decimals) != v
            ? $"{label} is kept to {(decimals == 1 ? "one decimal place" : $"{decimals} decimal places")}; enter e.g. {example}."
            : null;

    private static string Example(string exponent) =>
        double.TryParse(exponent, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 1e9
            ? $"e.g. {value.ToString("0.####", CultureInfo.InvariantCulture)}"
            : "e.g. 120";

    /// <summary>Embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).</summary>
    private static bool IsDirectionOverride(Rune rune) => rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>Well-formed UTF-16 without noncharacters (U+FFFE, U+FDD0...), which cannot be normalised or exchanged.</summary>
    private static bool IsStorable(string text) => IsValidUtf16(text) && !text.EnumerateRunes().Any(IsNonCharacter);

    private static bool IsNonCharacter(Rune rune) => (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF;

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static string CodePoint(Rune rune) => $"U+{rune.Value:X4}";
}

/// <summary>A typed number: its value (null when the text was empty or unreadable) and why it was unreadable.</summary>
public sealed record NumberReading(decimal? Value, string? Problem)
{
    public bool IsReadable => Problem is null;
}
