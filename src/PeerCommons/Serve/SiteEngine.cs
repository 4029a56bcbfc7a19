using System.Diagnostics;
using System.Text.Json;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Diagnostics;
using PeerCommons.Index;
using PeerCommons.Load;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Model;
using PeerCommons.Pipeline;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;
using PeerCommons.Validate;
using PeerCommons.Write;

namespace PeerCommons.Serve;

/// <summary>What one (re)build did.</summary>
public sealed record RebuildOutcome(
    int Number, bool Committed, bool Full, int PagesRendered, TimeSpan Elapsed,
    IReadOnlyList<Diagnostic> Diagnostics, string? FatalError)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public bool HasErrors => FatalError is not null || Errors.Any();
}

/// <summary>
/// The incremental build behind <c>serve</c>. Keeps the loaded site, every entry's parsed Markdown,
/// the links between entries and the rendered site in memory; after a change it reloads only the
/// changed files, re-runs the cheap site-wide checks, and re-renders only the pages that can show
/// something of what changed. Never writes to disk. Not thread-safe: one caller applies changes;
/// <see cref="TryGetFile"/> may be called from any thread.
/// </summary>
public sealed class SiteEngine
{
    private readonly string _root;
    private readonly string? _themeOption;
    private readonly bool _includeDrafts;
    private ThemeLayers? _theme;

    // The model: what is loaded, parsed and known about the content now (even when it has errors).
    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private SiteConfig _config = new();
    private IReadOnlyDictionary<string, Source> _bibliography = new Dictionary<string, Source>();
    private readonly Dictionary<string, List<Diagnostic>> _loadDiagnostics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Diagnostic>> _renderDiagnostics = new(StringComparer.Ordinal);
    private List<Diagnostic> _themeDiagnostics = [];
    private List<Diagnostic> _siteDiagnostics = [];
    private ThemeTemplates? _templates;
    private AssetPaths? _assets;
    private RenderContext? _committedContext;
    private IReadOnlyDictionary<string, byte[]>? _searchIndex;
    private readonly object _searchLock = new();
    private Dictionary<Entry, MarkdownDocument> _documents = new(ReferenceEqualityComparer.Instance);
    /// <summary>Keys each file refers to (xrefs in its body, related, values, annotation target and community, module's curriculum).</summary>
    private readonly Dictionary<string, string[]> _outKeys = new(StringComparer.Ordinal);
    /// <summary>For each key, the files that refer to it.</summary>
    private readonly Dictionary<string, HashSet<string>> _inRefs = new(StringComparer.Ordinal);
    private Site? _site;
    private RenderContext? _context;
    private readonly IncrementalSiteChecks _checks = new();
    private readonly IncrementalReverseLinks _reverseLinks = new();
    private readonly IncrementalFeeds _feeds = new();
    private readonly ListItemCache _listItems = new();
    private IReadOnlyList<Diagnostic> _diagnostics = [];

    // What is served: the last good site.
    private volatile IReadOnlyDictionary<string, byte[]> _served = new Dictionary<string, byte[]>();
    private Dictionary<string, List<string>> _pagesByKey = new(StringComparer.Ordinal);
    /// <summary>The addresses of the index pages served (lists, tags, home and the like).</summary>
    private List<string> _indexPages = [];
    private Dictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private HashSet<string> _committedErrors = new(StringComparer.Ordinal);
    private Plan _pending = new();
    private int _number;
    /// <summary>Set when a rebuild threw: the model may be half-updated, so the next change rebuilds everything.</summary>
    private bool _needsFullBuild;

    private readonly string? _themeOverridesOption;

    public SiteEngine(string contentDirectory, string? themeDirectory = null, bool includeDrafts = false, string? themeOverrides = null)
    {
        _root = Path.GetFullPath(contentDirectory);
        _themeOption = themeDirectory;
        _themeOverridesOption = themeOverrides;
        _includeDrafts = includeDrafts;
    }

    public string ContentRoot => _root;
    /// <summary>The theme's layers (bundled, and the site's own folder when there is one).</summary>
    public ThemeLayers? Theme => _theme ?? ThemeLocator.Find(Options);
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;
    public IReadOnlyDictionary<string, byte[]> Files => _served;
    public int Number => _number;

    /// <summary>Why search does not work in this preview (lunr.js not installed), or null when it does.</summary>
    public string? SearchProblem { get; private set; }

    private BuildOptions Options => new() { ContentDirectory = _root, ThemeDirectory = _themeOption, ThemeOverridesDirectory = _themeOverridesOption, IncludeDrafts = _includeDrafts, WriteOutput = false };

    public bool TryGetFile(string path, out byte[] bytes)
    {
        // Every file under search/ but the search page (index, parts, store) comes from the lazily built search output.
        if (path.StartsWith(SearchIndexStage.Folder, StringComparison.Ordinal) && path != SearchIndexStage.Folder + "index.html")
        {
            bytes = null!;
            return SearchIndex()?.TryGetValue(path, out bytes!) == true;
        }
        return _served.TryGetValue(path, out bytes!);
    }

    /// <summary>The search index covers the whole site and is the slowest part of a build: made when first asked for after a rebuild.</summary>
    private IReadOnlyDictionary<string, byte[]>? SearchIndex()
    {
        lock (_searchLock)
        {
            if (_searchIndex is null && _committedContext is { } context)
            {
                var sink = new MemorySink();
                SearchIndexStage.Write(context, sink);
                _searchIndex = sink.Files;
            }
            return _searchIndex;
        }
    }

    // ---------------------------------------------------------------- full build

    /// <summary>Loads everything and renders the whole site (the first build, and the fallback when a change cannot be narrowed down).</summary>
    public RebuildOutcome BuildAll()
    {
        _needsFullBuild = false;
        FaultForTests?.Invoke([_root]);
        var clock = Stopwatch.StartNew();
        var bag = new DiagnosticBag();
        var site = ContentLoader.Load(_root, bag, _includeDrafts);
        _config = site.Config;
        _bibliography = site.Bibliography;
        _entries.Clear();
        foreach (var entry in site.Entries) _entries[entry.ContentPath] = entry;
        _loadDiagnostics.Clear();
        foreach (var group in bag.Sorted().GroupBy(d => d.Path)) _loadDiagnostics[group.Key] = group.ToList();

        _outKeys.Clear();
        _inRefs.Clear();
        var entries = site.Entries.ToArray();
        var documents = new MarkdownDocument[entries.Length];
        Parallel.For(0, entries.Length, i => documents[i] = PeerCommons.Markdown.MarkdownPipelines.Parse(entries[i].File.Body, MarkdownPipelines.Learner));
        _documents = new Dictionary<Entry, MarkdownDocument>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < entries.Length; i++)
        {
            _documents[entries[i]] = documents[i];
            SetOutKeys(entries[i].ContentPath, OutKeys(entries[i], documents[i]));
        }

        if (!LoadTheme(out var fatal)) return Done(clock, new Plan { All = true }, 0, committed: false, fatal);
        return Finish(clock, new Plan { All = true }, oldSite: null, oldContext: null, changes: []);
    }

    private bool LoadTheme(out string? fatal)
    {
        fatal = null;
        _theme = ThemeLocator.Find(Options);
        if (_theme is null)
        {
            fatal = "no theme found: pass --theme with the folder that holds templates/ and assets/";
            return false;
        }
        var bag = new DiagnosticBag();
        _templates = ThemeTemplates.Load(_theme, bag);
        _themeDiagnostics = bag.Sorted().ToList();
        return true;
    }

    // ---------------------------------------------------------------- incremental

    /// <summary>Applies changes to files (full paths) under the content or theme folder.</summary>
    public RebuildOutcome Apply(IEnumerable<string> changedPaths)
    {
        if (_site is null || _context is null || _needsFullBuild) return BuildAll();
        FaultForTests?.Invoke([.. changedPaths]);
        var clock = Stopwatch.StartNew();
        var plan = new Plan();
        var contentFiles = new SortedSet<string>(StringComparer.Ordinal);
        // The site's theme folder may not exist yet when serve starts: a file put there later is a theme change too.
        string[] themeRoots = _theme is null ? [] : [.. _theme.Roots, ThemeLocator.SiteFolder(Options)];
        foreach (var raw in changedPaths)
        {
            var full = Path.GetFullPath(raw);
            if (themeRoots.Any(root => IsUnder(full, root))) { plan.All = true; plan.Theme = true; continue; }
            if (!IsUnder(full, _root)) continue;
            var relative = Path.GetRelativePath(_root, full).Replace('\\', '/');
            if (relative.Split('/').Any(p => p.StartsWith('.'))) continue;
            if (relative is "site.yaml" or "sources.yaml") { plan.All = true; plan.Config = true; continue; }
            if (Directory.Exists(full))
            {
                // A folder that is (or holds) a link, or hidden entries: the full build names them as check does.
                var walked = new DiagnosticBag();
                var inFolder = new DirectoryInfo(full).LinkTarget is null ? ContentWalker.Files(_root, walked, full) : null;
                if (inFolder is null || walked.Sorted().Count > 0) return BuildAll();
                foreach (var (_, fileRelative) in inFolder) contentFiles.Add(fileRelative);
                continue;
            }
            contentFiles.Add(relative);
            // A folder that was deleted or renamed away: every file that was in it.
            foreach (var known in _entries.Keys.Where(k => k.StartsWith(relative + "/", StringComparison.Ordinal)).ToList()) contentFiles.Add(known);
            foreach (var known in _loadDiagnostics.Keys.ToList())
                if (KnownRelative(known) is { } r && r.StartsWith(relative + "/", StringComparison.Ordinal)) contentFiles.Add(r);
        }
        contentFiles.RemoveWhere(f => f.Split('/').Any(p => p.StartsWith('.')) || IsRootReadme(f));

        var oldSite = _site;
        var oldContext = _context;
        if (plan.Config)
        {
            var bag = new DiagnosticBag();
            _config = SiteConfigReader.Read(Path.Combine(_root, "site.yaml"), DisplayPath.For(Path.Combine(_root, "site.yaml")), bag);
            _bibliography = BibliographyReader.Read(Path.Combine(_root, "sources.yaml"), DisplayPath.For(Path.Combine(_root, "sources.yaml")), bag);
            _loadDiagnostics.Remove(DisplayPath.For(Path.Combine(_root, "site.yaml")));
            _loadDiagnostics.Remove(DisplayPath.For(Path.Combine(_root, "sources.yaml")));
            foreach (var group in bag.Sorted().GroupBy(d => d.Path)) _loadDiagnostics[group.Key] = group.ToList();
        }
        if (plan.Theme && !LoadTheme(out var fatal)) return Done(clock, plan, 0, committed: false, fatal);

        // Reload the changed files; parse the new versions.
        _documents = new Dictionary<Entry, MarkdownDocument>(_documents, ReferenceEqualityComparer.Instance);
        var changes = new List<ContentChange>();
        foreach (var relative in contentFiles)
        {
            var full = Path.Combine(_root, relative);
            var display = DisplayPath.For(full);
            _entries.TryGetValue(relative, out var old);
            Entry? updated = null;
            _loadDiagnostics.Remove(display);
            if (OrdinaryFile.Exists(full))
            {
                var bag = new DiagnosticBag();
                updated = ContentLoader.LoadEntry(full, relative, display, bag);
                if (updated is not null && updated.Draft && !_includeDrafts) updated = null;
                if (bag.Sorted() is { Count: > 0 } found) _loadDiagnostics[display] = found.ToList();
            }
            if (old is null && updated is null) continue;
            var oldKeys = _outKeys.GetValueOrDefault(relative) ?? [];
            if (old is not null)
            {
                _entries.Remove(relative);
                _documents.Remove(old);
            }
            if (updated is not null)
            {
                _entries[relative] = updated;
                var document = PeerCommons.Markdown.MarkdownPipelines.Parse(updated.File.Body, MarkdownPipelines.Learner);
                _documents[updated] = document;
                SetOutKeys(relative, OutKeys(updated, document));
            }
            else SetOutKeys(relative, []);
            changes.Add(new ContentChange(old, updated, oldKeys, _outKeys.GetValueOrDefault(relative) ?? []));
            // Redirects follow aliases, and an alias is dropped where a key took its address: only these
            // changes move them. A redirect page also names its target (most entries have no alias).
            if (old is null || updated is null || !old.Aliases.SequenceEqual(updated.Aliases)) plan.Redirects = true;
            else if (old.Title != updated.Title && old.Aliases.Count > 0) plan.RetitledRedirectTargets.Add(updated.Key);
        }
        return Finish(clock, plan, oldSite, oldContext, changes);
    }

    private string? KnownRelative(string displayPath)
    {
        var full = Path.GetFullPath(displayPath);
        return IsUnder(full, _root) ? Path.GetRelativePath(_root, full).Replace('\\', '/') : null;
    }

    private static bool IsRootReadme(string relative) =>
        !relative.Contains('/') && relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && relative.StartsWith("README", StringComparison.OrdinalIgnoreCase);

    private static bool IsUnder(string full, string folder) =>
        full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // ---------------------------------------------------------------- shared tail: validate, plan, render, commit

    private RebuildOutcome Finish(Stopwatch clock, Plan plan, Site? oldSite, RenderContext? oldContext, List<ContentChange> changes)
    {
        var site = new Site(_config, _bibliography, _entries.Values.ToList());
        var incremental = !plan.All && oldSite is not null && oldContext is not null;
        // Keys that came or went can change what any page shows of any entry (and what every check
        // finds): the whole-site caches then start afresh; otherwise only the edited entries count.
        var keysKept = incremental && !changes.Any(c => c.ChangesKeys);
        var parsed = new ParsedContent(site, _documents);
        _siteDiagnostics = _checks.Run(site, parsed, keysKept ? changes : null);

        var sink = new MemorySink();
        var assets = _assets;
        if ((plan.All || assets is null) && _theme is not null)
        {
            // Missing lunr.js or markdown-it (npm ci not run) only means no search or form preview, but the person must be told.
            SearchProblem = ThemeAssets.Lunr(_theme) is null || ThemeAssets.MarkdownIt(_theme) is null
                ? ThemeAssets.MissingNpmScripts(_theme) : null;
            assets = ThemeAssets.Publish(_theme, sink, ThemeAssets.FromNpm(_theme));
        }
        var context = new RenderContext(site, parsed, assets!, new DiagnosticBag(), keysKept ? _reverseLinks.Patch(changes, oldSite!, site) : null);
        if (keysKept) _listItems.Forget(changes);
        else
        {
            _reverseLinks.Reset(context);
            _listItems.Clear();
        }

        if (incremental) PlanChanges(plan, changes, oldSite!, oldContext!, site, context);
        var work = _pending.Union(plan);

        var rendered = Render(work, site, context, sink, out var pagesByKey, out var indexPages, out var redirects);
        _site = site;
        _context = context;
        _assets = assets;

        _diagnostics = _loadDiagnostics.Values.SelectMany(d => d)
            .Concat(_siteDiagnostics).Concat(_themeDiagnostics)
            .Concat(_renderDiagnostics.Values.SelectMany(d => d))
            .Distinct()
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        var errors = _diagnostics.Where(d => d.Severity == Severity.Error).Select(Signature).ToHashSet(StringComparer.Ordinal);
        // The first build is served whatever it found; later, a rebuild that brings a new error keeps the last good pages.
        var commit = _served.Count == 0 || errors.All(_committedErrors.Contains);
        if (commit)
        {
            Commit(work, site, sink, pagesByKey, indexPages, redirects);
            lock (_searchLock) { _committedContext = context; _searchIndex = null; }
            _committedErrors = errors;
            _pending = new Plan();
        }
        else
        {
            _pending = work;
            _feeds.Forget();
        }
        return Done(clock, work, rendered, commit, null);
    }

    private RebuildOutcome Done(Stopwatch clock, Plan plan, int rendered, bool committed, string? fatal)
    {
        _number++;
        if (fatal is not null) _pending = _pending.Union(plan);
        return new RebuildOutcome(_number, committed, plan.All, rendered, clock.Elapsed, _diagnostics, fatal);
    }

    /// <summary>
    /// Records a rebuild that threw (a bug, or input no check foresaw): the last good pages stay
    /// served, the error is reported like a fatal one, and the next change rebuilds from scratch.
    /// </summary>
    public RebuildOutcome Crashed(Exception error, TimeSpan elapsed, IReadOnlyCollection<string> changedPaths)
    {
        _needsFullBuild = true;
        _number++;
        var files = changedPaths.Where(p => p != _root).Select(p => DisplayPath.For(p)).Order(StringComparer.Ordinal).Take(3).ToList();
        var after = files.Count == 0 ? "" : $" after a change to {string.Join(", ", files)}";
        return new RebuildOutcome(_number, false, true, 0, elapsed, _diagnostics,
            $"internal error{after}: {error.GetType().Name}: {error.Message} (a bug in PeerCommons; the last good pages are still served, and the next edit rebuilds everything)");
    }

    /// <summary>Tests only: runs before each build or change is applied, so a test can make a rebuild throw.</summary>
    internal Action<IReadOnlyCollection<string>>? FaultForTests { get; set; }

    private static string Signature(Diagnostic d) => $"{d.Path}\n{d.Code}\n{d.Message}";

    /// <summary>
    /// Which pages a change can affect. The changed entries and their "family" (an annotation's
    /// target and community; a module's curriculum and sibling modules; a curriculum's modules) are
    /// always re-rendered. Entries linked to them (either way) are re-rendered when what other pages
    /// show of an entry (its "face": list item, title, fields, headings, anchors) changed, or when
    /// the link itself was added or removed; a changed face also re-renders home, its kind list and
    /// its tags' pages. Feeds and the sitemap follow dates, tags and which pages exist.
    /// </summary>
    private void PlanChanges(Plan plan, List<ContentChange> changes, Site oldSite, RenderContext oldContext, Site site, RenderContext context)
    {
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Old is not null) seeds.Add(change.Old.Key);
            if (change.New is not null) seeds.Add(change.New.Key);
            // Links added or removed: the other end's "related" list changes.
            foreach (var key in change.OldKeys.Except(change.NewKeys).Concat(change.NewKeys.Except(change.OldKeys))) plan.Keys.Add(key);
        }
        // The sitemap lists every page with its date, and every tag; feeds show what has a date.
        plan.AllFeeds |= changes.Any(c => c.ChangesKeys || c.ChangesTags || c.Old!.Updated != c.New!.Updated);
        plan.RecentFeed |= _feeds.MayChangeRecent(changes, site.Config.FeedEntries);

        // The changed files' old links (gone from the index by now) still count as neighbours.
        var oldLinks = changes.SelectMany(c => c.OldKeys).ToList();

        var family = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in seeds) { AddFamily(family, key, oldSite); AddFamily(family, key, site); }
        var candidates = new HashSet<string>(family, StringComparer.Ordinal);
        foreach (var key in family) candidates.UnionWith(Neighbours(key, oldSite, site));
        candidates.UnionWith(oldLinks);
        plan.Keys.UnionWith(family);

        foreach (var key in candidates)
        {
            var before = oldSite.ByKey.GetValueOrDefault(key);
            var after = site.ByKey.GetValueOrDefault(key);
            var faceBefore = before is null ? null : Face(before, oldContext);
            var faceAfter = after is null ? null : Face(after, context);
            if (faceBefore == faceAfter) continue;
            plan.Keys.Add(key);
            plan.Keys.UnionWith(Neighbours(key, oldSite, site));
            if (before is not null) AddFamily(plan.Keys, key, oldSite);
            if (after is not null) AddFamily(plan.Keys, key, site);
            plan.Listings = true;
            // The tag index counts each tag's pages.
            if (before is null || after is null || !before.Tags.SequenceEqual(after.Tags, StringComparer.Ordinal)) plan.TagIndex = true;
            foreach (var entry in new[] { before, after }.OfType<Entry>())
            {
                plan.Kinds.Add(entry.Kind);
                plan.Tags.UnionWith(entry.Tags);
            }
            // Lists offer to filter by the communities that annotated their entries, by the community's title.
            if (before?.Kind == EntryKind.Community || after?.Kind == EntryKind.Community)
                if (before?.Title != after?.Title) PlanListsAnnotatedBy(plan, key["communities/".Length..], oldContext, context);
        }
        // Annotations have no page: their target's and community's pages show them.
        foreach (var key in plan.Keys.ToList()) { AddFamily(plan.Keys, key, oldSite, annotationsOnly: true); AddFamily(plan.Keys, key, site, annotationsOnly: true); }
    }

    /// <summary>The lists (kinds and tags) that show an entry annotated by this community, before or after the edit.</summary>
    private static void PlanListsAnnotatedBy(Plan plan, string communityId, RenderContext oldContext, RenderContext context)
    {
        foreach (var c in new[] { oldContext, context })
            foreach (var annotation in c.AnnotationsBy(communityId))
                if (annotation.AnnotationTargetKey is { } key && c.Site.ByKey.TryGetValue(key, out var target))
                {
                    plan.Kinds.Add(target.Kind);
                    plan.Tags.UnionWith(target.Tags);
                }
    }

    private static void AddFamily(HashSet<string> into, string key, Site site, bool annotationsOnly = false)
    {
        into.Add(key);
        if (!site.ByKey.TryGetValue(key, out var entry)) return;
        switch (entry.Kind)
        {
            case EntryKind.Annotation:
                if (entry.AnnotationTargetKey is { } target) into.Add(target);
                into.Add($"communities/{entry.CommunityId}");
                break;
            case EntryKind.Module when !annotationsOnly:
                into.Add($"curricula/{entry.CurriculumId}");
                foreach (var module in site.ModulesOf(entry.CurriculumId!)) into.Add(module.Key);
                break;
            case EntryKind.Curriculum when !annotationsOnly:
                foreach (var module in site.ModulesOf(entry.Id)) into.Add(module.Key);
                break;
        }
    }

    /// <summary>Keys linked to <paramref name="key"/> either way, in the old and the new site.</summary>
    private IEnumerable<string> Neighbours(string key, Site oldSite, Site site)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (_inRefs.TryGetValue(key, out var referrers))
            foreach (var relative in referrers)
                if (_entries.TryGetValue(relative, out var referrer)) result.Add(referrer.Key);
        foreach (var s in new[] { oldSite, site })
        {
            if (!s.ByKey.TryGetValue(key, out var entry)) continue;
            result.UnionWith(entry.Related);
            result.UnionWith(entry.FieldList("values"));
            foreach (var annotation in s.AnnotationsOf(key)) result.Add(annotation.Key);
            result.UnionWith(_outKeys.GetValueOrDefault(entry.ContentPath) ?? []);
        }
        return result;
    }

    /// <summary>What pages of other entries show of this one.</summary>
    private static string Face(Entry entry, RenderContext context)
    {
        var fields = string.Join("\u0001", entry.Fields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Show(p.Value)));
        return string.Join("\u0002",
            JsonSerializer.Serialize(context.ListItem("a/b/", entry)),
            entry.Kind, entry.Title, entry.Summary, string.Join(",", entry.Tags), entry.Updated, entry.Order, string.Join(",", entry.Aliases),
            fields,
            string.Join(",", context.Parsed.HeadingsOf(entry)),
            string.Join(",", PageAnchors.Of(entry, context.Site)));
    }

    private static string Show(object value) => value switch
    {
        IEnumerable<string> list => string.Join("\u0003", list),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static string[] OutKeys(Entry entry, MarkdownDocument document)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage || !XrefsExtension.IsXref(link.Url)) continue;
            var reference = link.Url![XrefsExtension.Scheme.Length..];
            var hash = reference.IndexOf('#');
            keys.Add((hash < 0 ? reference : reference[..hash]).Trim('/'));
        }
        keys.UnionWith(entry.Related);
        keys.UnionWith(entry.FieldList("values"));
        if (entry.AnnotationTargetKey is { } target) keys.Add(target);
        if (entry.Kind == EntryKind.Annotation) keys.Add($"communities/{entry.CommunityId}");
        if (entry.Kind == EntryKind.Module) keys.Add($"curricula/{entry.CurriculumId}");
        return keys.ToArray();
    }

    private void SetOutKeys(string relative, string[] keys)
    {
        if (_outKeys.TryGetValue(relative, out var old))
            foreach (var key in old)
                if (_inRefs.TryGetValue(key, out var set)) { set.Remove(relative); if (set.Count == 0) _inRefs.Remove(key); }
        if (keys.Length == 0) { _outKeys.Remove(relative); return; }
        _outKeys[relative] = keys;
        foreach (var key in keys)
        {
            if (!_inRefs.TryGetValue(key, out var set)) _inRefs[key] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(relative);
        }
    }

    // ---------------------------------------------------------------- render and commit

    private int Render(Plan plan, Site site, RenderContext context, MemorySink sink,
        out Dictionary<string, List<string>> pagesByKey, out List<string> indexPages, out Dictionary<string, string> redirects)
    {
        var templates = _templates!;
        if (templates.HasErrors)
        {
            // The theme's diagnostics say what is wrong; rendering every page with it would only repeat them.
            (pagesByKey, indexPages, redirects) = (new(StringComparer.Ordinal), [], new(StringComparer.Ordinal));
            return 0;
        }
        var entries = (plan.All ? site.Pages : plan.Keys.Select(k => site.ByKey.GetValueOrDefault(k)).OfType<Entry>()
                .Where(e => e.Kind != EntryKind.Annotation))
            .Distinct().ToList();

        // The render findings of these files are found again now.
        var oldEntries = _site is null ? [] : plan.Keys.Select(k => _site.ByKey.GetValueOrDefault(k)).OfType<Entry>().SelectMany(e => Uses(e, _site));
        if (plan.All) _renderDiagnostics.Clear();
        foreach (var entry in entries.SelectMany(e => Uses(e, site)).Concat(oldEntries)) _renderDiagnostics.Remove(entry.Path);

        var pages = new System.Collections.Concurrent.ConcurrentDictionary<string, List<string>>(StringComparer.Ordinal);
        var count = 0;
        var allFeeds = plan.All || plan.AllFeeds;
        Parallel.ForEach(entries, entry =>
        {
            var paths = new List<string>();
            foreach (var (page, view) in EntryPageBuilder.Build(entry, context))
            {
                BuildPipeline.WritePage(page, view, entry.Kind == EntryKind.Page ? null : entry.Kind.Folder(), entry, context, templates, sink, new LinkChecker());
                paths.Add(SitePaths.FileOf(page));
                Interlocked.Increment(ref count);
            }
            // A community's feed goes with its page: every edit of the community or its annotations re-renders that page.
            if (entry.Kind == EntryKind.Community)
            {
                if (!allFeeds) SiteFeeds.WriteCommunity(entry, context, sink);
                paths.Add(SiteFeeds.CommunityPath(entry));
            }
            // A curriculum's print views go with its pages (they render its modules' parses, which rendering never changes).
            if (entry.Kind == EntryKind.Curriculum)
                foreach (var (page, view) in PrintPage.Build(entry, context))
                {
                    BuildPipeline.WritePage(page, view, "curricula", null, context, templates, sink, new LinkChecker());
                    paths.Add(SitePaths.FileOf(page));
                    Interlocked.Increment(ref count);
                }
            pages[entry.Key] = paths;
        });
        pagesByKey = new Dictionary<string, List<string>>(pages, StringComparer.Ordinal);

        // Lists, tags, home and the like; then redirects. Which index pages there are changes only with the tags.
        var others = new List<(string Page, Func<Render.Views.PageView> View)>();
        if (plan.All || plan.TagIndex)
        {
            indexPages = [];
            foreach (var (page, view) in IndexPageBuilder.Pages(context, _listItems.For(context)))
            {
                indexPages.Add(page);
                if (plan.All || WantIndexPage(page, plan)) others.Add((page, view));
            }
        }
        else
        {
            indexPages = _indexPages;
            foreach (var page in indexPages)
                if (WantIndexPage(page, plan) && IndexPageBuilder.Page(page, context, _listItems.For(context)) is { } view) others.Add((page, view));
        }
        // Redirect pages name their target and follow its aliases: rebuilt only when those can have changed.
        var redirectsChanged = plan.All || plan.Redirects;
        if (redirectsChanged)
        {
            redirects = new Dictionary<string, string>(StringComparer.Ordinal);
            var targets = Redirects.Targets(site).ToDictionary(t => t.Alias + "/", t => RedirectSignature(t.Target), StringComparer.Ordinal);
            foreach (var (page, view) in Redirects.Pages(context))
            {
                redirects[SitePaths.FileOf(page)] = targets.GetValueOrDefault(page, "");
                if (plan.All || _redirects.GetValueOrDefault(SitePaths.FileOf(page)) != redirects[SitePaths.FileOf(page)]) others.Add((page, () => view));
            }
        }
        else
        {
            redirects = _redirects;
            // A retitled entry's redirect pages name it anew; the _redirects file has no titles.
            var retitled = plan.RetitledRedirectTargets.Select(k => site.ByKey.GetValueOrDefault(k)).OfType<Entry>().ToList();
            if (retitled.Count > 0)
            {
                redirects = new Dictionary<string, string>(_redirects, StringComparer.Ordinal);
                var retitledPages = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in retitled)
                    foreach (var alias in entry.Aliases.Select(Aliases.Normalize).OfType<string>())
                    {
                        var file = SitePaths.FileOf(alias + "/");
                        if (!redirects.TryGetValue(file, out var signature) || !signature.StartsWith(entry.Key + "\n", StringComparison.Ordinal)) continue;
                        retitledPages.Add(alias + "/");
                        redirects[file] = RedirectSignature(entry);
                    }
                foreach (var (page, view) in Redirects.Pages(context))
                    if (retitledPages.Contains(page)) others.Add((page, () => view));
            }
        }
        // Views are built on the workers too: a kind's list builds thousands of items.
        Parallel.ForEach(others, item =>
        {
            var section = item.Page.Split('/')[0];
            BuildPipeline.WritePage(item.Page, item.View(), EntryKinds.Listed.Any(k => k.Folder() == section) ? section : null, null, context, templates, sink, new LinkChecker());
            Interlocked.Increment(ref count);
        });
        if (redirectsChanged) sink.Write("_redirects", Redirects.NetlifyFile(site));
        if (allFeeds) _feeds.WriteAll(context, sink);
        else if (plan.RecentFeed) _feeds.WriteRecent(context, sink);
        if (plan.All) foreach (var (path, bytes) in PrintPage.QrCodes(site)) sink.Write(path, bytes);
        // The propose form's choices follow the lists; a heading edited in place refreshes on the next full render.
        if (plan.All || plan.Listings) sink.Write(PeerCommons.Render.Propose.ProposeFormData.ScriptPath, PeerCommons.Render.Propose.ProposeFormData.Script(context));
        if (plan.All) Schema.JsonSchemas.Publish(sink);

        foreach (var group in context.Diagnostics.Sorted().GroupBy(d => d.Path))
        {
            if (!_renderDiagnostics.TryGetValue(group.Key, out var list)) _renderDiagnostics[group.Key] = list = [];
            list.AddRange(group);
        }
        return count;
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

    private static bool WantIndexPage(string page, Plan plan)
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

    private void Commit(Plan plan, Site site, MemorySink sink, Dictionary<string, List<string>> pagesByKey, List<string> indexPages, Dictionary<string, string> redirects)
    {
        Dictionary<string, byte[]> served;
        if (plan.All)
        {
            served = new Dictionary<string, byte[]>(sink.Files, StringComparer.Ordinal);
            _pagesByKey = pagesByKey;
        }
        else
        {
            served = new Dictionary<string, byte[]>(_served, StringComparer.Ordinal);
            foreach (var key in plan.Keys)
            {
                if (_pagesByKey.Remove(key, out var old)) foreach (var path in old) served.Remove(path);
                if (pagesByKey.TryGetValue(key, out var now)) _pagesByKey[key] = now;
            }
            foreach (var page in _indexPages.Except(indexPages)) served.Remove(SitePaths.FileOf(page));
            foreach (var path in _redirects.Keys.Except(redirects.Keys)) served.Remove(path);
            foreach (var (path, bytes) in sink.Files) served[path] = bytes;
        }
        _indexPages = indexPages;
        _redirects = redirects;
        _served = served;
    }

    private sealed class Plan
    {
        public bool All;
        public bool Theme;
        public bool Config;
        /// <summary>Home (and any list page this engine does not know) may show something else.</summary>
        public bool Listings;
        /// <summary>The tag index may count differently, and tag pages may have come or gone.</summary>
        public bool TagIndex;
        /// <summary>Aliases may lead elsewhere now: every redirect, and the _redirects file.</summary>
        public bool Redirects;
        /// <summary>Entries with aliases whose title changed: their redirect pages show it.</summary>
        public HashSet<string> RetitledRedirectTargets { get; } = new(StringComparer.Ordinal);
        /// <summary>Every feed and the sitemap are written again.</summary>
        public bool AllFeeds;
        /// <summary>feed.xml may show other entries.</summary>
        public bool RecentFeed;
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);
        public HashSet<EntryKind> Kinds { get; } = [];

        public Plan Union(Plan other)
        {
            var plan = new Plan
            {
                All = All || other.All, Theme = Theme || other.Theme, Config = Config || other.Config, Listings = Listings || other.Listings,
                TagIndex = TagIndex || other.TagIndex, Redirects = Redirects || other.Redirects, AllFeeds = AllFeeds || other.AllFeeds, RecentFeed = RecentFeed || other.RecentFeed,
            };
            plan.Keys.UnionWith(Keys); plan.Keys.UnionWith(other.Keys);
            plan.Tags.UnionWith(Tags); plan.Tags.UnionWith(other.Tags);
            plan.Kinds.UnionWith(Kinds); plan.Kinds.UnionWith(other.Kinds);
            plan.RetitledRedirectTargets.UnionWith(RetitledRedirectTargets); plan.RetitledRedirectTargets.UnionWith(other.RetitledRedirectTargets);
            return plan;
        }
    }
}
