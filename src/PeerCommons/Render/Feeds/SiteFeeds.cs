using PeerCommons.Model;
using PeerCommons.Write;

namespace PeerCommons.Render.Feeds;

/// <summary>
/// The site's feeds and sitemap: what they are (paths, titles, which entries) in one place, for a full
/// build and for the preview server, which rewrites only some of them after an edit.
/// </summary>
public static class SiteFeeds
{
    public const string RecentPath = "feed.xml";

    public static string CommunityPath(Entry community) => $"communities/{community.Id}/feed.xml";

    /// <summary>Every feed and the sitemap.</summary>
    public static void WriteAll(RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        // One feed per community of its newest annotations, so a group can follow its own voice.
        foreach (var community in site.OfKind(EntryKind.Community)) WriteCommunity(community, context, sink);
        WriteRecent(context, SelectRecent(site), sink);
        WriteSitemap(context, sink);
    }

    /// <summary>sitemap.xml: every page with its date, and every page of the lists, tags and values' related lists.</summary>
    public static void WriteSitemap(RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        List<Entry> pages;
        List<(string Page, DateOnly? Updated)> listed;
        // Walking every page is not what the sitemap shows of them: what it read is noted below.
        using (PageReads.Paused())
        {
            pages = site.Pages.ToList();
            listed = pages.Select(e => (e.Url, e.Updated))
                // Every page of a long list (projects/page/2/ and on), so crawlers reach each entry from a list.
                .Concat(EntryKinds.Listed.SelectMany(k => Pagination.Paths(k.Folder() + "/", site.OfKind(k).Count(), site.Config.ListPageSize)).Select(p => (p, (DateOnly?)null)))
                .Concat(IndexPageBuilder.TagCounts(site).SelectMany(t => Pagination.Paths($"tags/{t.Tag}/", t.Count, site.Config.ListPageSize)).Select(p => (p, (DateOnly?)null)))
                // A value's own page is page 1 of its related list; its further pages follow (values/mutuality/page/2/).
                .Concat(ValueListPages.Pages(context, context.ListItem).Select(p => (p.Page, (DateOnly?)null)))
                .Append(("", null)).Append(("tags/", null)).Append(("sources/", null)).ToList();
        }
        PageReads.Note(PageReads.AllKeys);
        PageReads.Note(PageReads.TagCounts);
        foreach (var kind in EntryKinds.Listed) PageReads.Note(PageReads.KindCountPrefix, kind.Folder());
        ValueListPages.NotePageCounts(site);
        foreach (var page in pages) PageReads.Note(PageReads.DatedPrefix, page.Key);
        sink.Write("sitemap.xml", Sitemap.Write(listed, site.Config.BaseUrl));
    }

    /// <summary>A community's feed of its newest annotations.</summary>
    public static void WriteCommunity(Entry community, RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        sink.Write(CommunityPath(community), AtomFeed.Write(site, context.AnnotationsBy(community.Id),
            CommunityPath(community), $"{site.Config.Title}: annotations by {community.Title}", site.Config.FeedEntries,
            a => AnnotationVoice.Label(a, context)));
    }

    /// <summary>The entries of the site's feed of recent updates: pages, and annotations on a page that exists.</summary>
    public static IReadOnlyList<Entry> SelectRecent(Site site)
    {
        // Choosing reads every page's date; what the feed shows is the entries chosen.
        PageReads.Note(PageReads.RecentFeed);
        using var choosing = PageReads.Paused();
        // Chosen once per state of the site: serve's planner compares the choice, then writes the feed of it.
        return site.Shared("feed:recent", () => AtomFeed.Select(
            site.Pages.Concat(site.Entries.Where(e => e.Kind == EntryKind.Annotation && e.AnnotationTargetKey is { } t && site.ByKey.ContainsKey(t))),
            site.Config.FeedEntries));
    }

    public static void WriteRecent(RenderContext context, IReadOnlyList<Entry> recent, IOutputSink sink) =>
        sink.Write(RecentPath, AtomFeed.WriteSelected(context.Site, recent, RecentPath, context.Site.Config.Title + ": recently updated",
            a => AnnotationVoice.Label(a, context)));
}
