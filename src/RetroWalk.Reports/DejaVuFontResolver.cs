using System.Text;
using PdfSharp.Fonts;

namespace RetroWalk.Reports;

/// <summary>
/// Serves DejaVu Sans (regular and bold) for every family PDFsharp asks for, so no text can fall
/// back to a font without the glyphs of Polish, Vietnamese, Turkish or Greek names.
/// The font bytes are read once per process by <see cref="PdfSetup"/>.
/// </summary>
internal sealed class DejaVuFontResolver(byte[] regular, byte[] bold, string directory) : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    /// <summary>
    /// DejaVu Sans exactly as installed, without <see cref="CompositeGlyphFlattener"/>: the switch that shows
    /// what the flattener fixes (GlyphRenderingTests). Reports never ask for it; the font files are read only
    /// when something does.
    /// </summary>
    internal const string AsInstalledFamilyName = "DejaVu Sans as installed";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string AsInstalled = "+as-installed";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold ? BoldFace : RegularFace) + (familyName == AsInstalledFamilyName ? AsInstalled : ""),
            mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => faceName switch
    {
        BoldFace => bold,
        RegularFace + AsInstalled => Renamed(PdfSetup.ReadFont(directory, PdfSetup.RegularFileName)),
        BoldFace + AsInstalled => Renamed(PdfSetup.ReadFont(directory, PdfSetup.BoldFileName)),
        _ => regular,
    };

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
