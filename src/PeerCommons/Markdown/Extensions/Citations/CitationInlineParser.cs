using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>Parses <c>[@key(, locator)?(; @key(, locator)?)*]</c>; anything else is left to the link parser.</summary>
public sealed class CitationInlineParser : InlineParser
{
    public CitationInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@') return false;
        var text = slice.Text;
        var start = slice.Start;
        var close = text.IndexOf(']', start, Math.Min(slice.End - start + 1, 500));
        if (close < 0) return false;
        var inner = text.Substring(start + 1, close - start - 1);
        if (inner.Contains('[') || inner.Contains('\n')) return false;

        var works = new List<CitedWork>();
        foreach (var part in inner.Split(';'))
        {
            var trimmed = part.Trim();
            if (!trimmed.StartsWith('@')) return false;
            var comma = trimmed.IndexOf(',');
            var key = (comma < 0 ? trimmed[1..] : trimmed[1..comma]).Trim();
            if (key.Length == 0 || !key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or ':' || char.IsLetterOrDigit(c))) return false;
            var locator = comma < 0 ? null : trimmed[(comma + 1)..].Trim();
            works.Add(new CitedWork(key, string.IsNullOrEmpty(locator) ? null : locator));
        }
        // "[@x](url)" is a link whose text starts with '@', not a citation.
        if (close + 1 <= slice.End && text[close + 1] == '(') return false;

        var citation = new CitationInline(works)
        {
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(close)),
            Line = line,
            Column = column,
        };
        processor.Inline = citation;
        slice.Start = close + 1;
        return true;
    }
}
