using PdfSharp.Fonts;
using RetroWalk.Reports.Text;

namespace RetroWalk.Reports;

/// <summary>
/// Serves the report faces to PDFsharp: each family of <see cref="FontFaces"/> by name, and DejaVu Sans for any
/// other family asked for, so no text can fall back to a font without the glyphs of Polish, Vietnamese, Turkish or
/// Greek names. A family without a bold face is made bold by PDFsharp. The bytes are read once per process by
/// <see cref="PdfSetup"/>.
/// </summary>
internal sealed class ReportFontResolver(FontFaces faces) : IFontResolver
{
    public const string PrimaryFamily = "DejaVu Sans";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = faces.Fallbacks.FirstOrDefault(f => string.Equals(f.Family, familyName, StringComparison.OrdinalIgnoreCase)) ?? faces.Primary;
        var hasBold = face.Bold is not null;
        return new(FaceName(face, bold && hasBold), mustSimulateBold: bold && !hasBold, mustSimulateItalic: italic);
    }

    public byte[]? GetFont(string faceName)
    {
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
}
