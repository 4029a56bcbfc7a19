using System.IO.Hashing;

namespace PeerCommons.Write;

/// <summary>
/// The HTML weights a previous build reported (build-report.json's <c>pageWeights</c>), for a rebuild
/// to take instead of gzipping again the pages whose bytes did not change (gzip at level Optimal is
/// about a tenth of a build's CPU over an existing output, and about a sixth of a build into an empty
/// folder). A figure is only ever taken for the very bytes it was measured on, so it need not matter
/// whether the page was carried over from the previous output or that output was deleted first:
/// each page's entry carries its raw length and a check, the 64-bit XxHash3 of its bytes seeded with
/// its gzipped length, so a report that is stale (other bytes), edited by hand (another weight) or
/// written by another gzip (<see cref="Method"/>) gives no figure and the page is gzipped as before.
/// </summary>
public sealed class PreviousPageWeights
{
    private readonly Dictionary<string, Entry> _pages;

    /// <summary>How the weights were measured, recorded in the report: figures measured another way are not taken.</summary>
    public static string Method { get; } = $"gzip {nameof(System.IO.Compression.CompressionLevel.Optimal)}, .NET {Environment.Version}";

    /// <summary>One page as the previous report gives it.</summary>
    public readonly record struct Entry(long HtmlBytes, long HtmlGzipBytes, ulong HtmlCheck);

    public PreviousPageWeights(IReadOnlyDictionary<string, Entry> pages) =>
        _pages = new Dictionary<string, Entry>(pages, StringComparer.Ordinal);

    /// <summary>What the report records for a page of <paramref name="bytes"/> weighing <paramref name="gzipBytes"/>: binds the figure to those bytes.</summary>
    public static ulong CheckOf(ReadOnlySpan<byte> bytes, long gzipBytes) => XxHash3.HashToUInt64(bytes, gzipBytes);

    /// <summary>The previous build's entry for <paramref name="page"/> when it was measured on exactly <paramref name="bytes"/>; null otherwise.</summary>
    public Entry? For(string page, ReadOnlySpan<byte> bytes) =>
        _pages.TryGetValue(page, out var entry) && entry.HtmlBytes == bytes.Length && entry.HtmlGzipBytes >= 0
        && entry.HtmlCheck == CheckOf(bytes, entry.HtmlGzipBytes)
            ? entry
            : null;
}
