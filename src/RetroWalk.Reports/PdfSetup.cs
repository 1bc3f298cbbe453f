using PdfSharp.Fonts;
using RetroWalk.Reports.Text;

namespace RetroWalk.Reports;

/// <summary>
/// One-time, process-wide PDFsharp setup: the font resolver.
/// PDFsharp allows its font resolver to be set only once per process, so the font directory is
/// fixed by the first successful call; later calls with another directory fail.
/// DejaVu Sans is required; the fallback faces for Hebrew, Arabic and Chinese/Japanese/Korean are used when
/// their files are present (Debian's fonts-noto-core and fonts-wqy-microhei).
/// </summary>
public static class PdfSetup
{
    /// <summary>Where Debian's fonts-dejavu-core package installs DejaVu Sans.</summary>
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/dejavu";

    internal const string RegularFileName = "DejaVuSans.ttf";
    internal const string BoldFileName = "DejaVuSans-Bold.ttf";

    /// <summary>Where Debian installs TrueType fonts; the fallback faces are looked up below it.</summary>
    public const string DefaultFallbackFontDirectory = "/usr/share/fonts/truetype";

    /// <summary>
    /// Fallbacks, relative to the fallback directory. Noto Sans CJK is not among them: Debian ships it as a collection
    /// of PostScript-outline (CFF) faces, which PDFsharp embeds whole (about 14 MB in every PDF) instead of the
    /// glyphs used; WenQuanYi Micro Hei has TrueType outlines that PDFsharp subsets.
    /// </summary>
    private static readonly (string Family, Script Script, string Regular, string? Bold)[] FallbackFiles =
    [
        ("Noto Sans Hebrew", Script.Hebrew, "noto/NotoSansHebrew-Regular.ttf", "noto/NotoSansHebrew-Bold.ttf"),
        ("Noto Sans Arabic", Script.Arabic, "noto/NotoSansArabic-Regular.ttf", "noto/NotoSansArabic-Bold.ttf"),
        ("WenQuanYi Micro Hei", Script.Cjk, "wqy/wqy-microhei.ttc", null),
    ];

    private static readonly Lock Gate = new();
    private static volatile string? initialisedDirectory;
    private static ReportFonts? fonts;
    private static FontFaces? faces;

    /// <summary>The font directory in use, or null before initialisation.</summary>
    public static string? FontDirectory => initialisedDirectory;

    internal static ReportFonts Fonts =>
        fonts ?? throw new InvalidOperationException("PdfSetup.EnsureInitialised has not run.");

    internal static FontFaces Faces =>
        faces ?? throw new InvalidOperationException("PdfSetup.EnsureInitialised has not run.");

    /// <summary>The fallback families found (for Hebrew, Arabic, CJK); empty before initialisation.</summary>
    public static IReadOnlyList<string> FallbackFamilies => faces?.Fallbacks.Select(f => f.Family).ToList() ?? [];

    /// <summary>
    /// Sets up PDFsharp once; cheap to call again. Throws <see cref="FileNotFoundException"/> when
    /// the DejaVu Sans files are missing (nothing is set up then, so a later call may succeed).
    /// </summary>
    /// <param name="fontDirectory">Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; null for the first one set up, else <see cref="DefaultFontDirectory"/>.</param>
    /// <param name="fallbackFontDirectory">Folder below which the fallback faces are looked up; null for <see cref="DefaultFallbackFontDirectory"/>.</param>
    public static void EnsureInitialised(string? fontDirectory = null, string? fallbackFontDirectory = null)
    {
        var current = initialisedDirectory;
        if (current is not null)
        {
            ThrowIfDifferent(current, fontDirectory);
            return;
        }

        lock (Gate)
        {
            if (initialisedDirectory is not null)
            {
                ThrowIfDifferent(initialisedDirectory, fontDirectory);
                return;
            }

            var directory = Path.GetFullPath(fontDirectory ?? DefaultFontDirectory);
            // Flattened because PDFsharp's subsetter drops nested composite glyphs (see CompositeGlyphFlattener).
            var regular = CompositeGlyphFlattener.Flatten(ReadFont(directory, RegularFileName));
            var bold = CompositeGlyphFlattener.Flatten(ReadFont(directory, BoldFileName));
            var primary = new FontFace(ReportFontResolver.PrimaryFamily, Script.Common, FontFile.Characters(regular), regular, bold);
            var found = LoadFallbacks(fallbackFontDirectory ?? DefaultFallbackFontDirectory);

            if (GlobalFontSettings.FontResolver is { } existing && existing is not ReportFontResolver)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({existing.GetType().FullName}); RetroWalk reports need their own resolver, which can be set only once per process.");
            }

            faces = new FontFaces(primary, found);
            GlobalFontSettings.FontResolver = new ReportFontResolver(faces, directory);
            fonts = new ReportFonts();
            initialisedDirectory = directory;
        }
    }

    private static void ThrowIfDifferent(string current, string? requested)
    {
        if (requested is not null && !string.Equals(Path.GetFullPath(requested), current, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"PDF fonts were already set up from '{current}'; PDFsharp allows this only once per process, so '{requested}' cannot be used now.");
        }
    }

    private static List<FontFace> LoadFallbacks(string directory)
    {
        var found = new List<FontFace>();
        foreach (var (family, script, regularFile, boldFile) in FallbackFiles)
        {
            var regularPath = Path.Combine(directory, regularFile);
            if (!File.Exists(regularPath))
            {
                continue;
            }
            var regular = CompositeGlyphFlattener.Flatten(FontFile.Face(File.ReadAllBytes(regularPath), 0));
            var boldPath = boldFile is null ? null : Path.Combine(directory, boldFile);
            var bold = boldPath is not null && File.Exists(boldPath) ? CompositeGlyphFlattener.Flatten(File.ReadAllBytes(boldPath)) : null;
            found.Add(new FontFace(family, script, FontFile.Characters(regular), regular, bold));
        }
        return found;
    }

    internal static byte[] ReadFont(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Font file '{path}' not found. Reports need DejaVu Sans: install Debian's fonts-dejavu-core package or configure the report font directory.",
                path);
        }
        return File.ReadAllBytes(path);
    }
}
