using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PeerCommons.Write;

/// <summary>
/// After rendering, every internal link and anchor of the site is checked against the files
/// and ids actually produced. The HTML is our own output with quoted attributes, so a scan of
/// href/src/id attributes is exact and far cheaper than parsing every page again.
/// </summary>
public sealed partial class LinkChecker
{
    [GeneratedRegex("""\s(href|src|id)="([^"]*)"(?=[\s/>])""")]
    private static partial Regex Attribute();

    private readonly ConcurrentDictionary<string, (string[] Links, HashSet<string> Ids)> _pages = new(StringComparer.Ordinal);

    public sealed record BrokenLink(string Page, string Link, string Reason);

    /// <summary>Records a rendered page (path below the site root).</summary>
    public void Add(string page, string html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        // One pass: our templates and the sanitizer only ever put href and src on elements that link.
        foreach (Match match in Attribute().Matches(html))
        {
            // <base href> (the 404 page's) is where links resolve from, not a link.
            if (html.AsSpan(0, match.Index).EndsWith("<base", StringComparison.Ordinal)) continue;
            var value = System.Net.WebUtility.HtmlDecode(match.Groups[2].Value);
            if (match.Groups[1].ValueSpan[0] == 'i') ids.Add(value);
            else links.Add(value);
        }
        _pages[page] = (links.ToArray(), ids);
    }

    /// <param name="files">Every file of the site (pages and assets), by path below the root.</param>
    public IReadOnlyList<BrokenLink> Check(IReadOnlyDictionary<string, long> files)
    {
        var broken = new List<BrokenLink>();
        foreach (var (page, (links, ids)) in _pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var link in links.Distinct(StringComparer.Ordinal))
            {
                if (IsExternal(link) || link.Length == 0) continue;
                var hash = link.IndexOf('#');
                var path = hash < 0 ? link : link[..hash];
                var fragment = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
                var query = path.IndexOf('?');
                if (query >= 0) path = path[..query];

                string target;
                if (path.Length == 0) target = page;
                else
                {
                    var resolved = Resolve(page, Uri.UnescapeDataString(path));
                    if (resolved is null) { broken.Add(new BrokenLink(page, link, "it points above the site's root")); continue; }
                    target = resolved.EndsWith('/') || resolved.Length == 0 ? resolved + "index.html" : resolved;
                    if (!files.ContainsKey(target))
                    {
                        broken.Add(new BrokenLink(page, link, files.ContainsKey(target + "/index.html")
                            ? "it points at a folder; link to its index.html so the page opens from disk too"
                            : "no such file in the site"));
                        continue;
                    }
                }
                if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal)
                    && _pages.TryGetValue(target, out var targetPage) && !targetPage.Ids.Contains(fragment))
                    broken.Add(new BrokenLink(page, link, $"the page has no element with id '{fragment}'"));
            }
        }
        return broken;
    }

    private static bool IsExternal(string link) =>
        link.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(link);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>Resolves a relative link against the page's folder; null when it climbs above the root.</summary>
    private static string? Resolve(string page, string link)
    {
        if (link.StartsWith('/')) return null; // the site never writes root-relative links
        var parts = new List<string>(page.Split('/')[..^1]);
        var segments = link.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != "." && !(segment.Length == 0 && i < segments.Length - 1)) parts.Add(segment);
        }
        var joined = string.Join('/', parts);
        return link.EndsWith('/') && joined.Length > 0 ? joined + "/" : joined;
    }
}
