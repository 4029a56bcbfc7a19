using Markdig.Syntax;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Engine;

/// <summary>
/// The content as the engine knows it now: every entry by content path, site.yaml, sources.yaml,
/// each entry's parsed Markdown, and what loading found in each file (kept even when it has
/// errors). build and check fill it once; serve keeps it and reloads only the files that changed.
/// </summary>
internal sealed class ContentModel(string root, bool includeDrafts, string? baseUrl)
{
    private readonly SortedDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Diagnostic>> _loadDiagnostics = new(StringComparer.Ordinal);
    /// <summary>When each file was last committed: a reloaded file keeps its "last changed" date, as in a full load.</summary>
    private GitHistory _history = GitHistory.Empty;

    public SiteConfig Config { get; private set; } = new();
    public IReadOnlyDictionary<string, Source> Bibliography { get; private set; } = new Dictionary<string, Source>();
    /// <summary>Copy-on-write: a committed context (which the search index may be reading) keeps the previous one.</summary>
    public Dictionary<Entry, MarkdownDocument> Documents { get; private set; } = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyDictionary<string, Entry> Entries => _entries;
    public IEnumerable<Diagnostic> LoadDiagnostics => _loadDiagnostics.Values.SelectMany(d => d);

    /// <summary>The site as it is now (a new object each time: pages built from it see one consistent state).</summary>
    public Site Snapshot() => new(Config, Bibliography, _entries.Values.ToList());

    /// <summary>Loads and parses everything afresh.</summary>
    public void LoadAll(StageClock stages)
    {
        var bag = new DiagnosticBag();
        var (site, history) = stages.Run("load", () => ContentLoader.LoadWithHistory(root, bag, includeDrafts));
        _history = history;
        Config = WithBaseUrl(site.Config);
        Bibliography = site.Bibliography;
        _entries.Clear();
        foreach (var entry in site.Entries) _entries[entry.ContentPath] = entry;
        _loadDiagnostics.Clear();
        foreach (var group in bag.Sorted().GroupBy(d => d.Path)) _loadDiagnostics[group.Key] = group.ToList();

        stages.Run("parse", () => Documents = MarkdownStage.ParseAll(site.Entries));
    }

    /// <summary>Reads site.yaml and sources.yaml again.</summary>
    public void ReloadConfig()
    {
        var bag = new DiagnosticBag();
        var config = Path.Combine(root, "site.yaml");
        var sources = Path.Combine(root, "sources.yaml");
        Config = WithBaseUrl(SiteConfigReader.Read(config, DisplayPath.For(config), bag));
        Bibliography = BibliographyReader.Read(sources, DisplayPath.For(sources), bag);
        _loadDiagnostics.Remove(DisplayPath.For(config));
        _loadDiagnostics.Remove(DisplayPath.For(sources));
        foreach (var group in bag.Sorted().GroupBy(d => d.Path)) _loadDiagnostics[group.Key] = group.ToList();
    }

    /// <summary>Starts a round of reloads: documents are replaced in a copy, so the last committed context keeps its own.</summary>
    public void BeginChanges() => Documents = new Dictionary<Entry, MarkdownDocument>(Documents, ReferenceEqualityComparer.Instance);

    /// <summary>Reloads one file (path below the content folder); null when it neither was nor is an entry.</summary>
    public ContentChange? Reload(string relative)
    {
        var full = Path.Combine(root, relative);
        var display = DisplayPath.For(full);
        _entries.TryGetValue(relative, out var old);
        Entry? updated = null;
        _loadDiagnostics.Remove(display);
        if (OrdinaryFile.Exists(full))
        {
            var bag = new DiagnosticBag();
            updated = ContentLoader.LoadEntry(full, relative, display, bag);
            if (updated is not null && updated.Draft && !includeDrafts) updated = null;
            if (updated is not null) updated.LastChange = _history.LastChange(relative);
            if (bag.Sorted() is { Count: > 0 } found) _loadDiagnostics[display] = found.ToList();
        }
        if (old is null && updated is null) return null;
        if (old is not null)
        {
            _entries.Remove(relative);
            Documents.Remove(old);
        }
        if (updated is not null)
        {
            _entries[relative] = updated;
            Documents[updated] = MarkdownStage.ParseEntry(updated);
        }
        return new ContentChange(old, updated);
    }

    /// <summary>Every known file (entry, or file with load findings) inside this folder, below the content folder.</summary>
    public IEnumerable<string> KnownFilesUnder(string folder)
    {
        foreach (var known in _entries.Keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal))) yield return known;
        foreach (var display in _loadDiagnostics.Keys)
        {
            var full = Path.GetFullPath(display);
            if (!ChangeScanner.IsUnder(full, root)) continue;
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.StartsWith(folder + "/", StringComparison.Ordinal)) yield return relative;
        }
    }


    private SiteConfig WithBaseUrl(SiteConfig config) => baseUrl is null ? config : config with { BaseUrl = baseUrl };
}
