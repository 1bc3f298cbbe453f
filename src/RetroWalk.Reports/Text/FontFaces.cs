using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RetroWalk.Reports.Text;

/// <summary>A font the reports draw with: its family name, the characters it has, and its regular and bold faces.</summary>
internal sealed record FontFace(string Family, Script Script, CharacterSet Characters, byte[] Regular, byte[]? Bold);

/// <summary>
/// DejaVu Sans for everything it has, and fallback faces for the scripts it lacks or draws poorly: Noto Sans Hebrew,
/// Noto Sans Arabic and WenQuanYi Micro Hei (Chinese, Japanese, Korean). A fallback whose file is missing is left
/// out; text that needs it is then replaced by a note saying so.
/// </summary>
internal sealed class FontFaces(FontFace primary, IReadOnlyList<FontFace> fallbacks)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly ConcurrentDictionary<(XFont, string), XFont> derived = new();

    public FontFace Primary { get; } = primary;

    public IReadOnlyList<FontFace> Fallbacks { get; } = fallbacks;

    /// <summary>The face to draw a character of <paramref name="script"/> with, or null when none has it.</summary>
    public FontFace? For(int codePoint, Script script)
    {
        foreach (var face in Fallbacks)
        {
            if (face.Script == script && face.Characters.Contains(codePoint))
            {
                return face;
            }
        }
        if (Primary.Characters.Contains(codePoint))
        {
            return Primary;
        }
        foreach (var face in Fallbacks)
        {
            if (face.Characters.Contains(codePoint))
            {
                return face;
            }
        }
        return null;
    }

    /// <summary><paramref name="font"/>'s size and weight in another face.</summary>
    public XFont FontOf(XFont font, FontFace face) =>
        face == Primary
            ? font
            : derived.GetOrAdd((font, face.Family), key => new XFont(key.Item2, key.Item1.Size, key.Item1.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode));
}
