using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using PeerCommons.Model;

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
        // "[@x](url)" is a link whose text starts with '@', not a citation.
        if (close + 1 <= slice.End && text[close + 1] == '(') return false;
        // Read in place, one array of exactly the works cited: the citation keeps it for the whole build,
        // and the keys and locators are the few a site cites again and again (SharedStrings).
        var inner = text.AsSpan(start + 1, close - start - 1);
        if (inner.ContainsAny('[', '\n')) return false;

        var works = new CitedWork[inner.Count(';') + 1];
        var count = 0;
        foreach (var range in inner.Split(';'))
        {
            var trimmed = inner[range].Trim();
            if (!trimmed.StartsWith('@')) return false;
            var comma = trimmed.IndexOf(',');
            var key = (comma < 0 ? trimmed[1..] : trimmed[1..comma]).Trim();
            if (key.Length == 0 || !IsKey(key)) return false;
            var locator = comma < 0 ? [] : trimmed[(comma + 1)..].Trim();
            works[count++] = new CitedWork(SharedStrings.Get(key), locator.IsEmpty ? null : SharedStrings.Get(locator));
        }

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

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or ':' || char.IsLetterOrDigit(c))) return false;
        return true;
    }
}
