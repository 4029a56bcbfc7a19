using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>The pages that list entries: home, one list per kind, tags, the bibliography, 404.</summary>
public static class IndexPageBuilder
{
    public static IEnumerable<(string Page, PageView View)> Build(RenderContext context) =>
        Pages(context).Select(p => (p.Page, p.View()));

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
        foreach (var page in PagesBeforeTags) yield return (page, Page(page, context, items)!);
        // Grouping is cheap; sorting each tag's entries waits until its page is really built.
        var tagged = site.Pages.SelectMany(e => e.Tags.Select(t => (Tag: t, Entry: e))).ToLookup(p => p.Tag, p => p.Entry, StringComparer.Ordinal);
        foreach (var tag in tagged.Select(g => g.Key).Order(StringComparer.Ordinal))
            yield return (TagPagePath(tag), () => TagPage(tag, SortedForTag(tagged[tag]), context, items));
        foreach (var page in PagesAfterTags) yield return (page, Page(page, context, items)!);
    }

    /// <summary>Makes the item that stands for an entry in a list on the page at the given address.</summary>
    public delegate ListItemView ListItemSource(string page, Entry entry);

    /// <summary>The index pages every site has, listed before and after the tag pages.</summary>
    private static readonly string[] PagesBeforeTags = ["", .. EntryKinds.Listed.Select(k => $"{k.Folder()}/")];
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
        if (page.StartsWith("tags/", StringComparison.Ordinal) && page.EndsWith('/'))
        {
            var tag = page["tags/".Length..^1];
            return () => TagPage(tag, SortedForTag(context.Site.Pages.Where(e => e.Tags.Contains(tag, StringComparer.Ordinal))), context, items);
        }
        foreach (var kind in EntryKinds.Listed)
            if (page == $"{kind.Folder()}/") return () => KindList(kind, context, items);
        return null;
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

    private static PageView KindList(EntryKind kind, RenderContext context, ListItemSource listItem)
    {
        var page = kind.Folder() + "/";
        var entries = Ordered(kind, context.Site).ToList();
        var items = entries.Select(e => listItem(page, e)).ToList();
        return new PageView
        {
            Template = "list",
            Title = kind.PluralLabel(),
            Summary = $"{items.Count} {PluralWord(kind, items.Count)}",
            Kind = kind.ToString().ToLowerInvariant(),
            Breadcrumbs = [new LinkView("Home", SitePaths.Relative(page, ""))],
            Items = items,
            CommunityOptions = CommunityOptions(entries, context),
            ProposeUrl = Propose.ProposePage.NewEntryUrl(page, kind),
            ProposeLabel = kind == EntryKind.Community ? "Add your community" : $"Propose a new {kind.Label().ToLowerInvariant()}",
        };
    }

    /// <summary>The communities that annotated any of these entries, for the list's filter.</summary>
    private static IReadOnlyList<CommunityOptionView> CommunityOptions(IEnumerable<Entry> entries, RenderContext context) =>
        entries.SelectMany(e => context.Site.AnnotationsOf(e.Key)).Select(a => a.CommunityId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new CommunityOptionView(id, Html.Escape(context.Site.ByKey.GetValueOrDefault($"communities/{id}")?.Title ?? id)))
            .ToList();

    private static PageView TagPage(string tag, List<Entry> entries, RenderContext context, ListItemSource listItem)
    {
        var page = $"tags/{tag}/";
        return new PageView
        {
            Template = "list",
            Title = "Tagged “" + Html.Escape(tag) + "”",
            Summary = $"{entries.Count} {(entries.Count == 1 ? "entry" : "entries")}",
            Breadcrumbs = [new LinkView("Home", SitePaths.Relative(page, "")), new LinkView("Tags", SitePaths.Relative(page, "tags/"))],
            Items = entries.Select(e => listItem(page, e)).ToList(),
            CommunityOptions = CommunityOptions(entries, context),
            ProposeUrl = Propose.ProposePage.FormUrl(page),
            ProposeLabel = "Propose an entry",
        };
    }

    private static PageView TagIndex(RenderContext context)
    {
        const string page = "tags/";
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
