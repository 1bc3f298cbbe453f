using System.Globalization;
using System.Text;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// Folds names for search so that case and accents do not matter: "wisniewska" finds "Wiśniewska",
/// "ΠΑΠΑΔΌΠΟΥΛΟΣ" finds "Παπαδόπουλος", "grossmann" finds "Größmann". Stored and queried text go through the same fold.
/// </summary>
public static class SearchText
{
    /// <summary>A folded text is at most this many times as long as the text (see <c>Patient.SearchTextMaxLength</c>).</summary>
    public const int MaxGrowth = 3;

    public static string Fold(string text)
    {
        // Noncharacters (U+FFFE and kin) belong in no name and make normalisation throw: they fold to nothing.
        var decomposed = RemoveNoncharacters(text).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            switch (char.ToLowerInvariant(c))
            {
                case 'ς': folded.Append('σ'); break;
                case 'ł': folded.Append('l'); break;
                case 'ø': folded.Append('o'); break;
                case 'đ': folded.Append('d'); break;
                case 'ı': folded.Append('i'); break;
                case 'ß': folded.Append("ss"); break;
                case 'æ': folded.Append("ae"); break;
                case var lower: folded.Append(lower); break;
            }
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string RemoveNoncharacters(string text) =>
        text.AsSpan().IndexOfAny(Noncharacters) < 0 ? text : string.Concat(text.Where(c => !Noncharacters.Contains(c)));

    private static readonly System.Buffers.SearchValues<char> Noncharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0xFDD0, 32).Select(c => (char)c), '\uFFFE', '\uFFFF']);
}
