using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Engine;

/// <summary>
/// <see cref="RenderContext.ReferencedBy"/> (for each key, the pages whose related or values list
/// it, in site order) kept up to date across edits: building it walks every page, which costs more
/// than a whole one-file rebuild should. Copy-on-write, since the last committed context (which the
/// search index may be reading on another thread) keeps the previous version.
/// </summary>
internal sealed class IncrementalReverseLinks
{
    private Dictionary<string, List<Entry>> _links = new(StringComparer.Ordinal);

    /// <summary>Takes the links a full build made (a context created without given links).</summary>
    public void Reset(RenderContext context) => _links = new Dictionary<string, List<Entry>>(context.ReferencedBy, StringComparer.Ordinal);

    /// <summary>
    /// The links after these changes, which must neither add nor remove keys (that can change which
    /// of two same-key files is the page): after those, a context builds the links and <see cref="Reset"/> takes them.
    /// </summary>
    public IReadOnlyDictionary<string, List<Entry>> Patch(IReadOnlyList<ContentChange> changes, Site oldSite, Site site)
    {
        var links = new Dictionary<string, List<Entry>>(_links, StringComparer.Ordinal);
        var copied = new HashSet<string>(StringComparer.Ordinal);
        List<Entry> Writable(string key)
        {
            if (copied.Add(key)) links[key] = links.TryGetValue(key, out var list) ? [.. list] : [];
            return links[key];
        }
        foreach (var change in changes)
        {
            if (IsPage(change.Old!, oldSite))
                foreach (var key in ListedKeys(change.Old!))
                    Writable(key).Remove(change.Old!);
            if (IsPage(change.New!, site))
                foreach (var key in ListedKeys(change.New!))
                {
                    var list = Writable(key);
                    // Lists are in site order: the entries' content paths, ordinally.
                    var at = list.FindIndex(e => string.CompareOrdinal(e.ContentPath, change.New!.ContentPath) > 0);
                    list.Insert(at < 0 ? list.Count : at, change.New!);
                }
        }
        foreach (var key in copied) if (links[key].Count == 0) links.Remove(key);
        return _links = links;
    }

    private static bool IsPage(Entry entry, Site site) => entry.Kind != EntryKind.Annotation && site.ByKey.GetValueOrDefault(entry.Key) == entry;

    /// <summary>The keys an entry's related and values lists name, as <see cref="RenderContext"/> counts them.</summary>
    private static IEnumerable<string> ListedKeys(Entry entry) => entry.Related.Concat(entry.FieldList("values")).Distinct(StringComparer.Ordinal);
}
