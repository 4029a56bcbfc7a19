using System.Diagnostics;
using PeerCommons.Diagnostics;
using PeerCommons.Index;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Pipeline;
using PeerCommons.Render;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The one engine behind build, check and serve: loads and parses the content, runs the site-wide
/// checks, renders the pages a plan names into an <see cref="IOutputSink"/>, checks every internal
/// link. A full build is this engine run from empty. build and check run it once into a staging or
/// discarding sink (<see cref="RunOnce"/>); serve keeps it, renders into memory, and after a change
/// reloads only the changed files and re-renders only the pages that can show something of it
/// (<see cref="Apply"/>). Not thread-safe: one caller applies changes; <see cref="TryGetFile"/> may
/// be called from any thread.
/// </summary>
public sealed class SiteEngine
{
    private readonly string _root;
    private readonly string? _themeOption;
    private readonly string? _themeOverridesOption;
    private readonly bool _includeDrafts;
    /// <summary>serve: the site is kept in memory and changes are applied; otherwise it is streamed once to a sink.</summary>
    private readonly bool _serving;

    private readonly ContentModel _model;
    private readonly SiteChecks _checks;
    private readonly IncrementalReverseLinks _reverseLinks = new();
    private readonly ChangePlanner _planner;
    /// <summary>What each page read when it was last rendered (serve only).</summary>
    private readonly PageDependencies? _dependencies;
    private readonly PageRenderer _renderer;
    private readonly SiteLinkCheck _links = new();
    private readonly SearchIndexing _search = new();
    private readonly ServedSite _served = new();

    private ThemeLayers? _theme;
    private ThemeTemplates? _templates;
    private AssetPaths? _assets;
    private List<Diagnostic> _themeDiagnostics = [];
    private IReadOnlyList<Diagnostic> _siteDiagnostics = [];
    private IReadOnlyList<Diagnostic> _diagnostics = [];
    private Site? _site;
    private RenderContext? _context;
    private HashSet<string> _committedErrors = new(StringComparer.Ordinal);
    /// <summary>What rebuilds that were not served rendered: rendered again with the next change.</summary>
    private RenderPlan _pending = new();
    private int _number;
    /// <summary>Set when a rebuild threw: the model may be half-updated, so the next change rebuilds everything.</summary>
    private bool _needsFullBuild;

    /// <summary>The engine of the preview server (serve): keeps the site in memory.</summary>
    public SiteEngine(string contentDirectory, string? themeDirectory = null, bool includeDrafts = false, string? themeOverrides = null)
        : this(contentDirectory, themeDirectory, includeDrafts, themeOverrides, baseUrl: null, serving: true) { }

    private SiteEngine(string contentDirectory, string? themeDirectory, bool includeDrafts, string? themeOverrides, string? baseUrl, bool serving)
    {
        _root = Path.GetFullPath(contentDirectory);
        _themeOption = themeDirectory;
        _themeOverridesOption = themeOverrides;
        _includeDrafts = includeDrafts;
        _serving = serving;
        _model = new ContentModel(_root, includeDrafts, baseUrl);
        // Serve records what each page, list item and anchor check reads and keeps list items between
        // rebuilds; a single run (build, check) makes everything once, so it records nothing and would only hold the items to the end.
        _checks = new SiteChecks(_root, serving ? new PageDependencies() : null);
        _dependencies = serving ? new PageDependencies() : null;
        _planner = new ChangePlanner(_dependencies ?? new PageDependencies());
        _renderer = new PageRenderer(new IncrementalFeeds(_dependencies), new IncrementalProposeData(_dependencies), serving ? new ListItemCache() : null, _dependencies);
    }

    /// <summary>The engine of one build or check run, which streams the site to a sink and keeps no page.</summary>
    internal static SiteEngine ForOneRun(BuildOptions options) =>
        new(options.ContentDirectory, options.ThemeDirectory, options.IncludeDrafts, options.ThemeOverridesDirectory, options.BaseUrl, serving: false)
        {
            RequireSearchScripts = options.WriteOutput,
            _search = { DocumentsPerPart = options.SearchDocumentsPerPart },
        };

    public string ContentRoot => _root;
    /// <summary>The theme's layers (bundled, and the site's own folder when there is one).</summary>
    public ThemeLayers? Theme => _theme ?? ThemeLocator.Find(Options);
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;
    /// <summary>serve: the files served now (the search index is made on demand: <see cref="TryGetFile"/>).</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _served.Files;
    public int Number => _number;

    /// <summary>Why search does not work with this theme (lunr.js not installed), or null when it does.</summary>
    public string? SearchProblem { get; private set; }

    /// <summary>build: a missing npm script is an error that stops the run (serve only warns).</summary>
    private bool RequireSearchScripts { get; init; }

    /// <summary>The search payload a run wrote beside rendering.</summary>
    internal SearchIndexStage.Payload? SearchPayload { get; private set; }

    private BuildOptions Options => new() { ContentDirectory = _root, ThemeDirectory = _themeOption, ThemeOverridesDirectory = _themeOverridesOption, IncludeDrafts = _includeDrafts, WriteOutput = false };

    /// <summary>The search index's files of the site served (made on first request after a rebuild).</summary>
    public IReadOnlyDictionary<string, byte[]> SearchFiles => _search.Files() ?? new Dictionary<string, byte[]>();

    public bool TryGetFile(string path, out byte[] bytes)
    {
        // The index's files are under search/, beside the search page itself.
        if (path.StartsWith(SearchIndexStage.Folder, StringComparison.Ordinal) && _search.Files()?.TryGetValue(path, out bytes!) == true) return true;
        return _served.Files.TryGetValue(path, out bytes!);
    }

    // ---------------------------------------------------------------- the three drivers' entry points

    /// <summary>serve: loads everything and renders the whole site into memory (the first build, and the fallback when a change cannot be narrowed down).</summary>
    public RebuildOutcome BuildAll() => RunFull(new StageClock(), () => new MemorySink());

    /// <summary>build and check: one full run into the sink <paramref name="openSink"/> opens once the content is loaded and checked.</summary>
    internal RebuildOutcome RunOnce(StageClock stages, Func<IOutputSink> openSink) => RunFull(stages, openSink);

    /// <summary>serve: applies changes to files (full paths) under the content or theme folder.</summary>
    public RebuildOutcome Apply(IEnumerable<string> changedPaths)
    {
        if (_site is null || _context is null || _needsFullBuild) return BuildAll();
        var paths = changedPaths.ToList();
        FaultForTests?.Invoke(paths);
        var clock = Stopwatch.StartNew();
        // The site's theme folder may not exist yet when serve starts: a file put there later is a theme change too.
        string[] themeRoots = _theme is null ? [] : [.. _theme.Roots, ThemeLocator.SiteFolder(Options)];
        if (ChangeScanner.Scan(paths, _root, themeRoots, _model) is not { } scanned) return BuildAll();

        // Declared, not recorded: every page reads site.yaml, sources.yaml and the theme (layout,
        // header, citations, templates) without a lookup that records, so a change to them renders everything.
        var plan = new RenderPlan { All = scanned.Theme || scanned.Config, Theme = scanned.Theme, Config = scanned.Config };
        if (plan.Config) _model.ReloadConfig();
        _model.BeginChanges();
        var changes = new List<ContentChange>();
        foreach (var relative in scanned.ContentFiles)
        {
            if (_model.Reload(relative) is not { } change) continue;
            changes.Add(change);
        }
        return Finish(clock, plan, _site, _context, changes, new StageClock(), () => new MemorySink());
    }

    private RebuildOutcome RunFull(StageClock stages, Func<IOutputSink> openSink)
    {
        _needsFullBuild = false;
        FaultForTests?.Invoke([_root]);
        var clock = Stopwatch.StartNew();
        // The theme does not depend on the content: it is read while the content loads, instead of after
        // it with one core idle (0.23 s of templates parsed, and Fluid's first use, on a 10,000-entry build).
        var theme = new BesideWork<ThemeRead>();
        theme.Start(() => ThemeRead.From(Options));
        try
        {
            _model.LoadAll(stages);
            return Finish(clock, new RenderPlan { All = true, Theme = true }, oldSite: null, oldContext: null, changes: [], stages, openSink, theme);
        }
        finally
        {
            theme.Settle(); // only when the run failed before it was used
        }
    }

    // ---------------------------------------------------------------- the shared tail: check, plan, render, check links, commit

    private RebuildOutcome Finish(Stopwatch clock, RenderPlan plan, Site? oldSite, RenderContext? oldContext, List<ContentChange> changes,
        StageClock stages, Func<IOutputSink> openSink, BesideWork<ThemeRead>? theme = null)
    {
        var site = _model.Snapshot();
        var incremental = !plan.All && oldSite is not null && oldContext is not null;
        // Keys that came or went can change what any page shows of any entry (and what every check
        // finds): the whole-site caches then start afresh; otherwise only the edited entries count.
        var keysKept = incremental && !changes.Any(c => c.ChangesKeys);
        var parsed = new ParsedContent(site, _model.Documents);
        // The value of each read on the site as it is now: what recorded reads are compared with.
        var prints = new ReadPrints(site, parsed);
        _siteDiagnostics = stages.Run("validate", () => _checks.Run(site, parsed, keysKept ? changes : null, prints));

        if (plan.Theme && !LoadTheme(stages, theme, out var fatal))
            return Done(clock, plan, 0, committed: false, fatal);
        var sink = openSink();
        var assets = _assets;
        if (plan.All || assets is null)
        {
            // Missing lunr.js or markdown-it (npm ci not run) means no search or form preview: build stops, serve warns.
            SearchProblem = ThemeAssets.Lunr(_theme!) is null || ThemeAssets.MarkdownIt(_theme!) is null ? ThemeAssets.MissingNpmScripts(_theme!) : null;
            if (RequireSearchScripts && SearchProblem is not null) throw new IOException(SearchProblem);
            assets = stages.Run("assets", () => ThemeAssets.Publish(_theme!, sink, ThemeAssets.FromNpm(_theme!)));
        }
        var context = new RenderContext(site, parsed, assets!, new DiagnosticBag(), keysKept ? _reverseLinks.Patch(changes, oldSite!, site) : null);
        prints.Context = context;
        if (!keysKept) _reverseLinks.Reset(context);

        if (incremental) _planner.Plan(plan, changes, prints);
        var work = _pending.Union(plan);
        _renderer.ForgetListItems(work.All ? null : work.Readers);
        if (work.All) _links.Clear();
        // build and check make everything once and record nothing, so the search index and the site
        // files need nothing rendering finds: they are made on threads of their own while the pages
        // render, instead of after them with one core idle (feeds, propose data and QR codes took 0.75 s
        // of a 10,000-entry build's 14 s that way). serve makes them after rendering, as its plan and reads say.
        var siteFiles = new BesideWork<IReadOnlyList<string>>();
        if (!_serving)
        {
            _search.StartBeside(context, sink);
            siteFiles.Start(() => _renderer.WriteSiteFiles(work, context, prints, sink));
        }
        RenderedPages rendered;
        IReadOnlyList<string> gone;
        try
        {
            rendered = stages.Run("render", () => _renderer.Render(work, oldSite, context, prints, _templates!, sink, _links));
            gone = siteFiles.Running
                ? stages.Announce("feeds", () => siteFiles.Finish(stages, "feeds"))
                : stages.Run("feeds", () => _renderer.WriteSiteFiles(work, context, prints, sink));
            _renderer.KeepFindings(context);
            SearchPayload = _search.Finish(stages);
        }
        catch
        {
            siteFiles.Settle();
            _search.Settle();
            throw;
        }
        _site = site;
        _context = context;
        _assets = assets;

        var diagnostics = Merge([]);
        var candidate = _serving ? _served.Propose(work, (MemorySink)sink, rendered, gone, _renderer) : null;
        // Links are checked only on a site without other errors (a broken page would only be reported twice).
        if (!diagnostics.Any(d => d.Severity == Severity.Error))
        {
            var broken = stages.Run("links", () => candidate is null
                ? _links.Check(sink.Sizes.Keys, site)
                : _links.CheckServed(candidate, () => ServedPaths(candidate.Files, assets!), site));
            if (broken.Count > 0) diagnostics = Merge(broken);
        }
        _diagnostics = diagnostics;
        if (candidate is null) return Done(clock, work, rendered.Count, committed: !diagnostics.Any(d => d.Severity == Severity.Error), null);

        var errors = diagnostics.Where(d => d.Severity == Severity.Error).Select(Signature).ToHashSet(StringComparer.Ordinal);
        // The first build is served whatever it found; later, a rebuild that brings a new error keeps the last good pages.
        var commit = _served.IsEmpty || errors.All(_committedErrors.Contains);
        if (commit)
        {
            _served.Commit(work, candidate, rendered);
            _renderer.Committed(rendered);
            _search.Committed(context);
            _committedErrors = errors;
            _pending = new RenderPlan();
        }
        else
        {
            _pending = work;
        }
        return Done(clock, work, rendered.Count, commit, null);
    }

    /// <summary>
    /// The files serving this candidate gives: its own, the search index (made on request), and the
    /// npm scripts serve has warned are not installed (build refuses to run without them).
    /// </summary>
    private HashSet<string> ServedPaths(Dictionary<string, byte[]> candidate, AssetPaths assets)
    {
        var files = new HashSet<string>(candidate.Keys, StringComparer.Ordinal);
        files.UnionWith(SearchIndexing.Paths);
        if (SearchProblem is not null) foreach (var script in new[] { "lunr.min.js", "markdown-it.min.js" }) files.Add(assets.Named(script));
        return files;
    }

    /// <summary>Every finding now: loading, site-wide checks, theme, rendering, and the given ones, in the order build reports them.</summary>
    private List<Diagnostic> Merge(IEnumerable<Diagnostic> more) =>
        _model.LoadDiagnostics.Concat(_siteDiagnostics).Concat(_themeDiagnostics).Concat(_renderer.Findings).Concat(more)
            .Distinct()
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();

    /// <param name="beside">The theme being read beside loading (a full run), or null: read it now (serve, after a theme change).</param>
    private bool LoadTheme(StageClock stages, BesideWork<ThemeRead>? beside, out string? fatal)
    {
        fatal = null;
        var read = beside is { Running: true }
            ? stages.Announce("theme", () => beside.Finish(stages, "theme"))
            : stages.Run("theme", () => ThemeRead.From(Options));
        _theme = read.Layers;
        if (_theme is null)
        {
            fatal = "no theme found: pass --theme with the folder that holds templates/ and assets/";
            return false;
        }
        _templates = read.Templates;
        _themeDiagnostics = [.. read.Diagnostics];
        return true;
    }

    private RebuildOutcome Done(Stopwatch clock, RenderPlan plan, int rendered, bool committed, string? fatal)
    {
        _number++;
        if (fatal is not null)
        {
            _pending = _pending.Union(plan);
            _diagnostics = Merge([]);
        }
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
}
