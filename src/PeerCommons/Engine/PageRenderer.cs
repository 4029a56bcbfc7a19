using System.Collections.Concurrent;
using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;
using PeerCommons.Render.Views;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>What one render produced: the files of each entry's pages, which index pages and redirects exist.</summary>
internal sealed record RenderedPages(
    int Count, Dictionary<string, List<string>> PagesByKey, List<string> IndexPages, Dictionary<string, string> Redirects);

/// <summary>
/// Renders the pages a plan names into a sink: entry pages, print views, index pages, redirects,
/// feeds and the site-wide files. A full build is the plan that names everything. Keeps, between
/// rebuilds, which index pages and redirects there are and what rendering found per file.
/// </summary>
internal sealed class PageRenderer(IncrementalFeeds feeds, ListItemCache? listItems, PageDependencies? dependencies)
{
    private readonly Dictionary<string, List<Diagnostic>> _findings = new(StringComparer.Ordinal);
    private List<string> _indexPages = [];
    private Dictionary<string, string> _redirects = new(StringComparer.Ordinal);

    /// <summary>What rendering found, by file, for every page rendered so far.</summary>
    public IEnumerable<Diagnostic> Findings => _findings.Values.SelectMany(d => d);

    public RenderedPages Render(RenderPlan plan, Site? oldSite, RenderContext context, ThemeTemplates templates, IOutputSink sink, SiteLinkCheck links)
    {
        var site = context.Site;
        if (templates.HasErrors)
        {
            // The theme's diagnostics say what is wrong; rendering every page with it would only repeat them.
            return new RenderedPages(0, new(StringComparer.Ordinal), [], new(StringComparer.Ordinal));
        }
        var entries = (plan.All ? site.Pages : plan.Keys.Select(k => site.ByKey.GetValueOrDefault(k)).OfType<Entry>()
                .Where(e => e.Kind != EntryKind.Annotation))
            .Distinct().ToList();
        var used = (plan.All ? site.Entries : entries.SelectMany(e => Uses(e, site))).Distinct().ToList();

        // The render findings of these files are found again now.
        var oldEntries = oldSite is null ? [] : plan.Keys.Select(k => oldSite.ByKey.GetValueOrDefault(k)).OfType<Entry>().SelectMany(e => Uses(e, oldSite));
        if (plan.All) _findings.Clear();
        foreach (var entry in used.Concat(oldEntries)) _findings.Remove(entry.Path);

        var pages = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        // What each entry's pages read, when dependencies are recorded (serve): see PageReads.
        var reads = new ConcurrentDictionary<string, PageReads>(StringComparer.Ordinal);
        PageReads? ReadsOf(Entry entry) => dependencies is null ? null : reads.GetOrAdd(entry.Key, _ => new PageReads());
        var count = 0;
        var allFeeds = plan.All || plan.AllFeeds;
        var writer = new PageWriter(context, templates, sink, links);
        Parallel.ForEach(entries, entry =>
        {
            var paths = new List<string>();
            using var recording = PageReads.Into(ReadsOf(entry));
            foreach (var (page, view) in EntryPageBuilder.Build(entry, context))
            {
                paths.Add(writer.Write(page, view, entry.Kind == EntryKind.Page ? null : entry.Kind.Folder()));
                Interlocked.Increment(ref count);
            }
            // Parsed documents are read-only, so a curriculum's print views render on the same worker as its pages.
            if (entry.Kind == EntryKind.Curriculum)
                foreach (var (page, view) in PrintPage.Build(entry, context))
                {
                    paths.Add(writer.Write(page, view, "curricula"));
                    Interlocked.Increment(ref count);
                }
            // A community's feed goes with its page: every edit of the community or its annotations re-renders that page.
            if (entry.Kind == EntryKind.Community)
            {
                if (!allFeeds) SiteFeeds.WriteCommunity(entry, context, sink);
                paths.Add(SiteFeeds.CommunityPath(entry));
            }
            pages[entry.Key] = paths;
        });
        if (dependencies is not null)
        {
            if (plan.All) dependencies.Clear();
            foreach (var key in plan.Keys) dependencies.Forget(key);
            foreach (var (key, read) in reads) dependencies.Record(key, read.Tokens);
        }

        var others = new List<(string Page, Func<PageView> View)>();
        var indexPages = IndexPages(plan, context, others);
        var redirects = RedirectPages(plan, context, others);
        // Views are built on the workers too: a kind's list builds thousands of items.
        Parallel.ForEach(others, item =>
        {
            var section = item.Page.Split('/')[0];
            writer.Write(item.Page, item.View(), EntryKinds.Listed.Any(k => k.Folder() == section) ? section : null);
            Interlocked.Increment(ref count);
        });
        return new RenderedPages(count, new Dictionary<string, List<string>>(pages, StringComparer.Ordinal), indexPages, redirects);
    }

    /// <summary>
    /// After <see cref="Render"/>: the files that are not pages (feeds and the sitemap, _redirects, the
    /// propose form's data, QR codes, JSON Schemas), then what rendering found.
    /// </summary>
    public void WriteSiteFiles(RenderPlan plan, RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        var allFeeds = plan.All || plan.AllFeeds;
        if (plan.All || plan.Redirects) sink.Write("_redirects", Redirects.NetlifyFile(site));
        if (allFeeds) feeds.WriteAll(context, sink);
        else if (plan.RecentFeed) feeds.WriteRecent(context, sink);
        if (plan.All) foreach (var (path, bytes) in PrintPage.QrCodes(site)) sink.Write(path, bytes);
        // The propose form's choices follow the lists; a heading edited in place refreshes on the next full render.
        if (plan.All || plan.Listings) foreach (var (path, bytes) in PeerCommons.Render.Propose.ProposeFormData.Files(context)) sink.Write(path, bytes);
        if (plan.All) Schema.JsonSchemas.Publish(sink);
        // What rendering found, kept per file until those files' pages are rendered again.
        foreach (var group in context.Diagnostics.Sorted().GroupBy(d => d.Path))
        {
            if (!_findings.TryGetValue(group.Key, out var list)) _findings[group.Key] = list = [];
            list.AddRange(group);
        }
    }

    /// <summary>Forgets the list items these edits can change, or every item (null: a full render, or keys that came or went).</summary>
    public void ForgetListItems(IReadOnlyList<ContentChange>? changes)
    {
        if (changes is null) listItems?.Clear();
        else listItems?.Forget(changes);
    }

    /// <summary>After a commit: which index pages and redirects are served now.</summary>
    public void Committed(RenderedPages rendered)
    {
        _indexPages = rendered.IndexPages;
        _redirects = rendered.Redirects;
    }

    public IReadOnlyList<string> ServedIndexPages => _indexPages;
    public IReadOnlyDictionary<string, string> ServedRedirects => _redirects;

    /// <summary>Lists, tags, home and the like (as <see cref="IndexPageBuilder"/> names them). Which there are changes only with the tags.</summary>
    private List<string> IndexPages(RenderPlan plan, RenderContext context, List<(string Page, Func<PageView> View)> others)
    {
        var source = listItems?.For(context);
        if (plan.All || plan.TagIndex)
        {
            var indexPages = new List<string>();
            foreach (var (page, view) in IndexPageBuilder.Pages(context, source))
            {
                indexPages.Add(page);
                if (plan.All || WantIndexPage(page, plan)) others.Add((page, view));
            }
            return indexPages;
        }
        foreach (var page in _indexPages)
            if (WantIndexPage(page, plan) && IndexPageBuilder.Page(page, context, source) is { } view) others.Add((page, view));
        return _indexPages;
    }

    /// <summary>Redirect pages name their target and follow its aliases: rebuilt only when those can have changed.</summary>
    private Dictionary<string, string> RedirectPages(RenderPlan plan, RenderContext context, List<(string Page, Func<PageView> View)> others)
    {
        var site = context.Site;
        if (plan.All || plan.Redirects)
        {
            var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
            var targets = Redirects.Targets(site).ToDictionary(t => t.Alias + "/", t => RedirectSignature(t.Target), StringComparer.Ordinal);
            foreach (var (page, view) in Redirects.Pages(context))
            {
                redirects[SitePaths.FileOf(page)] = targets.GetValueOrDefault(page, "");
                if (plan.All || _redirects.GetValueOrDefault(SitePaths.FileOf(page)) != redirects[SitePaths.FileOf(page)]) others.Add((page, () => view));
            }
            return redirects;
        }
        // A retitled entry's redirect pages name it anew; the _redirects file has no titles.
        var retitled = plan.RetitledRedirectTargets.Select(k => site.ByKey.GetValueOrDefault(k)).OfType<Entry>().ToList();
        if (retitled.Count == 0) return _redirects;
        var updated = new Dictionary<string, string>(_redirects, StringComparer.Ordinal);
        var retitledPages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in retitled)
            foreach (var alias in entry.Aliases.Select(Aliases.Normalize).OfType<string>())
            {
                var file = SitePaths.FileOf(alias + "/");
                if (!updated.TryGetValue(file, out var signature) || !signature.StartsWith(entry.Key + "\n", StringComparison.Ordinal)) continue;
                retitledPages.Add(alias + "/");
                updated[file] = RedirectSignature(entry);
            }
        foreach (var (page, view) in Redirects.Pages(context))
            if (retitledPages.Contains(page)) others.Add((page, () => view));
        return updated;
    }

    /// <summary>What a redirect page shows of its target: when this is the same, so is the page.</summary>
    private static string RedirectSignature(Entry target) => target.Key + "\n" + target.Title + "\n" + target.Url;

    /// <summary>The entries whose parsed Markdown rendering this entry's pages uses.</summary>
    private static IEnumerable<Entry> Uses(Entry entry, Site site)
    {
        yield return entry;
        foreach (var annotation in site.AnnotationsOf(entry.Key)) yield return annotation;
        if (entry.Kind == EntryKind.Curriculum) foreach (var module in site.ModulesOf(entry.Id)) yield return module;
    }

    private static bool WantIndexPage(string page, RenderPlan plan)
    {
        // Page 2 and on of a long list (projects/page/2/) change whenever the list does.
        page = IndexPageBuilder.ListAndNumber(page).List;
        // These show only site.yaml, sources.yaml and the theme: a change to those rebuilds everything.
        if (page is "sources/" or "404.html" or "search/") return false;
        if (page == "tags/") return plan.TagIndex;
        if (page.StartsWith("tags/", StringComparison.Ordinal) && page.Length > "tags/".Length)
            return plan.Tags.Contains(page["tags/".Length..].TrimEnd('/'));
        var kind = EntryKinds.FromFolder(page.TrimEnd('/'));
        if (kind is not null && page.Count(c => c == '/') == 1) return plan.Kinds.Contains(kind.Value) || (kind == EntryKind.Curriculum && plan.Kinds.Contains(EntryKind.Module));
        return plan.Listings; // home, and any list page this engine does not know
    }
}
