namespace RetroWalk.Reports.Text;

/// <summary>The writing systems the reports treat differently from plain left-to-right text.</summary>
internal enum Script
{
    /// <summary>Latin, Greek, Cyrillic, digits, punctuation and everything else drawn glyph by glyph, left to right.</summary>
    Common,
    Hebrew,
    Arabic,
    /// <summary>Chinese, Japanese and Korean: drawn glyph by glyph from a CJK font.</summary>
    Cjk,
    /// <summary>Scripts whose letters change shape or order in ways the PDF renderer cannot do (PDFsharp shapes nothing).</summary>
    NotShaped,
}

internal static class Scripts
{
    /// <summary>Scripts that need shaping (conjuncts, reordered vowels, stacked marks) RetroWalk's PDFs do not do, by name.</summary>
    private static readonly (int First, int Last, string Name)[] NotShapedRanges =
    [
        (0x0700, 0x074F, "Syriac"), (0x0780, 0x07BF, "Thaana"), (0x07C0, 0x07FF, "N'Ko"),
        (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
        (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Odia"), (0x0B80, 0x0BFF, "Tamil"),
        (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"),
        (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"),
        (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"), (0x1780, 0x17FF, "Khmer"),
        (0x1800, 0x18AF, "Mongolian"), (0xA8E0, 0xA8FF, "Devanagari"),
    ];

    public static Script Of(int codePoint) => codePoint switch
    {
        >= 0x0590 and <= 0x05FF or >= 0xFB1D and <= 0xFB4F => Script.Hebrew,
        >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F or >= 0x08A0 and <= 0x08FF
            or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF => Script.Arabic,
        >= 0x1100 and <= 0x11FF or >= 0x2E80 and <= 0x2FDF or >= 0x3000 and <= 0x31FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF
            or >= 0x20000 and <= 0x3134F => Script.Cjk,
        _ when NotShapedName(codePoint) is not null => Script.NotShaped,
        _ => Script.Common,
    };

    /// <summary>The name of a script the PDFs cannot shape, or null.</summary>
    public static string? NotShapedName(int codePoint)
    {
        foreach (var (first, last, name) in NotShapedRanges)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return name;
            }
        }
        return null;
    }

    public static bool IsEmoji(int codePoint) => codePoint is >= 0x1F000 and <= 0x1FAFF;
}
