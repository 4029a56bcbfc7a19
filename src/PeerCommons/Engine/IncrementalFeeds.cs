using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The feeds and the sitemap after an edit. Writing all of them walks and sorts every entry and
/// costs more than a one-file rebuild should, so serve writes them all (<see cref="SiteFeeds.WriteAll"/>)
/// only when pages, dates or tags came or went, and otherwise only the feeds that can show the edit.
/// </summary>
internal sealed class IncrementalFeeds
{
    /// <summary>The entries feed.xml showed when last written, or null when it must be written again.</summary>
    private IReadOnlyList<Entry>? _recent;

    /// <summary>Every feed and the sitemap, exactly as a build writes them.</summary>
    public void WriteAll(RenderContext context, IOutputSink sink)
    {
        SiteFeeds.WriteAll(context, sink);
        _recent = SiteFeeds.SelectRecent(context.Site);
    }

    /// <summary>feed.xml, when its entries are not the very same objects as when it was last written.</summary>
    public void WriteRecent(RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        var recent = SiteFeeds.SelectRecent(site);
        if (_recent is not null && recent.SequenceEqual(_recent, ReferenceEqualityComparer.Instance)) return;
        SiteFeeds.WriteRecent(context, recent, sink);
        _recent = recent;
    }

    /// <summary>
    /// Whether these edits (which neither add nor remove keys) can change which entries feed.xml
    /// shows: only when an edited entry was among them or now sorts before the last of them.
    /// </summary>
    public bool MayChangeRecent(IEnumerable<ContentChange> changes, int maxEntries)
    {
        if (_recent is null) return true;
        var shown = _recent.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var change in changes)
        {
            if (change.Old is { } old && shown.Contains(old)) return true;
            if (change.New is { Updated: not null } now && (_recent.Count < maxEntries || NewestFirst(now, _recent[^1]) <= 0)) return true;
        }
        return false;
    }

    /// <summary>The order of <see cref="AtomFeed.Select"/>.</summary>
    private static int NewestFirst(Entry a, Entry b)
    {
        var byDate = Nullable.Compare(b.Updated, a.Updated);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>After a rebuild that was not served: what was written then was never seen.</summary>
    public void Forget() => _recent = null;
}
