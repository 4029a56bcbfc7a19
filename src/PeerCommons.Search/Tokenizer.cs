namespace PeerCommons.Search;

/// <summary>lunr's tokenizer: splits lower-cased text on <c>/[\s\-]+/</c>. Positions are
/// [start, length] in UTF-16 code units of the lower-cased text; index counts tokens.</summary>
internal ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _end; // the separator (or the end of the text) after the current token

    /// <param name="lowered">Text already lower-cased with <see cref="JsText.ToLower(string)"/>.</param>
    public TokenEnumerator(ReadOnlySpan<char> lowered)
    {
        _text = lowered;
        _end = -1;
        TokenStart = 0;
        TokenLength = 0;
    }

    public int TokenStart { get; private set; }
    public int TokenLength { get; private set; }
    public readonly ReadOnlySpan<char> Current => _text.Slice(TokenStart, TokenLength);

    public bool MoveNext()
    {
        var text = _text;
        for (int start = _end + 1; start <= text.Length; start = _end + 1)
        {
            // Separators found with a vectorized search: most of a document is words.
            int next = start < text.Length ? text[start..].IndexOfAny(JsText.Separators) : -1;
            _end = next < 0 ? text.Length : start + next;
            if (_end > start)
            {
                TokenStart = start;
                TokenLength = _end - start;
                return true;
            }
        }
        _end = text.Length;
        return false;
    }
}

internal static class Tokenizer
{
    /// <summary>Tokens as lunr.tokenizer returns them: (text, start, length, index).</summary>
    public static List<(string Text, int Start, int Length, int Index)> Tokenize(string text)
    {
        var lowered = JsText.ToLower(text);
        var result = new List<(string, int, int, int)>();
        var e = new TokenEnumerator(lowered);
        while (e.MoveNext()) result.Add((e.Current.ToString(), e.TokenStart, e.TokenLength, result.Count));
        return result;
    }
}
