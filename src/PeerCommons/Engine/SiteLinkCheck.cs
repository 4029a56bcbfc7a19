using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The internal link and anchor check (PC0902) over every page of the site: build checks the pages
/// it rendered; serve keeps each page's links between rebuilds, replaces those it re-renders and
/// drops those that are gone, so the check always covers the site it would serve.
/// </summary>
internal sealed class SiteLinkCheck
{
    private LinkChecker _links = new();

    /// <summary>Forgets every page (a full render records them all again).</summary>
    public void Clear() => _links = new LinkChecker();

    public void Record(string file, ReadOnlySpan<byte> html) => _links.Add(file, html);

    /// <summary>A broken internal link fails the build, naming the page's source file and the link.</summary>
    /// <param name="files">Every file of the site (pages and assets), by path below the root.</param>
    public IReadOnlyList<Diagnostic> Check(IReadOnlyDictionary<string, long> files, Site site)
    {
        foreach (var gone in _links.Pages.Where(p => !files.ContainsKey(p)).ToList()) _links.Remove(gone);
        var sources = site.Pages.ToDictionary(e => SitePaths.FileOf(e.Url), e => e.Path, StringComparer.Ordinal);
        var bag = new DiagnosticBag();
        foreach (var broken in _links.Check(files))
            bag.Error(sources.GetValueOrDefault(broken.Page, "_site/" + broken.Page), 1, 1, Codes.BrokenInternalLink,
                $"page '{broken.Page}' links to '{broken.Link}': {broken.Reason}");
        return bag.Sorted();
    }
}
