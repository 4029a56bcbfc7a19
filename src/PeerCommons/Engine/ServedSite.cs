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

    /// <summary>The site that serving this rebuild would give (nothing is served yet); <paramref name="gone"/> are other files the site no longer has.</summary>
    public Dictionary<string, byte[]> Candidate(RenderPlan plan, MemorySink sink, RenderedPages rendered, IReadOnlyList<string> gone, PageRenderer renderer)
    {
        if (plan.All) return new Dictionary<string, byte[]>(sink.Files, StringComparer.Ordinal);
        var files = new Dictionary<string, byte[]>(_files, StringComparer.Ordinal);
        foreach (var key in plan.Keys)
            if (_pagesByKey.TryGetValue(key, out var old)) foreach (var path in old) files.Remove(path);
        foreach (var page in renderer.ServedIndexPages.Except(rendered.IndexPages)) files.Remove(Render.SitePaths.FileOf(page));
        foreach (var path in renderer.ServedRedirects.Keys.Except(rendered.Redirects.Keys)) files.Remove(path);
        foreach (var path in gone) files.Remove(path);
        foreach (var (path, bytes) in sink.Files) files[path] = bytes;
        return files;
    }

    /// <summary>Serves the candidate of this rebuild.</summary>
    public void Commit(RenderPlan plan, Dictionary<string, byte[]> candidate, RenderedPages rendered)
    {
        if (plan.All) _pagesByKey = rendered.PagesByKey;
        else
            foreach (var key in plan.Keys)
            {
                _pagesByKey.Remove(key);
                if (rendered.PagesByKey.TryGetValue(key, out var now)) _pagesByKey[key] = now;
            }
        _files = candidate;
    }
}
