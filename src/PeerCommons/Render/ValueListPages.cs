using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// A value's related list (<see cref="RelatedEntries"/>: mostly the entries that hold the value) split
/// into pages like a tag's list: the value's own page is page 1 and shows the first list_page_size
/// entries with a pager; <c>values/mutuality/page/2/</c> and on are light list pages. Which pages
/// there are depends only on how many entries the list has.
/// </summary>
public static class ValueListPages
{
    /// <summary>"related entries" in the pager's "1 to 50 of 120 related entries".</summary>
    private const string ItemsWord = "related entries";

    /// <summary>The value whose list is at <paramref name="list"/> ("values/mutuality/"), or null.</summary>
    public static Entry? ValueOf(string list, Site site) =>
        list.EndsWith('/') && site.ByKey.Unrecorded.GetValueOrDefault(list[..^1]) is { } entry && RelatedEntries.Paginated(entry) && entry.Url == list
            ? entry : null;

    /// <summary>How many pages a value's list has (0 for an address that is no value's).</summary>
    public static int PageCount(string list, RenderContext context) =>
        IndexPageBuilder.ListEntries(list, context) is { } entries ? Pagination.PageCount(entries.Count, context.Site.Config.ListPageSize) : 0;

    /// <summary>
    /// Notes, for the output being recorded, how many pages each value's list has: which pages there
    /// are follows from that (and from which values there are, a read of the values' count), not from
    /// every entry the lists hold, so a title edit does not make the reader enumerate them again.
    /// </summary>
    public static void NotePageCounts(Site site)
    {
        PageReads.Note(PageReads.KindCountPrefix, EntryKind.Value.Folder());
        if (!PageReads.Recording) return;
        List<Entry> values;
        using (PageReads.Paused()) values = site.OfKind(EntryKind.Value).ToList();
        foreach (var value in values) PageReads.Note(PageReads.ListPages(value.Url));
    }

    /// <summary>Pages 2 and on of every value's list (page 1 is the value's own page), each with the function that builds its view.</summary>
    public static IEnumerable<(string Page, Func<PageView> View)> Pages(RenderContext context, IndexPageBuilder.ListItemSource items)
    {
        foreach (var value in context.Site.OfKind(EntryKind.Value))
            for (var number = 2; number <= PageCount(value.Url, context); number++)
            {
                var page = number;
                yield return (Pagination.PagePath(value.Url, page), () => View(value.Url, page, context, items));
            }
    }

    /// <summary>
    /// What page 1, the value's own page, shows of its list: the first entries, and the pager (null when
    /// the list fits on one page). Read as that slice, like the other pages, so an edit to an entry on a
    /// further page does not make the value's page again.
    /// </summary>
    public static (List<Entry> Shown, PagerView? Pager) FirstPage(Entry value, RenderContext context)
    {
        PageReads.Note(PageReads.Slice(value.Url, 1));
        var (_, pager, shown) = IndexPageBuilder.PageOf(value.Url, 1, IndexPageBuilder.ListEntries(value.Url, context)!, context, ItemsWord);
        return (shown, pager);
    }

    /// <summary>Page <paramref name="number"/> (2 and on) of the list at <paramref name="list"/>: a heading naming the value, the entries, the pager, the way back.</summary>
    public static PageView View(string list, int number, RenderContext context, IndexPageBuilder.ListItemSource items)
    {
        PageReads.Note(PageReads.Slice(list, number));
        // The heading and the way back name the value: a read of its face.
        var value = context.Site.ByKey[list[..^1]];
        var entries = IndexPageBuilder.ListEntries(list, context)!;
        var (page, pager, shown) = IndexPageBuilder.PageOf(list, number, entries, context, ItemsWord);
        var title = "Related to “" + Html.Escape(value.Title) + "”";
        return new PageView
        {
            Template = "list",
            Title = Pagination.Title(title, pager),
            Summary = $"{entries.Count} {ItemsWord}",
            Kind = "",
            Breadcrumbs = [
                new LinkView("Home", SitePaths.Relative(page, "")),
                new LinkView(EntryKind.Value.PluralLabel(), SitePaths.Relative(page, EntryKind.Value.Folder() + "/")),
                new LinkView(Html.Escape(value.Title), SitePaths.Relative(page, list)),
            ],
            Parent = new LinkView(Html.Escape(value.Title), SitePaths.Relative(page, list)),
            Items = shown.Select(e => items(page, e)).ToList(),
            Pager = pager,
        };
    }
}
