namespace PeerCommons.Engine;

/// <summary>
/// What serve serves: the files of the last good build, in memory. A rebuild renders into its own
/// sink; its files replace those of the pages it re-rendered, and the files of pages that are gone
/// are dropped. Read from any thread; changed by the one thread that applies changes.
/// </summary>
internal sealed class ServedSite
{
    private volatile IReadOnlyDictionary<string, byte[]> _files = new Dictionary<string, byte[]>();
    /// <summary>The files of each entry's pages (and a community's feed), by key.</summary>
    private Dictionary<string, List<string>> _pagesByKey = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public bool IsEmpty => _files.Count == 0;

    /// <summary>
    /// The files serving a rebuild would give, and how they differ from those served when it began
    /// (<paramref name="Base"/>; null for a full build): the link check then knows which files came or went without comparing them all.
    /// </summary>
    public sealed record Candidate(Dictionary<string, byte[]> Files, IReadOnlyDictionary<string, byte[]>? Base, List<string> Added, List<string> Removed);

    /// <summary>The site that serving this rebuild would give (nothing is served yet); <paramref name="gone"/> are other files the site no longer has.</summary>
    public Candidate Propose(RenderPlan plan, MemorySink sink, RenderedPages rendered, IReadOnlyList<string> gone, PageRenderer renderer)
    {
        if (plan.All) return new Candidate(new Dictionary<string, byte[]>(sink.Files, StringComparer.Ordinal), null, [], []);
        var served = _files;
        var files = new Dictionary<string, byte[]>(served, StringComparer.Ordinal);
        var removed = new List<string>();
        void Remove(string path) { if (files.Remove(path)) removed.Add(path); }
        foreach (var key in plan.Keys)
            if (_pagesByKey.TryGetValue(key, out var old)) foreach (var path in old) Remove(path);
        foreach (var page in renderer.ServedIndexPages.Except(rendered.IndexPages)) Remove(Render.SitePaths.FileOf(page));
        foreach (var path in renderer.ServedRedirects.Keys.Except(rendered.Redirects.Keys)) Remove(path);
        foreach (var path in gone) Remove(path);
        var added = new List<string>();
        foreach (var (path, bytes) in sink.Files)
        {
            if (!served.ContainsKey(path)) added.Add(path);
            files[path] = bytes;
        }
        return new Candidate(files, served, added, removed.Where(path => !sink.Files.ContainsKey(path)).ToList());
    }

    /// <summary>Serves the candidate of this rebuild.</summary>
    public void Commit(RenderPlan plan, Candidate candidate, RenderedPages rendered)
    {
        if (plan.All) _pagesByKey = rendered.PagesByKey;
        else
            foreach (var key in plan.Keys)
            {
                _pagesByKey.Remove(key);
                if (rendered.PagesByKey.TryGetValue(key, out var now)) _pagesByKey[key] = now;
            }
        _files = candidate.Files;
    }
}
