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
        foreach (var word in new Words(text))
        {
            if (flat.Length > 0) flat.Append(' ');
            flat.Append(word);
        }
    }

    /// <summary>Whether <paramref name="text"/> flattened is <paramref name="flat"/> (which must be flat).</summary>
    public static bool Equals(ReadOnlySpan<char> text, string flat)
    {
        var matched = 0;
        foreach (var word in new Words(text))
        {
            if (matched > 0)
            {
                if (matched == flat.Length || flat[matched] != ' ') return false;
                matched++;
            }
            if (!flat.AsSpan(matched).StartsWith(word, StringComparison.Ordinal)) return false;
            matched += word.Length;
        }
        return matched == flat.Length;
    }

    /// <summary>The words of a text, in order, as slices of it.</summary>
    private ref struct Words(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _end;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly Words GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = _end;
            while (i < _text.Length && char.IsWhiteSpace(_text[i])) i++;
            var start = i;
            while (i < _text.Length && !char.IsWhiteSpace(_text[i])) i++;
            _end = i;
            Current = _text[start..i];
            return i > start;
        }
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
