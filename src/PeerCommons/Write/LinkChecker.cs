using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace PeerCommons.Write;

/// <summary>
/// After rendering, every internal link and anchor of the site is checked against the files
/// and ids actually produced. The HTML is our own output with quoted attributes, so a scan of
/// href/src/id attributes is exact and far cheaper than parsing every page again.
/// </summary>
public sealed partial class LinkChecker
{
    // The same links and ids recur on thousands of pages ("../../index.html", "main"): every page
    // keeps a reference to one pooled copy, so a large site's checker holds little and allocates
    // little (each page is scanned while both cores render, and what it keeps lives to the end).
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pooled;
    private readonly ConcurrentDictionary<string, (string[] Links, HashSet<string> Ids)> _pages = new(StringComparer.Ordinal);

    public LinkChecker() => _pooled = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public sealed record BrokenLink(string Page, string Link, string Reason);

    /// <summary>Records a rendered page (path below the site root).</summary>
    public void Add(string page, string html) => Add(page, Encoding.UTF8.GetBytes(html));

    /// <summary>Records a rendered page (path below the site root), given as the UTF-8 it is written in.</summary>
    public void Add(string page, ReadOnlySpan<byte> html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<string>();
        // One pass over every `name="`: our templates and the sanitizer only ever put href and src on
        // elements that link, and always quote attributes.
        var from = 0;
        while (from < html.Length)
        {
            var found = html[from..].IndexOf("=\""u8);
            if (found < 0) break;
            var equals = from + found;
            from = equals + 2;
            var name = AttributeBefore(html, equals);
            if (name == 0) continue;
            var length = html[from..].IndexOf((byte)'"');
            if (length < 0) break;
            var end = from + length + 1;
            if (end >= html.Length || html[end] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/' or (byte)'>'))
                continue;
            var start = from;
            from = end;
            // <base href> (the 404 page's) is where links resolve from, not a link.
            if (name == 'h' && html[..(equals - "href".Length - 1)].EndsWith("<base"u8)) continue;
            var value = Pooled(html.Slice(start, length));
            if (name == 'i') ids.Add(value);
            else links.Add(value);
        }
        _pages[page] = (links.ToArray(), ids);
    }

    /// <summary>'h', 's' or 'i' when the '=' at <paramref name="equals"/> ends a whitespace-preceded href, src or id; else 0.</summary>
    private static char AttributeBefore(ReadOnlySpan<byte> html, int equals)
    {
        var before = html[..equals];
        var (name, length) = before.EndsWith("href"u8) ? ('h', 4) : before.EndsWith("src"u8) ? ('s', 3) : before.EndsWith("id"u8) ? ('i', 2) : ('\0', 0);
        return length > 0 && before.Length > length && before[^(length + 1)] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' ? name : '\0';
    }

    private string Pooled(ReadOnlySpan<byte> utf8)
    {
        Span<char> stack = stackalloc char[256];
        var chars = utf8.Length <= stack.Length ? stack : new char[utf8.Length];
        var raw = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (raw.Contains('&')) return _pool.GetOrAdd(System.Net.WebUtility.HtmlDecode(raw.ToString()), static s => s);
        return _pooled.TryGetValue(raw, out var pooled) ? pooled : _pool.GetOrAdd(raw.ToString(), static s => s);
    }

    /// <param name="files">Every file of the site (pages and assets), by path below the root.</param>
    public IReadOnlyList<BrokenLink> Check(IReadOnlyDictionary<string, long> files)
    {
        var known = new HashSet<string>(files.Keys, StringComparer.Ordinal);
        // Pages are independent: checked in parallel, reported in page order.
        return _pages.OrderBy(p => p.Key, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .SelectMany(p => CheckPage(p.Key, p.Value.Links, known))
            .ToList();
    }

    private const string FolderPage = "/index.html";

    private List<BrokenLink> CheckPage(string page, string[] links, HashSet<string> files)
    {
        var broken = new List<BrokenLink>();
        var lookup = files.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> stack = stackalloc char[512];
        foreach (var link in links.Distinct(StringComparer.Ordinal))
        {
            if (IsExternal(link) || link.Length == 0) continue;
            var hash = link.IndexOf('#');
            var path = hash < 0 ? link.AsSpan() : link.AsSpan(0, hash);
            var query = path.IndexOf('?');
            if (query >= 0) path = path[..query];

            string target;
            if (path.Length == 0) target = page;
            else
            {
                var unescaped = path.Contains('%') ? Uri.UnescapeDataString(path.ToString()).AsSpan() : path;
                var needed = page.Length + unescaped.Length + FolderPage.Length;
                var buffer = needed <= stack.Length ? stack : new char[needed];
                var length = Resolve(page, unescaped, buffer, out var namesFolder);
                if (length < 0) { broken.Add(new BrokenLink(page, link, "it points above the site's root")); continue; }
                var resolved = buffer[..length];
                if (namesFolder || !lookup.TryGetValue(resolved, out target!))
                {
                    FolderPage.CopyTo(buffer[length..]);
                    ReadOnlySpan<char> folderPage = length == 0 ? "index.html" : buffer[..(length + FolderPage.Length)];
                    broken.Add(new BrokenLink(page, link, lookup.Contains(folderPage)
                        ? "it points at a folder; link to its index.html so the page opens from disk too"
                        : "no such file in the site"));
                    continue;
                }
            }
            if (hash < 0 || hash == link.Length - 1 || !target.EndsWith(".html", StringComparison.Ordinal)
                || !_pages.TryGetValue(target, out var targetPage)) continue;
            var fragment = Uri.UnescapeDataString(link[(hash + 1)..]);
            if (!targetPage.Ids.Contains(fragment))
                broken.Add(new BrokenLink(page, link, $"the page has no element with id '{fragment}'"));
        }
        return broken;
    }

    private static bool IsExternal(string link) =>
        link.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(link);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>
    /// Writes the site path a relative link on the page points at into <paramref name="buffer"/> and
    /// returns its length (0 for the root); -1 when the link climbs above the root.
    /// <paramref name="namesFolder"/> tells a link that can only name a folder ("x/", "..", ".").
    /// </summary>
    private static int Resolve(string page, ReadOnlySpan<char> link, Span<char> buffer, out bool namesFolder)
    {
        namesFolder = true;
        if (link.StartsWith('/')) return -1; // the site never writes root-relative links
        var folder = page.AsSpan(0, Math.Max(0, page.LastIndexOf('/')));
        folder.CopyTo(buffer);
        var length = folder.Length;
        var rest = link;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            namesFolder = segment is "" or "." or "..";
            if (segment is "..")
            {
                if (length == 0) return -1;
                length = Math.Max(0, buffer[..length].LastIndexOf('/'));
            }
            else if (!namesFolder)
            {
                if (length > 0) buffer[length++] = '/';
                segment.CopyTo(buffer[length..]);
                length += segment.Length;
            }
            if (slash < 0) return length;
            rest = rest[(slash + 1)..];
        }
    }
}
