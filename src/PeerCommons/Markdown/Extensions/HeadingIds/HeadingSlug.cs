using System.Globalization;
using System.Text;

namespace PeerCommons.Markdown.Extensions.HeadingIds;

/// <summary>Turns heading text into an id: ASCII letters and digits, other runs become one '-'.</summary>
public static class HeadingSlug
{
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // ā -> a
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                builder.Append(lower);
                pendingHyphen = false;
            }
            else pendingHyphen = true;
        }
        return builder.Length == 0 ? "section" : builder.ToString();
    }
}
