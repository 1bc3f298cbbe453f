using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace RetroWalk.Reports.Text;

/// <summary>A piece of a line drawn in one font, in visual order.</summary>
internal readonly record struct TextRun(string Text, XFont Font);

/// <summary>
/// Prepares a line for PDFsharp, which draws each string left to right in one font and shapes nothing:
/// format characters (zero-width, direction marks) are dropped; text in a script the PDF cannot shape, or that no
/// installed font has, is replaced by a note saying so (never drawn as empty boxes), and so are characters beyond the
/// Basic Multilingual Plane (most emoji), whose text PDFsharp cannot record; Arabic letters are joined;
/// right-to-left text is put in visual order; and the line is cut into runs, each in a face that has its glyphs.
/// </summary>
internal static class LineShaper
{
    /// <summary>True when <paramref name="text"/> can be drawn as it is in the primary font: the usual case, kept fast.</summary>
    public static bool IsPlain(ReadOnlySpan<char> text)
    {
        var primary = PdfSetup.Faces.Primary.Characters;
        foreach (var c in text)
        {
            if (!primary.Contains(c))
            {
                return false;
            }
            if (c >= '\u0590' && (char.IsSurrogate(c) || Scripts.Of(c) != Script.Common
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// <paramref name="text"/> with what cannot be drawn replaced by notes, in logical order: wrap this, so that
    /// one note stands for a whole name rather than one per word.
    /// </summary>
    public static string WithNotes(string text) => IsPlain(text) ? text : ReplaceWhatCannotBeDrawn(text, PdfSetup.Faces);

    public static List<TextRun> Runs(string text, XFont font)
    {
        var faces = PdfSetup.Faces;
        var logical = ReplaceWhatCannotBeDrawn(text, faces);
        var shaped = ArabicShaping.HasJoiningLetters(logical) ? ArabicShaping.Shape(logical) : logical;
        var visual = BidiLine.HasRightToLeft(shaped) ? BidiLine.Visual(shaped) : Elements(shaped);

        var runs = new List<TextRun>();
        var current = new StringBuilder();
        FontFace? currentFace = null;
        foreach (var element in visual)
        {
            var codePoint = char.ConvertToUtf32(element, 0);
            var script = Scripts.Of(codePoint);
            var face = script == Script.Common && currentFace is not null && currentFace.Characters.Contains(codePoint)
                ? currentFace
                : faces.For(codePoint, script) ?? faces.Primary;
            if (face != currentFace && current.Length > 0)
            {
                runs.Add(new TextRun(current.ToString(), faces.FontOf(font, currentFace!)));
                current.Clear();
            }
            currentFace = face;
            current.Append(element);
        }
        if (current.Length > 0)
        {
            runs.Add(new TextRun(current.ToString(), faces.FontOf(font, currentFace!)));
        }
        return runs;
    }

    /// <summary>The note that stands in for text the PDF cannot draw.</summary>
    public static string NotShown(string what) => $"[{what} not shown]";

    private static string ReplaceWhatCannotBeDrawn(string text, FontFaces faces)
    {
        var result = new StringBuilder(text.Length);
        string? pendingNote = null;
        var pendingSpace = new StringBuilder();
        foreach (var element in Elements(text))
        {
            var codePoint = char.ConvertToUtf32(element, 0);
            var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
            if (category == UnicodeCategory.Control && element is "\n" or "\r\n" or "\r" or "\t")
            {
                Flush();
                result.Append(element);
                continue;
            }
            if (category is UnicodeCategory.Control or UnicodeCategory.Format && codePoint != 0x200D)
            {
                continue;
            }
            var script = Scripts.Of(codePoint);
            // Beyond the Basic Multilingual Plane PDFsharp writes a wrong character into the text layer (it keeps four
            // hex digits of the code point), so a reader would copy or search something else than is printed.
            var face = script == Script.NotShaped || codePoint > 0xFFFF ? null : faces.For(codePoint, script);
            var note = face is not null ? null
                : Scripts.NotShapedName(codePoint) is { } name ? $"{name} text"
                : Scripts.IsEmoji(codePoint) ? "emoji"
                : "characters";
            if (note is null && pendingNote is not null && string.IsNullOrWhiteSpace(element))
            {
                // A space between two words of one unshown script joins them into one note.
                pendingSpace.Append(element);
                continue;
            }
            if (note != pendingNote || note is null)
            {
                if (pendingNote is not null)
                {
                    result.Append(NotShown(pendingNote));
                }
                result.Append(pendingSpace);
                pendingSpace.Clear();
                pendingNote = note;
            }
            else
            {
                pendingSpace.Clear();
            }
            if (note is null)
            {
                result.Append(KeepMarksTheFaceHas(element, face!));
            }
        }
        Flush();
        return result.ToString();

        void Flush()
        {
            if (pendingNote is not null)
            {
                result.Append(NotShown(pendingNote));
                pendingNote = null;
            }
            result.Append(pendingSpace);
            pendingSpace.Clear();
        }
    }

    /// <summary>Drops combining marks the base letter's face cannot draw (they would print as boxes).</summary>
    private static string KeepMarksTheFaceHas(string element, FontFace face)
    {
        if (element.Length == 1 || (element.Length == 2 && char.IsSurrogatePair(element, 0)))
        {
            return element;
        }
        var kept = new StringBuilder(element.Length);
        for (var i = 0; i < element.Length; i += char.IsSurrogatePair(element, i) ? 2 : 1)
        {
            var codePoint = char.ConvertToUtf32(element, i);
            if (i == 0 || face.Characters.Contains(codePoint))
            {
                kept.Append(char.ConvertFromUtf32(codePoint));
            }
        }
        return kept.ToString();
    }

    private static List<string> Elements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }
        return elements;
    }
}
