using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace PeerCommons.Write;

/// <summary>
/// What one page costs a visitor before they search: the gzipped bytes of its HTML plus the
/// stylesheets and scripts its &lt;head&gt; loads (lunr and the search index come later, on first search).
/// </summary>
public sealed record PageWeight(string Page, long HtmlGzipBytes, long CssGzipBytes, long JsGzipBytes)
{
    public long TotalGzipBytes => HtmlGzipBytes + CssGzipBytes + JsGzipBytes;
}

/// <summary>
/// An output sink that passes everything on and weighs HTML, CSS and JS as they are written.
/// Only the head of each page is scanned: the site's own HTML, with quoted attributes.
/// </summary>
public sealed partial class WeighingSink(IOutputSink inner) : IOutputSink
{
    [GeneratedRegex("""<(link|script)\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();

    [GeneratedRegex("""\s(href|src|rel)="([^"]*)"(?=[\s/>])""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    private readonly ConcurrentDictionary<string, long> _gzipped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Gzip, string[] Loads)> _pages = new(StringComparer.Ordinal);

    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        inner.Write(path, bytes);
        // Scripts under search/ load on a search, never in a page's head: thousands of store parts need no weighing.
        if ((path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal)) && !path.StartsWith("search/", StringComparison.Ordinal))
            _gzipped[path] = Gzip.Length(bytes);
        else if (path.EndsWith(".html", StringComparison.Ordinal))
            _pages[path] = (Gzip.Length(bytes), HeadLoads(path, Encoding.UTF8.GetString(Head(bytes))));
    }

    public IReadOnlyDictionary<string, long> Sizes => inner.Sizes;

    /// <summary>Every page's weight, by path.</summary>
    public IReadOnlyList<PageWeight> Weights() =>
        _pages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            long css = 0, js = 0;
            foreach (var asset in p.Value.Loads.Distinct(StringComparer.Ordinal))
            {
                var size = _gzipped.GetValueOrDefault(asset);
                if (asset.EndsWith(".css", StringComparison.Ordinal)) css += size; else js += size;
            }
            return new PageWeight(p.Key, p.Value.Gzip, css, js);
        }).ToList();

    /// <summary>The bytes before &lt;/head&gt; (all of them when there is none): only they load assets.</summary>
    private static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> html)
    {
        var end = html.IndexOf("</head>"u8);
        if (end < 0) end = html.IndexOf("</HEAD>"u8);
        return end < 0 ? html : html[..end];
    }

    /// <summary>Site paths of the stylesheets and scripts in the page's head.</summary>
    private static string[] HeadLoads(string page, string head)
    {
        var loads = new List<string>();
        foreach (Match tag in HeadTag().Matches(head))
        {
            var attributes = Attribute().Matches(tag.Value).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value);
            var isScript = tag.Groups[1].Value.Equals("script", StringComparison.OrdinalIgnoreCase);
            var url = isScript ? attributes.GetValueOrDefault("src")
                : attributes.GetValueOrDefault("rel")?.Split(' ').Contains("stylesheet", StringComparer.OrdinalIgnoreCase) == true ? attributes.GetValueOrDefault("href") : null;
            if (url is not null && Resolve(page, System.Net.WebUtility.HtmlDecode(url)) is { } resolved) loads.Add(resolved);
        }
        return loads.ToArray();
    }

    private static string? Resolve(string page, string link)
    {
        if (link.StartsWith('/') || link.Contains(':')) return null;
        var cut = link.IndexOfAny(['?', '#']);
        if (cut >= 0) link = link[..cut];
        var parts = new List<string>(page.Split('/')[..^1]);
        foreach (var segment in link.Split('/'))
        {
            if (segment == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }

}
