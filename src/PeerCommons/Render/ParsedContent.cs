using Markdig.Syntax;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>
/// Every entry's Markdown parsed once, with its headings, so xrefs can check anchors across pages.
/// The documents are read-only after parsing: any page may render any of them, on any thread.
/// </summary>
public sealed class ParsedContent(Site site, Dictionary<Entry, MarkdownDocument> documents)
{
    public MarkdownDocument Of(Entry entry)
    {
        PageReads.Note(PageReads.BodyPrefix, entry.Key);
        return documents[entry];
    }

    /// <summary>
    /// The words of an entry's body for search, written into <paramref name="text"/> (documents are never
    /// changed by rendering, so it does not matter when). Not kept: the index reads each entry's text once per
    /// run, and serve makes a new ParsedContent for each rebuild, so a cache here only held every text alive.
    /// </summary>
    public void WritePlainText(Entry entry, System.Text.StringBuilder text) =>
        PlainText.Write(documents[entry], PlainText.SearchBodyChars, key => site.ByKey.GetValueOrDefault(key)?.Title, text);

    public IReadOnlyList<HeadingInfo> HeadingsOf(Entry entry)
    {
        PageReads.Note(PageReads.HeadingsPrefix, entry.Key);
        return documents.TryGetValue(entry, out var document) ? HeadingIdsExtension.Headings(document) : [];
    }

    /// <summary>
    /// True when the entry's (learner) page has an element with this id: a heading outside
    /// facilitator notes, or one the theme writes. Links and annotations point at that page.
    /// </summary>
    public bool HasAnchor(Entry entry, string anchor) =>
        HeadingsOf(entry).Any(h => h.Id == anchor && !h.InContainer) || PageAnchors.Of(entry, site).Contains(anchor);
}

/// <summary>Anchors an entry page has besides its headings; trainers may link to them.</summary>
public static class PageAnchors
{
    public static readonly string[] Fixed = ["main", "pc-related", "pc-sources", "pc-in-communities", "pc-schedule", "pc-objectives"];

    public static string Objective(int number) => $"objective-{number}";

    public static string Module(Entry module) => $"module-{module.Id}";

    public static IEnumerable<string> Of(Entry entry, Site site)
    {
        foreach (var id in Fixed) yield return id;
        if (entry.Kind == EntryKind.Module)
            for (var i = 1; i <= entry.FieldList("objectives").Count; i++) yield return Objective(i);
        if (entry.Kind == EntryKind.Curriculum)
            foreach (var module in site.ModulesOf(entry.Id)) yield return Module(module);
        foreach (var annotation in site.AnnotationsOf(entry.Key)) yield return EntryPageBuilder.AnchorOf(annotation);
    }
}
