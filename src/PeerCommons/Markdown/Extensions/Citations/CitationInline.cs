using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>One cited work inside a citation: its key and an optional locator ("p. 12").</summary>
public sealed record CitedWork(string Key, string? Locator);

/// <summary><c>[@key]</c>, <c>[@key, p. 12]</c> or <c>[@a; @b]</c>.</summary>
public sealed class CitationInline(IReadOnlyList<CitedWork> works) : LeafInline
{
    public IReadOnlyList<CitedWork> Works { get; } = works;
}
