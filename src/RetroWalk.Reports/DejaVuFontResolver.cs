using PdfSharp.Fonts;

namespace RetroWalk.Reports;

/// <summary>
/// Serves DejaVu Sans (regular and bold) for every family PDFsharp asks for, so no text can fall
/// back to a font without the glyphs of Polish, Vietnamese, Turkish or Greek names.
/// The font bytes are read once per process by <see cref="PdfSetup"/>.
/// </summary>
internal sealed class DejaVuFontResolver(byte[] regular, byte[] bold) : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => faceName == BoldFace ? bold : regular;
}
