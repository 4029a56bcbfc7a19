using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>
/// One cited work inside a citation: its key and an optional locator ("p. 12"). A struct held in its
/// citation's array, not an object of its own: a 10,000-entry site keeps about 300,000 of them alive.
/// </summary>
public readonly record struct CitedWork(string Key, string? Locator);

/// <summary><c>[@key]</c>, <c>[@key, p. 12]</c> or <c>[@a; @b]</c>.</summary>
public sealed class CitationInline(CitedWork[] works) : LeafInline
{
    public IReadOnlyList<CitedWork> Works { get; } = works;
}
