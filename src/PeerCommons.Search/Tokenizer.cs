namespace PeerCommons.Search;

/// <summary>lunr's tokenizer: splits lower-cased text on <c>/[\s\-]+/</c>. Positions are
/// [start, length] in UTF-16 code units of the lower-cased text; index counts tokens.</summary>
internal ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _start;
    private int _end;

    /// <param name="lowered">Text already lower-cased with <see cref="JsText.ToLower"/>.</param>
    public TokenEnumerator(ReadOnlySpan<char> lowered)
    {
        _text = lowered;
        _start = 0;
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
        for (int end = _end + 1; end <= text.Length; end++)
        {
            if (end < text.Length && !JsText.IsSeparator(text[end])) continue;
            int start = _start;
            _start = end + 1;
            if (end > start)
            {
                _end = end;
                TokenStart = start;
                TokenLength = end - start;
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
