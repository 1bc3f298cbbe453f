using System.Text;
using PdfSharp.Fonts;
using RetroWalk.Reports.Text;

namespace RetroWalk.Reports;

/// <summary>
/// Serves the report faces to PDFsharp: each family of <see cref="FontFaces"/> by name, and DejaVu Sans for any
/// other family asked for, so no text can fall back to a font without the glyphs of Polish, Vietnamese, Turkish or
/// Greek names. A family without a bold face is made bold by PDFsharp. The bytes are read once per process by
/// <see cref="PdfSetup"/>.
/// </summary>
internal sealed class ReportFontResolver(FontFaces faces, string primaryDirectory) : IFontResolver
{
    public const string PrimaryFamily = "DejaVu Sans";

    /// <summary>
    /// DejaVu Sans exactly as installed, without <see cref="CompositeGlyphFlattener"/>: the switch that shows
    /// what the flattener fixes (GlyphRenderingTests). Reports never ask for it; the font files are read only
    /// when something does.
    /// </summary>
    internal const string AsInstalledFamilyName = "DejaVu Sans as installed";

    private const string AsInstalled = "+as-installed";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (familyName == AsInstalledFamilyName)
        {
            return new(FaceName(faces.Primary, bold) + AsInstalled, mustSimulateBold: false, mustSimulateItalic: italic);
        }
        var face = faces.Fallbacks.FirstOrDefault(f => string.Equals(f.Family, familyName, StringComparison.OrdinalIgnoreCase)) ?? faces.Primary;
        var hasBold = face.Bold is not null;
        return new(FaceName(face, bold && hasBold), mustSimulateBold: bold && !hasBold, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName)
    {
        if (faceName == FaceName(faces.Primary, bold: false) + AsInstalled)
        {
            return Renamed(PdfSetup.ReadFont(primaryDirectory, PdfSetup.RegularFileName));
        }
        if (faceName == FaceName(faces.Primary, bold: true) + AsInstalled)
        {
            return Renamed(PdfSetup.ReadFont(primaryDirectory, PdfSetup.BoldFileName));
        }
        foreach (var face in faces.Fallbacks.Prepend(faces.Primary))
        {
            if (faceName == FaceName(face, bold: false))
            {
                return face.Regular;
            }
            if (faceName == FaceName(face, bold: true))
            {
                return face.Bold;
            }
        }
        return null;
    }

    private static string FaceName(FontFace face, bool bold) => face.Family.Replace(" ", "", StringComparison.Ordinal) + (bold ? "-Bold" : "");

    /// <summary>
    /// PDFsharp keeps one font per name (from the font's name table) in a process, so the copy served as
    /// installed gets another name, of the same length, in its name table; its glyphs are untouched.
    /// </summary>
    private static byte[] Renamed(byte[] font)
    {
        var from = Encoding.BigEndianUnicode.GetBytes("DejaVu Sans");
        var to = Encoding.BigEndianUnicode.GetBytes("DejaVu Test");
        var bytes = font.AsSpan();
        for (var at = bytes.IndexOf(from); at >= 0; at = bytes.IndexOf(from))
        {
            to.CopyTo(bytes[at..]);
        }
        return font;
    }
}
