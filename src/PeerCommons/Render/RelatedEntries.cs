using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>
/// The entries an entry's page lists as related: those its own <c>related</c> names, then the pages
/// whose <c>related</c> or <c>values</c> name it (for a value: the entries that hold it), in site
/// order, each once. A value may be held by thousands of entries, so its list is paginated
/// (<see cref="ValueListPages"/>); other entries show theirs whole.
/// </summary>
public static class RelatedEntries
{
    /// <summary>The list, in its order; the lookups it makes are recorded as the page's reads when a page is recorded.</summary>
    public static List<Entry> Of(Entry entry, RenderContext context) =>
        entry.Related.Select(k => context.Site.ByKey.GetValueOrDefault(k)).OfType<Entry>()
            .Concat(context.ReferencedBy.GetValueOrDefault(entry.Key) ?? [])
            .Where(e => e != entry && e.Kind != EntryKind.Annotation)
            .Distinct()
            .ToList();

    /// <summary>Whether an entry's related list is split into pages of site.yaml's list_page_size.</summary>
    public static bool Paginated(Entry entry) => entry.Kind == EntryKind.Value;
}
