using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace PeerCommons.Write;

/// <summary>
/// After rendering, every internal link and anchor of the site is checked against the files
/// and ids actually produced. The HTML is our own output with quoted attributes, so a scan of
/// href/src/id attributes is exact and far cheaper than parsing every page again.
/// </summary>
/// <remarks>
/// A large site has millions of links and ids, kept from rendering to the end of the build. Each page
/// keeps its links as one block of UTF-8 and its ids as 64-bit hashes, which the garbage collector
/// never has to look inside; strings are made only for the links that turn out to be broken.
/// </remarks>
public sealed class LinkChecker
{
    private readonly ConcurrentDictionary<string, (byte[] Links, HashSet<ulong> Ids)> _pages = new(StringComparer.Ordinal);

    [ThreadStatic] private static ArrayBufferWriter<byte>? _linksOfThisThread;

    public sealed record BrokenLink(string Page, string Link, string Reason);

    /// <summary>Records a rendered page (path below the site root).</summary>
    public void Add(string page, string html) => Add(page, Encoding.UTF8.GetBytes(html));

    /// <summary>Records a rendered page (path below the site root), given as the UTF-8 it is written in.</summary>
    /// <returns>True when the page is new or its ids are not those it had (links to it may break or mend).</returns>
    public bool Add(string page, ReadOnlySpan<byte> html)
    {
        var ids = new HashSet<ulong>();
        // One buffer per thread, reused page after page: only the page's final block is allocated,
        // not every size the buffer grows through on the way.
        var links = _linksOfThisThread ??= new ArrayBufferWriter<byte>(64 * 1024);
        links.ResetWrittenCount();
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
            var value = html.Slice(from, length);
            from = end;
            // <base href> (the 404 page's) is where links resolve from, not a link.
            if (name == 'h' && html[..(equals - "href".Length - 1)].EndsWith("<base"u8)) continue;
            // The 404 page's root probes (one per folder depth) point above the root on purpose: only the right one loads.
            if (name == 's' && html[..(equals - "src".Length - 1)].EndsWith("data-root-probe"u8)) continue;
            // Entities are rare in our links and ids: only values with '&' are decoded.
            var decoded = value.Contains((byte)'&') ? Encoding.UTF8.GetBytes(System.Net.WebUtility.HtmlDecode(Encoding.UTF8.GetString(value))) : value;
            if (name == 'i') ids.Add(Hash(decoded));
            else
            {
                // Each link as its length (4 bytes) and its bytes.
                BitConverter.TryWriteBytes(links.GetSpan(4), decoded.Length);
                links.Advance(4);
                decoded.CopyTo(links.GetSpan(decoded.Length));
                links.Advance(decoded.Length);
            }
        }
        var idsChanged = !_pages.TryGetValue(page, out var before) || !before.Ids.SetEquals(ids);
        _pages[page] = (links.WrittenSpan.ToArray(), ids);
        return idsChanged;
    }

    /// <summary>'h', 's' or 'i' when the '=' at <paramref name="equals"/> ends a whitespace-preceded href, src or id; else 0.</summary>
    private static char AttributeBefore(ReadOnlySpan<byte> html, int equals)
    {
        var before = html[..equals];
        var (name, length) = before.EndsWith("href"u8) ? ('h', 4) : before.EndsWith("src"u8) ? ('s', 3) : before.EndsWith("id"u8) ? ('i', 2) : ('\0', 0);
        return length > 0 && before.Length > length && before[^(length + 1)] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' ? name : '\0';
    }

    /// <summary>64-bit FNV-1a: ids are compared by hash (a false match is a 1 in 2^64 chance per id).</summary>
    private static ulong Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in utf8) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <summary>The pages recorded, below the site root.</summary>
    public IEnumerable<string> Pages => _pages.Keys;

    /// <summary>Forgets a page that is no longer part of the site (the preview server keeps the checker between rebuilds).</summary>
    public void Remove(string page) => _pages.TryRemove(page, out _);

    /// <param name="known">Every file of the site (pages and assets), by path below the root (ordinal; the preview server keeps it between rebuilds).</param>
    /// <param name="onlyPages">The pages to check (the preview server's re-rendered ones), or null for every page.</param>
    public IReadOnlyList<BrokenLink> Check(HashSet<string> known, IReadOnlyCollection<string>? onlyPages = null)
    {
        IEnumerable<KeyValuePair<string, (byte[] Links, HashSet<ulong> Ids)>> pages = onlyPages is null ? _pages : onlyPages.Where(_pages.ContainsKey).Select(p => KeyValuePair.Create(p, _pages[p]));
        // Pages are independent: checked in parallel, reported in page order.
        return pages.OrderBy(p => p.Key, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .SelectMany(p => CheckPage(p.Key, p.Value.Links, known))
            .ToList();
    }

    private const string FolderPage = "/index.html";

    private List<BrokenLink> CheckPage(string page, byte[] links, HashSet<string> files)
    {
        var broken = new List<BrokenLink>();
        var lookup = files.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = new HashSet<ulong>();
        Span<char> stack = stackalloc char[512];
        for (var at = 0; at < links.Length;)
        {
            var length = BitConverter.ToInt32(links, at);
            var utf8 = links.AsSpan(at + 4, length);
            at += 4 + length;
            if (utf8.Length == 0 || !seen.Add(Hash(utf8))) continue;
            var link = utf8.Length <= stack.Length ? stack[..Encoding.UTF8.GetChars(utf8, stack)] : Encoding.UTF8.GetString(utf8).AsSpan();
            if (IsExternal(link)) continue;
            if (Reason(page, link, files, lookup) is { } reason) broken.Add(new BrokenLink(page, link.ToString(), reason));
        }
        return broken;
    }

    /// <summary>Why the link is broken, or null when its file (and anchor) exist.</summary>
    private string? Reason(string page, ReadOnlySpan<char> link, HashSet<string> files, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        var hash = link.IndexOf('#');
        var path = hash < 0 ? link : link[..hash];
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];

        var target = page;
        if (path.Length > 0)
        {
            var unescaped = path.Contains('%') ? Uri.UnescapeDataString(path.ToString()).AsSpan() : path;
            var needed = page.Length + unescaped.Length + FolderPage.Length;
            Span<char> buffer = needed <= 512 ? stackalloc char[512] : new char[needed];
            var length = Resolve(page, unescaped, buffer, out var namesFolder);
            if (length < 0) return "it points above the site's root";
            if (namesFolder || !lookup.TryGetValue(buffer[..length], out target!))
            {
                FolderPage.CopyTo(buffer[length..]);
                ReadOnlySpan<char> folderPage = length == 0 ? "index.html" : buffer[..(length + FolderPage.Length)];
                return lookup.Contains(folderPage)
                    ? "it points at a folder; link to its index.html so the page opens from disk too"
                    : "no such file in the site";
            }
        }
        if (hash < 0 || hash == link.Length - 1 || !target.EndsWith(".html", StringComparison.Ordinal)
            || !_pages.TryGetValue(target, out var targetPage)) return null;
        var fragment = Uri.UnescapeDataString(link[(hash + 1)..].ToString());
        return targetPage.Ids.Contains(Hash(Encoding.UTF8.GetBytes(fragment))) ? null : $"the page has no element with id '{fragment}'";
    }

    /// <summary>A scheme ("https:", "mailto:") or a protocol-relative "//host" link.</summary>
    private static bool IsExternal(ReadOnlySpan<char> link)
    {
        if (link.StartsWith("//")) return true;
        if (link.Length == 0 || !char.IsAsciiLetter(link[0])) return false;
        foreach (var c in link[1..])
        {
            if (c == ':') return true;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-')) return false;
        }
        return false;
    }

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
