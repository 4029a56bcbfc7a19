using System.IO.Compression;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// What a visitor on a phone downloads for a first search of the starter content (issue 14): the index's
/// manifest and the one part that holds the word (at most 25 kB gzipped), then the store's facets and the
/// documents of the first 10 results (at most 30 kB); what the build reports for it at most 40 kB.
/// The 1,000- and 10,000-entry budgets are measured in bench/search (first-search.sh).
/// </summary>
public sealed class SearchPayloadSizeTests
{
    private const long MaxIndexGzipBytes = 25_000;

    /// <summary>What a first search loads of the store (docs/search-store.md), for a page of 10 results.</summary>
    private const long MaxStoreGzipBytes = 30_000;

    /// <summary>Issue 14's budget for the starter content's first search.</summary>
    private const long MaxReportedFirstSearchGzipBytes = 40_000;

    [Fact]
    public void Starter_content_first_search_fetches_little_of_the_index_and_of_the_store()
    {
        using var temp = new TempFolder();
        var output = temp.Path("_site");
        var result = Build.Write(Repo.Path("content"), output);
        Assert.True(result.Succeeded && result.Written, Build.Describe(result.Diagnostics) + result.FatalError);
        var search = Assert.IsType<PeerCommons.Index.SearchIndexStage.Payload>(result.Search);
        Assert.True(search.Documents > 100, $"only {search.Documents} documents indexed");

        // What the build reports is what it wrote: every script under search/, index and store.
        var searchFolder = Path.Combine(output, "search");
        var files = Directory.GetFiles(searchFolder, "*.js", SearchOption.AllDirectories);
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), search.RawBytes);
        string FolderOf(string f) => Path.GetFileName(Path.GetDirectoryName(f))!;
        var parts = files.Where(f => Path.GetDirectoryName(Path.GetDirectoryName(f)) == searchFolder
            && FolderOf(f) is not ("docs" or "tags") && Path.GetFileName(f) != "terms.js").ToList();
        Assert.Equal(search.Parts, parts.Count);
        Assert.True(parts.Count > 1, "the index was not partitioned");

        // Gzipped as a host sends them (the default level): the manifest and the largest part.
        var manifest = Gzipped(Path.Combine(searchFolder, "index.js"));
        var largest = parts.Max(Gzipped);
        Assert.Equal(search.ManifestGzipBytes, manifest);
        Assert.Equal(search.PartGzipMax, largest);
        Assert.True(manifest + largest <= MaxIndexGzipBytes,
            $"a first search fetches up to {manifest + largest:N0} bytes of index gzipped, over {MaxIndexGzipBytes:N0}");

        // The store side: facets.js and the parts of a page of 10 results, taking the 10 largest documents as the worst page.
        var facets = Gzipped(Path.Combine(searchFolder, "facets.js"));
        Assert.Equal(search.FacetsGzipBytes, facets);
        var documents = Directory.GetFiles(Path.Combine(searchFolder, "docs")).Select(Gzipped).Order().ToList();
        var page = documents.TakeLast(10).Sum();
        Assert.True(facets + page <= MaxStoreGzipBytes, $"the store side of a first search is {facets:N0} + {page:N0} bytes gzipped, over {MaxStoreGzipBytes:N0}");

        // The reported first search counts a median document 10 times: its median is measured on a sample,
        // so it lies between the smallest and the largest document, and the whole stays within budget.
        Assert.InRange(search.DocumentGzipMedian, documents[0], documents[^1]);
        Assert.Equal(manifest + search.PartGzipMedian + facets + 10 * search.DocumentGzipMedian, search.FirstSearchGzipBytes);
        Assert.True(search.FirstSearchGzipBytes <= MaxReportedFirstSearchGzipBytes,
            $"the build reports a first search of {search.FirstSearchGzipBytes:N0} bytes gzipped, over {MaxReportedFirstSearchGzipBytes:N0}");
    }

    private static long Gzipped(string path)
    {
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(File.ReadAllBytes(path));
        return gz.Length;
    }
}
