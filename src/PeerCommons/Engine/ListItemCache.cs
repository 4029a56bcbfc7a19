using System.Collections.Concurrent;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Views;

namespace PeerCommons.Engine;

/// <summary>
/// The list items (<see cref="RenderContext.ListItem"/>) of the index pages, kept between rebuilds:
/// a title edit re-renders lists of thousands of entries, and making their items again (and
/// collecting them afterwards) costs more than rendering them. An item shows its entry, the
/// communities that annotated it, and counts of a curriculum's modules or a community's
/// annotations; it is made again when its entry is another object now, or when an edit touched one
/// of those annotations or modules. Thread-safe: views are built on the render workers.
/// </summary>
internal sealed class ListItemCache
{
    /// <summary>Per entry key, per page address: the entry the item was made from, and the item.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (Entry Entry, ListItemView Item)>> _items = new(StringComparer.Ordinal);

    /// <summary>The source for the index pages of this context's site.</summary>
    public IndexPageBuilder.ListItemSource For(RenderContext context) => (page, entry) =>
    {
        var pages = _items.GetOrAdd(entry.Key, _ => new ConcurrentDictionary<string, (Entry, ListItemView)>(StringComparer.Ordinal));
        if (pages.TryGetValue(page, out var known) && ReferenceEquals(known.Entry, entry)) return known.Item;
        var item = context.ListItem(page, entry);
        pages[page] = (entry, item);
        return item;
    };

    /// <summary>Forgets everything (a full build, or keys that came or went: counts and annotations may change anywhere).</summary>
    public void Clear() => _items.Clear();

    /// <summary>Forgets the items these edits can change without changing their entry.</summary>
    public void Forget(IEnumerable<ContentChange> changes)
    {
        foreach (var entry in changes.SelectMany(c => c.Versions))
        {
            _items.TryRemove(entry.Key, out _);
            if (entry.AnnotationTargetKey is { } target) _items.TryRemove(target, out _);
            if (entry.Kind == EntryKind.Annotation) _items.TryRemove($"communities/{entry.CommunityId}", out _);
            if (entry.Kind == EntryKind.Module) _items.TryRemove($"curricula/{entry.CurriculumId}", out _);
        }
    }
}
