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

    /// <summary>The HTML's raw length.</summary>
    public long HtmlBytes { get; init; }

    /// <summary>Binds <see cref="HtmlGzipBytes"/> to the HTML's bytes (<see cref="PreviousPageWeights.CheckOf"/>), so a later build can take the figure for the same bytes.</summary>
    public ulong HtmlCheck { get; init; }
}

/// <summary>
/// An output sink that passes everything on and weighs HTML, CSS and JS as they are written.
/// Only the head of each page is scanned: the site's own HTML, with quoted attributes. A page whose
/// bytes a previous build measured takes that build's figure (<see cref="PreviousPageWeights"/>: the
/// figure is bound to the length and a hash of the bytes), whether it was carried over from the
/// previous output or written anew because that output was deleted (<c>rm -rf _site</c> leaves the
/// report beside it); any other page is gzipped.
/// </summary>
/// <param name="previous">The previous build's weights, being read while the build starts (null or a null result: none).</param>
public sealed partial class WeighingSink(IOutputSink inner, Task<PreviousPageWeights?>? previous = null) : IOutputSink
{
    [GeneratedRegex("""<(link|script)\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HeadTag();

    [GeneratedRegex("""\s(href|src|rel)="([^"]*)"(?=[\s/>])""", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    private readonly ConcurrentDictionary<string, long> _gzipped = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Gzip, long Bytes, ulong Check, string[] Loads)> _pages = new(StringComparer.Ordinal);

    public void Write(string path, ReadOnlySpan<byte> bytes) => WriteOrCarryOver(path, bytes);

    public bool WriteOrCarryOver(string path, ReadOnlySpan<byte> bytes)
    {
        var carriedOver = inner.WriteOrCarryOver(path, bytes);
        // Scripts under search/ load on a search, never in a page's head: thousands of store parts need no weighing.
        if ((path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal)) && !path.StartsWith("search/", StringComparison.Ordinal))
            _gzipped[path] = Gzip.Length(bytes);
        else if (path.EndsWith(".html", StringComparison.Ordinal))
        {
            var known = previous?.GetAwaiter().GetResult()?.For(path, bytes);
            var gzip = known?.HtmlGzipBytes ?? Gzip.Length(bytes);
            _pages[path] = (gzip, bytes.Length, known?.HtmlCheck ?? PreviousPageWeights.CheckOf(bytes, gzip), HeadLoads(path, Head(bytes)));
        }
        return carriedOver;
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
            return new PageWeight(p.Key, p.Value.Gzip, css, js) { HtmlBytes = p.Value.Bytes, HtmlCheck = p.Value.Check };
        }).ToList();

    /// <summary>The bytes before &lt;/head&gt; (all of them when there is none): only they load assets.</summary>
    private static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> html)
    {
        var end = html.IndexOf("</head>"u8);
        if (end < 0) end = html.IndexOf("</HEAD>"u8);
        return end < 0 ? html : html[..end];
    }

    /// <summary>Site paths of the stylesheets and scripts in the page's head.</summary>
    private string[] HeadLoads(string page, ReadOnlySpan<byte> head)
    {
        var loads = new List<string>();
        foreach (var url in _headUrls.GetOrAdd(HeadTagText(head), HeadUrls))
            if (Resolve(page, url) is { } resolved) loads.Add(resolved);
        return loads.ToArray();
    }

    /// <summary>
    /// The links of each distinct set of head tags, as written (before they are resolved against a
    /// page's folder). Pages of one site share a handful of such sets, so each is parsed once rather
    /// than once per page (the head also holds each page's title and description, which vary).
    /// </summary>
    private readonly ConcurrentDictionary<string, string[]> _headUrls = new(StringComparer.Ordinal);

    /// <summary>
    /// Every stretch of the head from a "&lt;link" or "&lt;script" (any case) to the next '&gt;', one a
    /// line: all the text <see cref="HeadTag"/> can match in, as each of its matches starts with one
    /// of those words and ends at the first '&gt;' after it. A head with a character that the regex's
    /// case-insensitive match takes for a letter of those words without being ASCII (the Kelvin sign
    /// for k, the long s for s) is kept whole.
    /// </summary>
    private static string HeadTagText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("\u212A"u8) >= 0 || head.IndexOf("\u017F"u8) >= 0) return Encoding.UTF8.GetString(head);
        var text = new StringBuilder();
        var from = 0;
        while (from < head.Length)
        {
            var open = head[from..].IndexOf((byte)'<');
            if (open < 0) break;
            var start = from + open;
            var rest = head[(start + 1)..];
            if (!StartsWithIgnoringCase(rest, "link"u8) && !StartsWithIgnoringCase(rest, "script"u8)) { from = start + 1; continue; }
            var close = rest.IndexOf((byte)'>');
            if (close < 0) break; // no '>' left: nothing further can match
            text.Append(Encoding.UTF8.GetString(head.Slice(start, close + 2))).Append('\n');
            from = start + close + 2;
        }
        return text.ToString();
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerWord) =>
        text.Length >= lowerWord.Length && Ascii.EqualsIgnoreCase(text[..lowerWord.Length], lowerWord);

    /// <summary>The stylesheet and script addresses, decoded and in order, of the tags in <paramref name="tags"/>.</summary>
    private static string[] HeadUrls(string tags)
    {
        var urls = new List<string>();
        foreach (Match tag in HeadTag().Matches(tags))
        {
            var attributes = Attribute().Matches(tag.Value).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value);
            var isScript = tag.Groups[1].Value.Equals("script", StringComparison.OrdinalIgnoreCase);
            var url = isScript ? attributes.GetValueOrDefault("src")
                : attributes.GetValueOrDefault("rel")?.Split(' ').Contains("stylesheet", StringComparer.OrdinalIgnoreCase) == true ? attributes.GetValueOrDefault("href") : null;
            if (url is not null) urls.Add(System.Net.WebUtility.HtmlDecode(url));
        }
        return urls.ToArray();
    }

    private static string? Resolve(string page, string link)
    {
        if (link.StartsWith('/') || link.Contains(':')) return null;
        var cut = link.IndexOfAny(['?', '#']);
        if (cut >= 0) link = link[..cut];
        // How every page links the site's own assets: up to the root, then down by plain names. Resolved
        // without splitting the page's path and the link (this runs for every asset of every page).
        var down = link.AsSpan();
        var ups = 0;
        while (down.StartsWith("../")) { down = down[3..]; ups++; }
        if (ups == page.AsSpan().Count('/') && IsPlainPath(down)) return down.ToString();
        var parts = new List<string>(page.Split('/')[..^1]);
        foreach (var segment in link.Split('/'))
        {
            if (segment == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    /// <summary>True for names joined by single slashes, none of them "." or "..".</summary>
    private static bool IsPlainPath(ReadOnlySpan<char> path)
    {
        foreach (var segment in path.Split('/'))
        {
            var name = path[segment];
            if (name.IsEmpty || name is "." or "..") return false;
        }
        return true;
    }

}
