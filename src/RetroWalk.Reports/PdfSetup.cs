using PdfSharp.Fonts;

namespace RetroWalk.Reports;

/// <summary>
/// One-time, process-wide PDFsharp setup: the font resolver.
/// PDFsharp allows its font resolver to be set only once per process, so the font directory is
/// fixed by the first successful call; later calls with another directory fail.
/// </summary>
public static class PdfSetup
{
    /// <summary>Where Debian's fonts-dejavu-core package installs DejaVu Sans.</summary>
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/dejavu";

    internal const string RegularFileName = "DejaVuSans.ttf";
    internal const string BoldFileName = "DejaVuSans-Bold.ttf";

    private static readonly Lock Gate = new();
    private static volatile string? initialisedDirectory;
    private static ReportFonts? fonts;

    /// <summary>The font directory in use, or null before initialisation.</summary>
    public static string? FontDirectory => initialisedDirectory;

    internal static ReportFonts Fonts =>
        fonts ?? throw new InvalidOperationException("PdfSetup.EnsureInitialised has not run.");

    /// <summary>
    /// Sets up PDFsharp once; cheap to call again. Throws <see cref="FileNotFoundException"/> when
    /// the DejaVu Sans files are missing (nothing is set up then, so a later call may succeed).
    /// </summary>
    /// <param name="fontDirectory">Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf; null for the first one set up, else <see cref="DefaultFontDirectory"/>.</param>
    public static void EnsureInitialised(string? fontDirectory = null)
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

            if (GlobalFontSettings.FontResolver is { } existing && existing is not DejaVuFontResolver)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has a font resolver ({existing.GetType().FullName}); RetroWalk reports need their own DejaVu Sans resolver, which can be set only once per process.");
            }

            GlobalFontSettings.FontResolver = new DejaVuFontResolver(regular, bold, directory);
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
