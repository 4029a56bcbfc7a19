using System.IO.Compression;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// What a visitor on a phone downloads for a first search of the starter content (issue 14): the index's
/// manifest and the one part that holds the word, at most 25 kB gzipped for the index side (the store of what
/// results show is counted apart). The 1,000- and 10,000-entry budgets are measured in bench/search.
/// </summary>
public sealed class SearchPayloadSizeTests
{
    private const long MaxFirstSearchGzipBytes = 25_000;

    [Fact]
    public void Starter_content_first_search_fetches_at_most_25_kB_of_index_gzipped()
    {
        using var temp = new TempFolder();
        var output = temp.Path("_site");
        var result = Build.Write(Repo.Path("content"), output);
        Assert.True(result.Succeeded && result.Written, Build.Describe(result.Diagnostics) + result.FatalError);
        var search = Assert.IsType<PeerCommons.Index.SearchIndexStage.Payload>(result.Search);
        Assert.True(search.Documents > 100, $"only {search.Documents} documents indexed");

        // What the build reports is what it wrote: every file under search/ but the search page itself.
        var files = Directory.GetFiles(Path.Combine(output, "search"), "*.js", SearchOption.AllDirectories);
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), search.RawBytes);
        var parts = files.Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "search" && Path.GetFileName(f) != "terms.js").ToList();
        Assert.Equal(search.Parts, parts.Count);
        Assert.True(parts.Count > 1, "the index was not partitioned");

        // Gzipped as a host sends them (the default level): the manifest and the largest part.
        var manifest = Gzipped(Path.Combine(output, "search", "index.js"));
        var largest = parts.Max(Gzipped);
        Assert.Equal(search.ManifestGzipBytes, manifest);
        Assert.Equal(search.PartGzipMax, largest);
        Assert.True(manifest + largest <= MaxFirstSearchGzipBytes,
            $"a first search fetches up to {manifest + largest:N0} bytes of index gzipped, over {MaxFirstSearchGzipBytes:N0}");
    }

    private static long Gzipped(string path)
    {
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(File.ReadAllBytes(path));
        return gz.Length;
    }
}
