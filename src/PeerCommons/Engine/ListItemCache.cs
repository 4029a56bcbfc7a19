using System.Collections.Concurrent;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Views;

namespace PeerCommons.Engine;

/// <summary>
/// The list items (<see cref="RenderContext.ListItem"/>) of the index pages, kept between rebuilds:
/// a title edit re-renders lists of thousands of entries, and making their items again (and
/// collecting them afterwards) costs more than rendering them. Each item is a reader of its own
/// (<see cref="PageDependencies"/>): what it read when made (its entry, the communities that
/// annotated it, counts of a curriculum's modules or a community's annotations) is recorded, given
/// again to the page that reuses it, and the item is made again when its entry is another object
/// or one of its reads changed. Thread-safe: views are built on the render workers.
/// </summary>
internal sealed class ListItemCache
{
    /// <summary>The prefix of an item's reader: then the page address, a line break, the entry key.</summary>
    public const string Reader = "item:";

    /// <summary>Per reader: the entry the item was made from, the item, and what making it read.</summary>
    private readonly ConcurrentDictionary<string, (Entry Entry, ListItemView Item, string[] Reads)> _items = new(StringComparer.Ordinal);
    /// <summary>Items made since their reads were last recorded.</summary>
    private readonly ConcurrentQueue<string> _made = new();

    /// <summary>The source for the index pages of this context's site.</summary>
    public IndexPageBuilder.ListItemSource For(RenderContext context) => (page, entry) =>
    {
        var reader = Reader + page + "\n" + entry.Key;
        if (_items.TryGetValue(reader, out var known) && ReferenceEquals(known.Entry, entry))
        {
            PageReads.NoteAll(known.Reads);
            return known.Item;
        }
        var reads = new PageReads();
        ListItemView item;
        using (PageReads.Into(reads)) item = context.ListItem(page, entry);
        var tokens = reads.Tokens.ToArray();
        // The page that shows the item read all the item read.
        PageReads.NoteAll(tokens);
        _items[reader] = (entry, item, tokens);
        _made.Enqueue(reader);
        return item;
    };

    /// <summary>Records what the items made since the last call read, with the values of <paramref name="prints"/>'s site.</summary>
    public void Record(PageDependencies dependencies, ReadPrints prints)
    {
        while (_made.TryDequeue(out var reader))
            if (_items.TryGetValue(reader, out var made)) dependencies.Record(reader, made.Reads, prints);
    }

    /// <summary>Forgets everything (a full build).</summary>
    public void Clear()
    {
        _items.Clear();
        _made.Clear();
    }

    /// <summary>Forgets the items among these readers (those whose reads changed).</summary>
    public void Forget(IEnumerable<string> changedReaders)
    {
        foreach (var reader in changedReaders)
            if (reader.StartsWith(Reader, StringComparison.Ordinal)) _items.TryRemove(reader, out _);
    }
}
