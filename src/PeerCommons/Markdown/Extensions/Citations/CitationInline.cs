using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>One cited work inside a citation: its key, an optional locator ("p. 12"), and once
/// resolved, the text and link to show.</summary>
public sealed class CitedWork(string key, string? locator)
{
    public string Key { get; } = key;
    public string? Locator { get; } = locator;
    public string? Label { get; set; }
    public string? Href { get; set; }
}

/// <summary><c>[@key]</c>, <c>[@key, p. 12]</c> or <c>[@a; @b]</c>.</summary>
public sealed class CitationInline(IReadOnlyList<CitedWork> works) : LeafInline
{
    public IReadOnlyList<CitedWork> Works { get; } = works;
}
