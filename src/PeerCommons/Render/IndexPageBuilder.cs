using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>The pages that list entries: home, one list per kind, tags, a value's further pages, the bibliography, 404.</summary>
public static class IndexPageBuilder
{
    /// <summary>
    /// Every index page with a function that builds its view, so a caller that re-renders only
    /// some of them (the preview server) does not pay for the rest. <paramref name="listItem"/>
    /// makes the list items (<see cref="RenderContext.ListItem"/> when null): the preview server
    /// passes one that reuses the items of entries an edit did not change.
    /// </summary>
    public static IEnumerable<(string Page, Func<PageView> View)> Pages(RenderContext context, ListItemSource? listItem = null)
    {
        var site = context.Site;
        var items = listItem ?? context.ListItem;
        var size = site.Config.ListPageSize;
        yield return ("", Page("", context, items)!);
        // A long list has further pages (projects/page/2/): how many depends only on how many entries it lists.
        // Its entries are sorted once, by whichever of its pages is built first.
        foreach (var kind in EntryKinds.Listed)
        {
            var ordered = new Lazy<List<Entry>>(() => ListEntries($"{kind.Folder()}/", context)!);
            foreach (var page in Pagination.Paths($"{kind.Folder()}/", site.OfKind(kind).Count(), size))
            {
                var number = ListAndNumber(page).Number;
                yield return (page, () => KindList(kind, number, ordered.Value, context, items));
            }
        }
        // Counting is cheap; sorting each tag's entries waits until one of its pages is really built.
        foreach (var (tag, count) in TagCounts(site))
        {
            var sorted = new Lazy<List<Entry>>(() => ListEntries(TagPagePath(tag), context)!);
            foreach (var page in Pagination.Paths(TagPagePath(tag), count, size))
            {
                var number = ListAndNumber(page).Number;
                yield return (page, () => TagPage(tag, number, sorted.Value, context, items));
            }
        }
        // A value's related list: its page is page 1, values/mutuality/page/2/ and on follow.
        foreach (var valuePage in ValueListPages.Pages(context, items)) yield return valuePage;
        foreach (var page in PagesAfterTags) yield return (page, Page(page, context, items)!);
    }

    /// <summary>Makes the item that stands for an entry in a list on the page at the given address.</summary>
    public delegate ListItemView ListItemSource(string page, Entry entry);

    /// <summary>The index pages every site has after the lists and tag pages.</summary>
    private static readonly string[] PagesAfterTags = ["tags/", "sources/", "search/", Propose.ProposePage.Path, "404.html"];

    private static string TagPagePath(string tag) => $"tags/{tag}/";

    /// <summary>
    /// The view builder of one index page (null for an address that is no index page): for a caller
    /// that re-renders a few of them (the preview server) without grouping every entry by tag. A tag
    /// page finds its entries when built, so that work happens wherever the page is rendered.
    /// </summary>
    public static Func<PageView>? Page(string page, RenderContext context, ListItemSource? listItem = null)
    {
        var items = listItem ?? context.ListItem;
        switch (page)
        {
            case "": return () => Home(context, items);
            case "tags/": return () => TagIndex(context);
            case "sources/": return () => Bibliography(context);
            case "search/": return () => Search(context);
            case "404.html": return () => NotFound(context);
            case Propose.ProposePage.Path: return () => Propose.ProposePage.View(context);
        }
        var (list, number) = ListAndNumber(page);
        if (list.StartsWith("tags/", StringComparison.Ordinal) && list.EndsWith('/') && list.Length > "tags/".Length)
        {
            var tag = list["tags/".Length..^1];
            return () => TagPage(tag, number, ListEntries(list, context)!, context, items);
        }
        foreach (var kind in EntryKinds.Listed)
            if (list == $"{kind.Folder()}/") return () => KindList(kind, number, ListEntries(list, context)!, context, items);
        // Page 1 of a value's list is the value's own page, not an index page.
        if (number > 1 && ValueListPages.ValueOf(list, context.Site) is not null) return () => ValueListPages.View(list, number, context, items);
        return null;
    }

    /// <summary>
    /// The entries a list shows, in its order ("projects/", "tags/peer-work/", "values/mutuality/"; null for no
    /// such list). Not recorded as a read of the whole list: a page of it reads its slice (<see cref="PageReads.Slice"/>).
    /// Sorted once per state of the site and shared (read-only) by every page of the list.
    /// </summary>
    public static List<Entry>? ListEntries(string list, RenderContext context) =>
        context.Site.Shared("list:" + list, () => new System.Runtime.CompilerServices.StrongBox<List<Entry>?>(SortedList(list, context))).Value;

    private static List<Entry>? SortedList(string list, RenderContext context)
    {
        var site = context.Site;
        if (ValueListPages.ValueOf(list, site) is { } value) return Unrecorded(() => RelatedEntries.Of(value, context));
        if (list.StartsWith("tags/", StringComparison.Ordinal) && list.EndsWith('/') && list.Length > "tags/".Length)
            return Unrecorded(() => SortedForTag(site.Tagged(list["tags/".Length..^1])));
        foreach (var kind in EntryKinds.Listed)
            if (list == $"{kind.Folder()}/") return Unrecorded(() => Ordered(kind, site).ToList());
        return null;
    }

    /// <summary>The keys page <paramref name="number"/> of a list shows (see <see cref="Slice"/>).</summary>
    public static IEnumerable<string> SliceKeys(List<Entry> entries, int number, int size) =>
        Slice(entries, number, size).Shown.Select(e => e.Key);

    /// <summary>The page a list really shows for <paramref name="number"/> (a number past the end, after an edit removed entries, shows the last page) and its entries.</summary>
    private static (int Number, List<Entry> Shown) Slice(List<Entry> entries, int number, int size)
    {
        number = Math.Min(number, Pagination.PageCount(entries.Count, size));
        return (number, entries.Skip((number - 1) * size).Take(size).ToList());
    }

    private static T Unrecorded<T>(Func<T> work)
    {
        using var sorting = PageReads.Paused();
        return work();
    }

    /// <summary>"projects/page/3/" is page 3 of "projects/"; any other address is page 1 of itself.</summary>
    public static (string List, int Number) ListAndNumber(string page)
    {
        var marker = "/" + Pagination.Folder + "/";
        var at = page.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 0 || at + marker.Length >= page.Length || !page.EndsWith('/')) return (page, 1);
        var digits = page[(at + marker.Length)..^1];
        // Only the addresses this builder makes: no "page/1/", no leading zeros.
        return digits.Length > 0 && digits[0] != '0' && digits.All(char.IsAsciiDigit) && int.TryParse(digits, out var n) && n > 1
            ? (page[..(at + 1)], n) : (page, 1);
    }

    /// <summary>Every tag used by a page, with how many pages use it, in order.</summary>
    public static IEnumerable<(string Tag, int Count)> TagCounts(Site site) =>
        site.Pages.SelectMany(e => e.Tags.Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()));

    private static List<Entry> SortedForTag(IEnumerable<Entry> entries) =>
        entries.Distinct().OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Entries of a kind in their natural order: history by date, others by title.</summary>
    public static IEnumerable<Entry> Ordered(EntryKind kind, Site site) => kind == EntryKind.History
        ? site.OfKind(kind).OrderBy(e => e.Field<HistoryDate>("date")).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase)
        : site.OfKind(kind).OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Key, StringComparer.Ordinal);

    private static PageView Home(RenderContext context, ListItemSource listItem)
    {
        const string page = "";
        var site = context.Site;
        // One walk over the pages for every kind: the preview server rebuilds home after most edits.
        var byKind = site.Pages.ToLookup(e => e.Kind);
        var groups = EntryKinds.Listed.Select(kind =>
        {
            var entries = byKind[kind].ToList();
            var url = SitePaths.Relative(page, kind.Folder() + "/");
            // "Recently updated" only says something when the dates differ; with one date for all it would be alphabetical.
            var recent = entries.Select(e => e.Updated).Distinct().Count() > 1 ? Recent(entries).Take(4).Select(e => listItem(page, e)).ToList() : [];
            return new ListGroupView($"<a href=\"{url}\">{kind.PluralLabel()}</a>", kind.Folder(), recent)
            {
                Description = HomeDescriptions.Of(kind),
                Count = entries.Count,
                SeeAllUrl = url,
                SeeAllText = $"See all {entries.Count} {PluralWord(kind, entries.Count)}",
            };
        }).ToList();
        return new PageView
        {
            Template = "home",
            Title = Html.Escape(site.Config.Title),
            Summary = Html.Escape(site.Config.Tagline),
            Groups = groups,
            Items = byKind[EntryKind.Page].OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase).Select(e => listItem(page, e)).ToList(),
        };
    }

    /// <summary>"3 projects", "1 value", "50 history entries" ("History" is not a count noun).</summary>
    private static string PluralWord(EntryKind kind, int count) => kind switch
    {
        EntryKind.History => count == 1 ? "history entry" : "history entries",
        _ => count == 1 ? kind.Label().ToLowerInvariant() : kind.PluralLabel().ToLowerInvariant(),
    };

    private static IEnumerable<Entry> Recent(IEnumerable<Entry> entries) =>
        entries.OrderByDescending(e => e.Updated ?? DateOnly.MinValue).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase);

    private static PageView KindList(EntryKind kind, int number, List<Entry> entries, RenderContext context, ListItemSource listItem)
    {
        var list = kind.Folder() + "/";
        PageReads.Note(PageReads.Slice(list, number));
        var (page, pager, shown) = PageOf(list, number, entries, context, PluralWord(kind, entries.Count));
        return new PageView
        {
            Template = "list",
            Title = Pagination.Title(kind.PluralLabel(), pager),
            Summary = $"{entries.Count} {PluralWord(kind, entries.Count)}",
            Kind = kind.ToString().ToLowerInvariant(),
            Breadcrumbs = pager is { Number: > 1 }
                ? [new LinkView("Home", SitePaths.Relative(page, "")), new LinkView(kind.PluralLabel(), SitePaths.Relative(page, list))]
                : [new LinkView("Home", SitePaths.Relative(page, ""))],
            Items = shown.Select(e => listItem(page, e)).ToList(),
            Pager = pager,
            CommunityOptions = CommunityOptions(page, shown, context),
            ProposeUrl = Propose.ProposePage.NewEntryUrl(page, kind),
            ProposeLabel = kind == EntryKind.Community ? "Add your community" : $"Propose a new {kind.Label().ToLowerInvariant()}",
        };
    }

    /// <summary>
    /// Page <paramref name="number"/> of a list: its address, its pager (null for a list on one page) and
    /// its entries. A number past the end (an edit removed entries) shows the last page's entries.
    /// </summary>
    internal static (string Page, PagerView? Pager, List<Entry> Shown) PageOf(string list, int number, List<Entry> entries, RenderContext context, string itemsWord)
    {
        var size = context.Site.Config.ListPageSize;
        (number, var shown) = Slice(entries, number, size);
        return (Pagination.PagePath(list, number), Pagination.Pager(list, number, entries.Count, size, itemsWord), shown);
    }

    /// <summary>The communities that annotated any of these entries, for the list's filter, with their pages.</summary>
    private static IReadOnlyList<CommunityOptionView> CommunityOptions(string page, IEnumerable<Entry> entries, RenderContext context) =>
        entries.SelectMany(e => context.Site.AnnotationsOf(e.Key)).Select(a => a.CommunityId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => (Id: id, Community: context.Site.ByKey.GetValueOrDefault($"communities/{id}")))
            .Select(c => new CommunityOptionView(c.Id, Html.Escape(c.Community?.Title ?? c.Id))
            {
                Url = c.Community is null ? "" : SitePaths.Relative(page, c.Community.Url),
            })
            .ToList();

    private static PageView TagPage(string tag, int number, List<Entry> entries, RenderContext context, ListItemSource listItem)
    {
        var list = TagPagePath(tag);
        PageReads.Note(PageReads.Slice(list, number));
        var entriesWord = entries.Count == 1 ? "entry" : "entries";
        var (page, pager, shown) = PageOf(list, number, entries, context, entriesWord);
        var title = "Tagged “" + Html.Escape(tag) + "”";
        return new PageView
        {
            Template = "list",
            Title = Pagination.Title(title, pager),
            Summary = $"{entries.Count} {entriesWord}",
            Breadcrumbs = pager is { Number: > 1 }
                ? [new LinkView("Home", SitePaths.Relative(page, "")), new LinkView("Tags", SitePaths.Relative(page, "tags/")), new LinkView(title, SitePaths.Relative(page, list))]
                : [new LinkView("Home", SitePaths.Relative(page, "")), new LinkView("Tags", SitePaths.Relative(page, "tags/"))],
            Items = shown.Select(e => listItem(page, e)).ToList(),
            Pager = pager,
            CommunityOptions = CommunityOptions(page, shown, context),
            ProposeUrl = Propose.ProposePage.FormUrl(page),
            ProposeLabel = "Propose an entry",
        };
    }

    private static PageView TagIndex(RenderContext context)
    {
        const string page = "tags/";
        // The index shows each tag and its count, not the pages that counting walks.
        PageReads.Note(PageReads.TagCounts);
        using var counting = PageReads.Paused();
        var tags = TagCounts(context.Site).Select(t => new ListItemView(Html.Escape(t.Tag), SitePaths.Relative(page, $"tags/{t.Tag}/"), "",
            "Tag", $"{t.Count} {(t.Count == 1 ? "entry" : "entries")}", [])).ToList();
        return new PageView
        {
            Template = "tags",
            Title = "Tags",
            Summary = $"{tags.Count} tags",
            Breadcrumbs = [new LinkView("Home", SitePaths.Relative(page, ""))],
            Items = tags,
        };
    }

    private static PageView Bibliography(RenderContext context)
    {
        var sources = context.Site.Bibliography.Values
            .OrderBy(s => SourceFormatter.Label(s), StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SourceView(s.Key, SourceFormatter.ReferenceHtml(s))).ToList();
        return new PageView
        {
            Template = "sources",
            Title = "Sources",
            Summary = $"{sources.Count} works cited in the commons",
            Breadcrumbs = [new LinkView("Home", SitePaths.Relative("sources/", ""))],
            Sources = sources,
        };
    }

    /// <summary>The search page; without JavaScript it offers the list pages instead.</summary>
    private static PageView Search(RenderContext context) => new()
    {
        Template = "search",
        Title = "Search",
        Summary = "Search the projects, values, curricula, history and community notes of the commons.",
        Breadcrumbs = [new LinkView("Home", SitePaths.Relative("search/", ""))],
        // The layout's search.js runs the page with these two (search/ parts loaded per query, and each result).
        Scripts = [SitePaths.Relative("search/", context.Assets.Named("search-parts.js")), SitePaths.Relative("search/", context.Assets.Named("search-excerpt.js"))],
        Items = EntryKinds.Listed.Select(k => new ListItemView(k.PluralLabel(), SitePaths.Relative("search/", k.Folder() + "/"), "", "", "", [])).ToList(),
    };

    private static PageView NotFound(RenderContext context) => new()
    {
        Template = "404",
        Title = "Page not found",
        Summary = "This address does not lead to a page of the commons.",
        NoIndex = true,
        // A host serves 404.html at the missing address, where its links (written from the site's
        // root, where the file is) point nowhere. No <base> from base_url: the site may be served
        // under another path (GitHub Pages at /name/) or from disk. Instead one copy of a small
        // script per folder depth: the one that loads knows the root from its own address.
        RootProbeScripts = Enumerable.Range(0, NotFoundProbeDepth + 1)
            .Select(depth => string.Concat(Enumerable.Repeat("../", depth)) + context.Assets.NotFoundJs).ToList(),
    };

    /// <summary>How deep below the site root a missing address may be for the 404 page to find its root (the site's deepest pages are 4 folders down).</summary>
    public const int NotFoundProbeDepth = 6;
}
