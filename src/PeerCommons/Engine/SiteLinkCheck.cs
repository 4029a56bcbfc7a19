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
    /// <summary>serve: the files (of a rebuild's candidate) <see cref="_checkedFiles"/> were last taken from.</summary>
    private IReadOnlyDictionary<string, byte[]>? _checkedSite;
    private readonly Dictionary<string, List<LinkChecker.BrokenLink>> _broken = new(StringComparer.Ordinal);

    /// <summary>Forgets every page (a full render records them all again).</summary>
    public void Clear()
    {
        _links = new LinkChecker();
        _rendered.Clear();
        _checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        _checkedSite = null;
        _broken.Clear();
    }

    public void Record(string file, ReadOnlySpan<byte> html)
    {
        if (_links.Add(file, html)) _idsChanged = true;
        _rendered[file] = 0;
    }

    /// <summary>build and check: a broken internal link fails the build, naming the page's source file and the link.</summary>
    /// <param name="files">Every file of the site (pages and assets), by path below the root.</param>
    public IReadOnlyList<Diagnostic> Check(IEnumerable<string> files, Site site) => Check(new HashSet<string>(files, StringComparer.Ordinal), site);

    /// <summary>
    /// serve: checks the site a rebuild would serve. When it was made from the very files last checked,
    /// the files that came or went are those it says (at 10,000 entries, comparing some 30,000 paths after
    /// each edit cost more than checking the pages); otherwise every path is compared.
    /// </summary>
    /// <param name="allPaths">Every file serving it gives (worked out only when needed).</param>
    public IReadOnlyList<Diagnostic> CheckServed(ServedSite.Candidate candidate, Func<HashSet<string>> allPaths, Site site)
    {
        IReadOnlyList<Diagnostic> found;
        if (candidate.Base is { } made && ReferenceEquals(made, _checkedSite) && !_idsChanged && candidate.Added.Count == 0 && candidate.Removed.Count == 0)
            found = CheckPages(_rendered.Keys.ToList(), site);
        else
            found = Check(allPaths(), site);
        _checkedSite = candidate.Files;
        return found;
    }

    private IReadOnlyList<Diagnostic> Check(HashSet<string> files, Site site)
    {
        foreach (var gone in _links.Pages.Where(p => !files.Contains(p)).ToList()) _links.Remove(gone);
        var everything = _idsChanged || !files.SetEquals(_checkedFiles);
        if (everything) _checkedFiles = files;
        return CheckPages(everything ? null : _rendered.Keys.ToList(), site);
    }

    /// <summary>Checks these pages (null: every page) against the files last checked, and keeps what the others were found to have.</summary>
    private IReadOnlyList<Diagnostic> CheckPages(List<string>? pages, Site site)
    {
        var found = _links.Check(_checkedFiles, pages);
        if (pages is null) _broken.Clear();
        else foreach (var page in pages) _broken.Remove(page);
        foreach (var group in found.GroupBy(b => b.Page, StringComparer.Ordinal)) _broken[group.Key] = group.ToList();
        _rendered.Clear();
        _idsChanged = false;

        var bag = new DiagnosticBag();
        if (_broken.Count == 0) return bag.Sorted();
        var sources = site.Pages.ToDictionary(e => SitePaths.FileOf(e.Url), e => e.Path, StringComparer.Ordinal);
        foreach (var broken in _broken.Values.SelectMany(b => b))
            bag.Error(sources.GetValueOrDefault(broken.Page, "_site/" + broken.Page), 1, 1, Codes.BrokenInternalLink,
                $"page '{broken.Page}' links to '{broken.Link}': {broken.Reason}");
        return bag.Sorted();
    }
}
