using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Render.Views;
using PeerCommons.Write;

namespace PeerCommons.Render;

/// <summary>What every page builder needs: the site, its parsed Markdown, and shared lookups.</summary>
public sealed class RenderContext
{
    /// <param name="referencedBy">The reverse links when the caller keeps them up to date itself (the preview server); built from the site when null.</param>
    public RenderContext(Site site, ParsedContent parsed, AssetPaths assets, DiagnosticBag diagnostics, IReadOnlyDictionary<string, List<Entry>>? referencedBy = null)
    {
        Site = site;
        Parsed = parsed;
        Assets = assets;
        Diagnostics = diagnostics;
        ReferencedBy = new RecordedLookup<List<Entry>>(referencedBy ?? BuildReverseLinks(site), PageReads.ReferencedByPrefix);
        _annotationsByCommunity = new(() => site.Entries.Where(e => e.Kind == EntryKind.Annotation)
            .OrderBy(e => e.Key, StringComparer.Ordinal).ToLookup(e => e.CommunityId!, StringComparer.Ordinal));
    }

    public Site Site { get; }
    public ParsedContent Parsed { get; }
    public AssetPaths Assets { get; }
    public DiagnosticBag Diagnostics { get; }

    /// <summary>For each key, the entries whose related or values list it (shown as "related" on its page).</summary>
    public IReadOnlyDictionary<string, List<Entry>> ReferencedBy { get; }

    private static Dictionary<string, List<Entry>> BuildReverseLinks(Site site)
    {
        var reverse = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var entry in site.Pages)
            foreach (var key in entry.Related.Concat(entry.FieldList("values")).Distinct(StringComparer.Ordinal))
            {
                if (!reverse.TryGetValue(key, out var list)) reverse[key] = list = [];
                list.Add(entry);
            }
        return reverse;
    }

    /// <summary>The site-wide part of a page (header, navigation, assets): it depends only on the page's
    /// depth and section, so the few distinct ones are built once and shared by every page.</summary>
    public SiteView SiteView(string page, string? currentSection) =>
        _siteViews.GetOrAdd((SitePaths.UpToRoot(page), currentSection), key => CreateSiteView(key.UpToRoot, key.Section));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string UpToRoot, string? Section), SiteView> _siteViews = new();

    private SiteView CreateSiteView(string upToRoot, string? currentSection)
    {
        var config = Site.Config;
        string Link(string path) => SitePaths.FromRoot(upToRoot, path);
        return new SiteView
        {
            Title = Html.Escape(config.Title),
            Tagline = Html.Escape(config.Tagline),
            Language = Html.Escape(config.Language),
            HelpUrl = config.HelpLinkUrl is not { } help ? null : Html.Escape(help.Contains(':') ? help : Link(help)),
            HelpText = Html.Escape(config.HelpLinkText),
            QuickExitUrl = Html.Escape(config.QuickExitUrl),
            HomeUrl = Link(""),
            Css = Link(Assets.Css),
            PrintCss = Link(Assets.PrintCss),
            Js = Link(Assets.Js),
            SearchJs = Link(Assets.SearchJs),
            Favicon = Link(Assets.Favicon),
            CrisisWords = Html.Escape(string.Join('|', config.CrisisWords)),
            Lunr = Link(Assets.Lunr),
            SearchIndex = Link(SitePaths.SearchIndexManifest),
            SearchReader = Link(Assets.Named("search-reader.js")),
            SearchScore = Link(Assets.Named("search-score.js")),
            SearchUrl = Link("search/"),
            FeedUrl = Link("feed.xml"),
            SourcesUrl = Link("sources/"),
            TagsUrl = Link("tags/"),
            Nav = EntryKinds.Listed.Select(k => new NavItem(k.PluralLabel(), Link(k.Folder() + "/"), currentSection == k.Folder())).ToList(),
        };
    }

    /// <summary>
    /// A cited work's label and its link into the page's list of cited sources ("#cite-key"), or null when
    /// the bibliography has no such key. The same on every page, so made once per key, not once per citation
    /// of every page (the bibliography is read without a recorded lookup: a change to it re-renders everything).
    /// </summary>
    public (string Label, string Href)? Citation(string key) =>
        _citations.GetOrAdd(key, static (key, bibliography) =>
            bibliography.TryGetValue(key, out var source) ? (SourceFormatter.CitationLabel(source), "#cite-" + key) : null, Site.Bibliography);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Label, string Href)?> _citations = new(StringComparer.Ordinal);

    public string EntryLink(string fromPage, Entry target, string? anchor = null) =>
        SitePaths.Relative(fromPage, target.Url + (anchor is null ? "" : "#" + anchor));

    /// <summary>
    /// The entry as a list item (in related lists, community groups and index pages) on a page. Its links
    /// depend only on how far the page is from the root, so outside a recording of what pages read (see
    /// <see cref="PageReads"/>: a cached item would skip the reads it reports) each entry's item is made once
    /// per folder depth and shared: an entry is listed as related on many pages.
    /// </summary>
    public ListItemView ListItem(string fromPage, Entry entry)
    {
        var upToRoot = SitePaths.UpToRoot(fromPage);
        var depth = upToRoot.Length / "../".Length;
        if (PageReads.Recording || depth >= MaxCachedDepth) return CreateListItem(upToRoot, entry);
        var byDepth = _listItems.GetOrAdd(entry, static _ => new ListItemView?[MaxCachedDepth]);
        // Two workers may make the same item at once: equal items, and either is kept.
        return byDepth[depth] ??= CreateListItem(upToRoot, entry);
    }

    /// <summary>Pages lie a few folders deep (a trainer view of a module: four).</summary>
    private const int MaxCachedDepth = 8;

    /// <summary>Each entry's list items, by the folder depth of the page they are on (looked up by reference: an entry is one object per build).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Entry, ListItemView?[]> _listItems = new(ReferenceEqualityComparer.Instance);

    /// <param name="upToRoot">The way up from the page to the site root (<see cref="SitePaths.UpToRoot"/>).</param>
    private ListItemView CreateListItem(string upToRoot, Entry entry)
    {
        // An item shows what the entry's front matter says (its "face"), as a lookup of it would.
        PageReads.Note(PageReads.EntryPrefix, entry.Key);
        var communities = CommunitiesAnnotating(entry);
        return new ListItemView(
            Html.Escape(entry.Title),
            SitePaths.FromRoot(upToRoot, entry.Url),
            Html.Escape(entry.Summary),
            Html.Escape(entry.Kind.Label()),
            Html.Escape(MetaLine(entry)),
            entry.Tags.Select(t => new LinkView(Html.Escape(t), SitePaths.FromRoot(upToRoot, $"tags/{t}/"))).ToList())
        {
            Communities = communities.Count,
            CommunityIds = string.Join(' ', communities),
        };
    }

    /// <summary>Ids of the communities with an annotation on the entry, sorted.</summary>
    public IReadOnlyList<string> CommunitiesAnnotating(Entry entry) =>
        Site.AnnotationsOf(entry.Key).Select(a => a.CommunityId!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>A community's annotations, in a stable order.</summary>
    public IEnumerable<Entry> AnnotationsBy(string communityId)
    {
        PageReads.Note(PageReads.CommunityPrefix, communityId);
        return _annotationsByCommunity.Value[communityId];
    }

    private readonly Lazy<ILookup<string, Entry>> _annotationsByCommunity;

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>A short line under an entry's title in lists: a date, a place, a duration.</summary>
    private string MetaLine(Entry entry) =>
        string.Join(" · ", new[] { KindMeta(entry), Timeliness.ListNote(entry) }.Where(s => !string.IsNullOrEmpty(s)));

    private string KindMeta(Entry entry) => entry.Kind switch
    {
        EntryKind.History => string.Join(" · ", new[] { entry.Field<HistoryDate>("date")?.Display, entry.Field<string>("place") }.OfType<string>()),
        EntryKind.Project => string.Join(" · ", new[] { entry.Field<string>("region"), entry.Field<string>("country") }.OfType<string>()),
        EntryKind.Curriculum => string.Join(" · ", new[] { entry.Field<string>("duration"), $"{Site.ModulesOf(entry.Id).Count()} modules" }.OfType<string>()),
        EntryKind.Module => entry.Field<int>("duration_minutes") is > 0 and var m ? Humanize.Minutes(m) : "",
        EntryKind.Community => string.Join(" · ", new[] { entry.Field<string>("region"), entry.Field<string>("country"), Count(AnnotationsBy(entry.Id).Count(), "annotation") }.OfType<string>()),
        _ => "",
    };
}
