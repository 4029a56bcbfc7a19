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
/// rebuilds, which index pages and redirects there are and what rendering found per file; in serve,
/// records what each entry's pages, each index page, each redirect page and the propose form's data
/// read (<see cref="PageDependencies"/>), so that a change makes again exactly those whose reads changed.
/// </summary>
internal sealed class PageRenderer(IncrementalFeeds feeds, IncrementalProposeData propose, ListItemCache? listItems, PageDependencies? dependencies)
{
    // Readers other than an entry's pages (whose reader is the entry's key).
    public const string IndexReader = "index:";
    public const string RedirectReader = "redirect:";
    /// <summary>Which index pages and which redirects there are (no page address has a '*').</summary>
    private const string IndexSetReader = IndexReader + "*";
    private const string RedirectSetReader = RedirectReader + "*";

    /// <summary>True for the reader of an entry's pages: its key (no other reader's prefix).</summary>
    public static bool IsEntryReader(string reader) =>
        !reader.StartsWith(IndexReader, StringComparison.Ordinal) && !reader.StartsWith(RedirectReader, StringComparison.Ordinal)
        && !reader.StartsWith(IncrementalProposeData.Reader, StringComparison.Ordinal) && !reader.StartsWith(ListItemCache.Reader, StringComparison.Ordinal)
        && !reader.StartsWith(IncrementalFeeds.Reader, StringComparison.Ordinal);

    private readonly Dictionary<string, List<Diagnostic>> _findings = new(StringComparer.Ordinal);
    private List<string> _indexPages = [];
    /// <summary>Each redirect page's file, with the key of the entry it leads to.</summary>
    private Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    /// <summary>Set by <see cref="Render"/>: whether _redirects must be written (an alias came, went or leads elsewhere).</summary>
    private bool _redirectsChanged;

    /// <summary>What rendering found, by file, for every page rendered so far.</summary>
    public IEnumerable<Diagnostic> Findings => _findings.Values.SelectMany(d => d);

    public RenderedPages Render(RenderPlan plan, Site? oldSite, RenderContext context, ReadPrints prints, ThemeTemplates templates, IOutputSink sink, SiteLinkCheck links)
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
        // The render findings of each entry's own file and of the Markdown its pages rendered last time are found again now.
        if (plan.All) _findings.Clear();
        else foreach (var key in plan.Keys) ForgetFindingsOfBodies([PageReads.Body(key), .. dependencies?.ReadsOf(key) ?? []], oldSite, site);

        var pages = new ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        // What each reader read, when dependencies are recorded (serve): see PageReads.
        var reads = new ConcurrentDictionary<string, PageReads>(StringComparer.Ordinal);
        PageReads? ReadsOf(string reader) => dependencies is null ? null : reads.GetOrAdd(reader, _ => new PageReads());
        var count = 0;
        var writer = new PageWriter(context, templates, sink, links);
        Parallel.ForEach(entries, entry =>
        {
            var paths = new List<string>();
            using var recording = PageReads.Into(ReadsOf(entry.Key));
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
            // In serve a community's feed goes with its page, and so do its reads (build writes every feed at once).
            if (entry.Kind == EntryKind.Community)
            {
                if (dependencies is not null) SiteFeeds.WriteCommunity(entry, context, sink);
                paths.Add(SiteFeeds.CommunityPath(entry));
            }
            pages[entry.Key] = paths;
        });
        if (dependencies is not null)
        {
            if (plan.All) dependencies.Clear();
            foreach (var key in plan.Keys) dependencies.Forget(key);
            // And the Markdown they render now (a note just aimed at a page, a module just added), whichever page reported it before.
            if (!plan.All) foreach (var (_, read) in reads) ForgetFindingsOfBodies(read.Tokens, oldSite, site);
        }

        var others = new List<(string Page, Func<PageView> View, string Reader)>();
        var indexPages = IndexPages(plan, context, ReadsOf, others);
        var redirects = RedirectPages(plan, context, ReadsOf, others);
        // Views are built on the workers too: a kind's list builds thousands of items.
        Parallel.ForEach(others, item =>
        {
            var section = item.Page.Split('/')[0];
            PageView view;
            using (PageReads.Into(ReadsOf(item.Reader))) view = item.View();
            writer.Write(item.Page, view, EntryKinds.Listed.Any(k => k.Folder() == section) ? section : null);
            Interlocked.Increment(ref count);
        });
        if (dependencies is not null)
        {
            foreach (var (reader, read) in reads) dependencies.Record(reader, read.Tokens, prints);
            listItems?.Record(dependencies, prints);
        }
        return new RenderedPages(count, new Dictionary<string, List<string>>(pages, StringComparer.Ordinal), indexPages, redirects);
    }

    /// <summary>
    /// The files that are not pages (feeds and the sitemap, _redirects, the propose form's data, QR
    /// codes, JSON Schemas). serve writes them after <see cref="Render"/> (the plan and the recorded
    /// reads say which); build and check write them all, beside rendering: a full plan needs nothing
    /// rendering finds. Returns the files that are gone from the site (parts of the propose form's
    /// data it no longer has).
    /// </summary>
    public IReadOnlyList<string> WriteSiteFiles(RenderPlan plan, RenderContext context, ReadPrints prints, IOutputSink sink)
    {
        var site = context.Site;
        if (plan.All || _redirectsChanged) sink.Write("_redirects", Redirects.NetlifyFile(site));
        feeds.Write(plan, context, prints, sink);
        if (plan.All) foreach (var (path, bytes) in PrintPage.QrCodes(site)) sink.Write(path, bytes);
        var gone = propose.Write(plan, context, prints, sink);
        if (plan.All) Schema.JsonSchemas.Publish(sink);
        return gone;
    }

    /// <summary>After rendering and the site files: what they found, kept per file until those files' pages are rendered again.</summary>
    public void KeepFindings(RenderContext context)
    {
        foreach (var group in context.Diagnostics.Sorted().GroupBy(d => d.Path))
        {
            if (!_findings.TryGetValue(group.Key, out var list)) _findings[group.Key] = list = [];
            list.AddRange(group);
        }
    }

    /// <summary>Forgets the list items whose reads changed, or every item (null: a full render).</summary>
    public void ForgetListItems(IReadOnlySet<string>? changedReaders)
    {
        if (changedReaders is null) listItems?.Clear();
        else listItems?.Forget(changedReaders);
    }

    /// <summary>After a commit: which index pages and redirects are served now.</summary>
    public void Committed(RenderedPages rendered)
    {
        _indexPages = rendered.IndexPages;
        _redirects = rendered.Redirects;
        propose.Committed();
    }

    public IReadOnlyList<string> ServedIndexPages => _indexPages;
    public IReadOnlyDictionary<string, string> ServedRedirects => _redirects;

    /// <summary>
    /// Lists, tags, home and the like (as <see cref="IndexPageBuilder"/> names them): those that are
    /// new, or whose reads changed. Which there are depends on the lengths of the kinds' and tags' lists, and is
    /// worked out again only when those reads (recorded as the reader "index:*") changed.
    /// </summary>
    private List<string> IndexPages(RenderPlan plan, RenderContext context, Func<string, PageReads?> readsOf, List<(string Page, Func<PageView> View, string Reader)> others)
    {
        var source = listItems?.For(context);
        if (!plan.All && !plan.Readers.Contains(IndexSetReader))
        {
            foreach (var page in _indexPages)
                if (plan.Readers.Contains(IndexReader + page) && IndexPageBuilder.Page(page, context, source) is { } built) others.Add((page, built, IndexReader + page));
            return _indexPages;
        }
        var served = _indexPages.ToHashSet(StringComparer.Ordinal);
        var indexPages = new List<string>();
        using (PageReads.Into(readsOf(IndexSetReader)))
        {
            // Which pages there are follows from how many entries each kind's list and each tag has (and
            // site.yaml's page size): read as that, not as every entry the enumeration walks, so a title edit
            // does not enumerate them again.
            foreach (var kind in EntryKinds.Listed) PageReads.Note(PageReads.KindCountPrefix, kind.Folder());
            PageReads.Note(PageReads.TagCounts);
            ValueListPages.NotePageCounts(context.Site);
            using var walking = PageReads.Paused();
            foreach (var (page, view) in IndexPageBuilder.Pages(context, source))
            {
                indexPages.Add(page);
                if (plan.All || !served.Remove(page) || plan.Readers.Contains(IndexReader + page)) others.Add((page, view, IndexReader + page));
            }
        }
        foreach (var gone in served) dependencies?.Forget(IndexReader + gone);
        return indexPages;
    }

    /// <summary>
    /// Redirect pages: those of new aliases or aliases that lead elsewhere now, and those whose
    /// target shows something else. Which aliases lead where is worked out again only when what
    /// that read (recorded as the reader "redirect:*") changed.
    /// </summary>
    private Dictionary<string, string> RedirectPages(RenderPlan plan, RenderContext context, Func<string, PageReads?> readsOf, List<(string Page, Func<PageView> View, string Reader)> others)
    {
        var site = context.Site;
        _redirectsChanged = false;
        if (!plan.All && !plan.Readers.Contains(RedirectSetReader))
        {
            foreach (var (file, key) in _redirects)
            {
                var page = file[..^"index.html".Length];
                if (plan.Readers.Contains(RedirectReader + page) && site.ByKey.Unrecorded.GetValueOrDefault(key) is { } target)
                    others.Add((page, () => Redirects.Page(context, page[..^1], target), RedirectReader + page));
            }
            return _redirects;
        }
        List<(string Alias, Entry Target)> targets;
        using (PageReads.Into(readsOf(RedirectSetReader))) targets = Redirects.Targets(site).ToList();
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, target) in targets)
        {
            var page = alias + "/";
            var file = SitePaths.FileOf(page);
            redirects[file] = target.Key;
            if (plan.All || _redirects.GetValueOrDefault(file) != target.Key || plan.Readers.Contains(RedirectReader + page))
                others.Add((page, () => Redirects.Page(context, alias, target), RedirectReader + page));
        }
        foreach (var (file, _) in _redirects)
            if (!redirects.ContainsKey(file)) dependencies?.Forget(RedirectReader + file[..^"index.html".Length]);
        _redirectsChanged = redirects.Count != _redirects.Count || redirects.Any(r => _redirects.GetValueOrDefault(r.Key) != r.Value);
        return redirects;
    }

    /// <summary>Forgets what rendering found in the files of the entries whose Markdown these reads rendered (<see cref="PageReads.Body"/>).</summary>
    private void ForgetFindingsOfBodies(IEnumerable<string> reads, Site? oldSite, Site site)
    {
        foreach (var token in reads)
        {
            if (!token.StartsWith(PageReads.BodyPrefix, StringComparison.Ordinal)) continue;
            var key = token[PageReads.BodyPrefix.Length..];
            foreach (var entry in new[] { oldSite?.ByKey.Unrecorded.GetValueOrDefault(key), site.ByKey.Unrecorded.GetValueOrDefault(key) })
                if (entry is not null) _findings.Remove(entry.Path);
        }
    }
}
