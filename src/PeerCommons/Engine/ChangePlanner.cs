using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// What a change makes again: the edited entries' pages, and every reader (entry pages, index
/// pages, redirect pages, list items: <see cref="PageDependencies"/>) that read something whose
/// value is another now. Only the feeds and the sitemap still follow a rule written here (below).
/// </summary>
internal sealed class ChangePlanner(IncrementalFeeds feeds, PageDependencies dependencies)
{
    public void Plan(RenderPlan plan, List<ContentChange> changes, ReadPrints now)
    {
        var edited = changes.SelectMany(c => c.Versions).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        // An edited entry's pages show the entry itself, which they are given rather than look up.
        plan.Keys.UnionWith(edited);
        foreach (var reader in dependencies.Changed(now, edited))
            if (PageRenderer.IsEntryReader(reader)) plan.Keys.Add(reader);
            else plan.Readers.Add(reader);
        // The sitemap lists every page with its date, and every tag; feeds show what has a date.
        // Declared, not recorded: writing them walks and sorts every entry, which a recorded
        // "every page" read would redo after any title edit.
        plan.AllFeeds |= changes.Any(c => c.ChangesKeys || c.ChangesTags || c.Old!.Updated != c.New!.Updated);
        plan.RecentFeed |= feeds.MayChangeRecent(changes, now.Site.Config.FeedEntries);
    }
}
