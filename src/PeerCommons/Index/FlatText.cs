using System.Text;

namespace PeerCommons.Index;

/// <summary>
/// Text with its layout taken out: words (runs of non-white-space, as <see cref="char.IsWhiteSpace(char)"/>
/// says) joined by single spaces. Works on spans, because the search stage flattens every line of every
/// document and comparing or appending in place spares a string (and an array of words) per line.
/// </summary>
internal static class FlatText
{
    /// <summary>The text flattened; the text itself when it is flat already.</summary>
    public static string Of(string text)
    {
        if (IsFlat(text)) return text;
        var flat = new StringBuilder(text.Length);
        AppendWords(flat, text);
        return flat.ToString();
    }

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="flat"/>, a space before each
    /// unless <paramref name="flat"/> is empty.</summary>
    public static void AppendWords(StringBuilder flat, ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) continue;
            if (flat.Length > 0) flat.Append(' ');
            flat.Append(text[start..i]);
        }
    }

    /// <summary>Whether <paramref name="text"/> flattened is <paramref name="flat"/> (which must be flat).</summary>
    public static bool Equals(ReadOnlySpan<char> text, string flat)
    {
        var matched = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) continue;
            if (matched > 0)
            {
                if (matched == flat.Length || flat[matched] != ' ') return false;
                matched++;
            }
            var word = text[start..i];
            if (!flat.AsSpan(matched).StartsWith(word, StringComparison.Ordinal)) return false;
            matched += word.Length;
        }
        return matched == flat.Length;
    }

    /// <summary>True when the text has no white space but single spaces between words.</summary>
    private static bool IsFlat(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) continue;
            if (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i + 1] == ' ') return false;
        }
        return true;
    }
}
