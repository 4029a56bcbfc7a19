using System.Collections.Concurrent;
using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The internal link and anchor check (PC0902) over every page of the site: build checks the pages
/// it rendered; serve keeps each page's links between rebuilds, replaces those it re-renders and
/// drops those that are gone, so the check always covers the site it would serve. When no file came
/// or went and no re-rendered page changed its ids, only the re-rendered pages can have broken or
/// mended links: only they are checked again, and every other page keeps what was found.
/// </summary>
internal sealed class SiteLinkCheck
{
    private LinkChecker _links = new();
    /// <summary>Pages recorded since the last check.</summary>
    private readonly ConcurrentDictionary<string, byte> _rendered = new(StringComparer.Ordinal);
    private volatile bool _idsChanged;
    /// <summary>The files of the site last checked, and the broken links found then, by page.</summary>
    private HashSet<string> _checkedFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LinkChecker.BrokenLink>> _broken = new(StringComparer.Ordinal);

    /// <summary>Forgets every page (a full render records them all again).</summary>
    public void Clear()
    {
        _links = new LinkChecker();
        _rendered.Clear();
        _checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        _broken.Clear();
    }

    public void Record(string file, ReadOnlySpan<byte> html)
    {
        if (_links.Add(file, html)) _idsChanged = true;
        _rendered[file] = 0;
    }

    /// <summary>A broken internal link fails the build, naming the page's source file and the link.</summary>
    /// <param name="files">Every file of the site (pages and assets), by path below the root.</param>
    public IReadOnlyList<Diagnostic> Check(IReadOnlyDictionary<string, long> files, Site site)
    {
        foreach (var gone in _links.Pages.Where(p => !files.ContainsKey(p)).ToList()) _links.Remove(gone);
        var everything = _idsChanged || _checkedFiles.Count != files.Count || !files.Keys.All(_checkedFiles.Contains);
        var pages = everything ? null : _rendered.Keys.ToList();
        var found = _links.Check(files, pages);
        if (everything) _broken.Clear();
        else foreach (var page in pages!) _broken.Remove(page);
        foreach (var group in found.GroupBy(b => b.Page, StringComparer.Ordinal)) _broken[group.Key] = group.ToList();
        if (everything) _checkedFiles = new HashSet<string>(files.Keys, StringComparer.Ordinal);
        _rendered.Clear();
        _idsChanged = false;

        var sources = site.Pages.ToDictionary(e => SitePaths.FileOf(e.Url), e => e.Path, StringComparer.Ordinal);
        var bag = new DiagnosticBag();
        foreach (var broken in _broken.Values.SelectMany(b => b))
            bag.Error(sources.GetValueOrDefault(broken.Page, "_site/" + broken.Page), 1, 1, Codes.BrokenInternalLink,
                $"page '{broken.Page}' links to '{broken.Link}': {broken.Reason}");
        return bag.Sorted();
    }
}
