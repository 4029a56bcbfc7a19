using System.IO.Compression;
using PeerCommons.Engine;
using PeerCommons.Index;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// Issue 12: how many documents a file of search/docs/ holds, from the number of documents
/// (SearchStore.DocumentsPerPart), and that grouped files give back every document, in ref order, as the
/// browser registers them (the same reading as theme/assets/search-parts.js: file floor(ref / perPart),
/// registered under its first ref).
/// </summary>
public sealed class SearchStoreGroupingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(222, 1)]      // the starter content
    [InlineData(2_468, 1)]    // about 1,000 entries
    [InlineData(10_000, 1)]
    [InlineData(10_001, 4)]
    [InlineData(25_164, 4)]   // about 10,000 entries
    [InlineData(250_000, 4)]
    public void One_document_a_file_up_to_ten_thousand_documents_then_four(int documents, int perFile) =>
        Assert.Equal(perFile, SearchStore.DocumentsPerPart(documents));

    [Fact]
    public void Past_ten_thousand_documents_the_store_writes_four_a_file_and_gives_every_one_back_in_order()
    {
        using var temp = new TempFolder();
        var sizes = WriteTo(temp, Documents(10_001), documentsPerPart: null);

        Assert.Equal(4, sizes.DocumentsPerPart);
        using var facets = SearchStoreFiles.Facets(temp.Root);
        Assert.Equal(4, facets.RootElement.GetProperty("perPart").GetInt32());
        // 2,500 files of four and one of the last document: a quarter of the files one a file would make.
        Assert.Equal(2_501, sizes.DocumentParts);
        Assert.Equal(2_501, Directory.GetFiles(temp.Path("search", "docs")).Length);
        Assert.Equal(Enumerable.Range(0, 10_001).Select(Title), SearchStoreFiles.Read(temp.Root).Select(d => d.Title));
    }

    [Fact]
    public void Up_to_ten_thousand_documents_each_has_its_own_file()
    {
        var sink = new MemorySink();
        var sizes = SearchStore.Write(Documents(10_000), sink);
        Assert.Equal(1, sizes.DocumentsPerPart);
        Assert.Equal(10_000, sink.Files.Keys.Count(p => p.StartsWith(SearchStore.DocumentsFolder + "/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_forced_group_size_writes_files_of_that_many_and_reports_their_sizes()
    {
        using var temp = new TempFolder();
        var sizes = WriteTo(temp, Documents(7), documentsPerPart: 3);

        // Refs 0-2, 3-5 and 6: each file registers under its first ref (the reader throws on any other key).
        Assert.Equal((3, 3), (sizes.DocumentsPerPart, sizes.DocumentParts));
        Assert.Equal(Enumerable.Range(0, 7).Select(Title), SearchStoreFiles.Read(temp.Root).Select(d => d.Title));
        // The build report's median and largest document file are those of the grouped files.
        var gzipped = Directory.GetFiles(temp.Path("search", "docs")).Select(Gzipped).Order().ToList();
        Assert.Equal(3, gzipped.Count);
        Assert.Equal(gzipped[1], sizes.DocumentGzipMedian);
        Assert.Equal(gzipped[^1], sizes.DocumentGzipMax);
    }

    [Fact]
    public void Grouped_files_are_the_same_bytes_from_one_write_to_the_next()
    {
        // The files are written in parallel: two builds of the same content must still ship the same bytes.
        var (first, second) = (new MemorySink(), new MemorySink());
        SearchStore.Write(Documents(10_001), first);
        SearchStore.Write(Documents(10_001), second);
        Assert.Equal(first.Files.Keys.Order(StringComparer.Ordinal), second.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(first.Files, file => Assert.Equal(file.Value, second.Files[file.Key]));
    }

    [Fact]
    public void A_group_of_no_document_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchStore.Write(Documents(3), new MemorySink(), documentsPerPart: 0));
    }

    private static string Title(int reference) => "Document " + reference;

    private static IReadOnlyList<SearchDocument> Documents(int count) =>
        Enumerable.Range(0, count).Select(r => SearchDocument.Create(Title(r), $"d/{r}/index.html", r % 2 == 0 ? "Project" : "Value",
            "Summary of " + r, ["tag-" + r % 5], null, null, null, null, [new SearchSection(null, null, "Text of document " + r)])).ToList();

    private static SearchStore.Sizes WriteTo(TempFolder temp, IReadOnlyList<SearchDocument> documents, int? documentsPerPart)
    {
        var sink = new MemorySink();
        var sizes = SearchStore.Write(documents, sink, documentsPerPart);
        foreach (var (path, bytes) in sink.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.Path(path))!);
            File.WriteAllBytes(temp.Path(path), bytes);
        }
        return sizes;
    }

    private static long Gzipped(string path)
    {
        using var gz = new MemoryStream();
        using (var gzip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(File.ReadAllBytes(path));
        return gz.Length;
    }
}
