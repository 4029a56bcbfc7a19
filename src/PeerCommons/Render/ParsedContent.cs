using Markdig.Syntax;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>Every entry's Markdown parsed once, with its headings, so xrefs can check anchors across pages.</summary>
public sealed class ParsedContent(Dictionary<Entry, MarkdownDocument> documents)
{
    public MarkdownDocument Of(Entry entry) => documents[entry];

    public IReadOnlyList<HeadingInfo> HeadingsOf(Entry entry) =>
        documents.TryGetValue(entry, out var document) ? HeadingIdsExtension.Headings(document) : [];

    public bool HasAnchor(Entry entry, string anchor) =>
        HeadingsOf(entry).Any(h => h.Id == anchor) || PageAnchors.Fixed.Contains(anchor);
}

/// <summary>Anchors every entry page has besides its headings.</summary>
public static class PageAnchors
{
    public static readonly string[] Fixed = ["main", "pc-related", "pc-sources", "pc-in-communities", "pc-schedule"];
}
