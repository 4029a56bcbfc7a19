namespace PeerCommons.Validate;

/// <summary>
/// The lines of a text (split at '\n', as <c>text.Split('\n')</c> does) as spans, without a string
/// per line: the checks that read every entry's body line by line allocated about 0.4 GB at
/// 10,000 entries by splitting it.
/// </summary>
public ref struct LineSpans
{
    private readonly ReadOnlySpan<char> _text;
    private int _next;

    public LineSpans(string text)
    {
        _text = text;
        _next = 0;
        Current = default;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly LineSpans GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next > _text.Length) return false;
        var rest = _text[_next..];
        var end = rest.IndexOf('\n');
        Current = end < 0 ? rest : rest[..end];
        _next += (end < 0 ? rest.Length : end) + 1;
        return true;
    }
}
