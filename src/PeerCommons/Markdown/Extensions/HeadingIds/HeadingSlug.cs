using System.Globalization;
using System.Text;

namespace PeerCommons.Markdown.Extensions.HeadingIds;

/// <summary>Turns heading text into an id: ASCII letters and digits, other runs become one '-'.</summary>
public static class HeadingSlug
{
    /// <summary>ASCII for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A); "-" for × and ÷.</summary>
    internal static readonly string[] LatinFold =
        ("a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y " +
         "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l l l l " +
         "n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s").Split(' ');

    public static string From(string text) => TryFrom(text) ?? "section";

    /// <summary>The slug, or null when the text has no letter or digit that folds to ASCII.</summary>
    public static string? TryFrom(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // ā -> a
            // With InvariantGlobalization, Normalize(FormD) does not decompose, so fold Latin letters here.
            var folded = c is >= '\u00C0' and <= '\u017F' ? LatinFold[c - '\u00C0'] : null;
            if (folded is not null && folded != "-")
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(folded);
                pendingHyphen = false;
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(lower);
                pendingHyphen = false;
            }
            else pendingHyphen = true;
        }
        return builder.Length == 0 ? null : builder.ToString();
    }
}
