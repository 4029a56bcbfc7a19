using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Search;
using PeerCommons.Write;

namespace PeerCommons.Index;

/// <summary>
/// The index stage: a lunr.js 2.x index of every page and annotation, built by PeerCommons.Search and
/// written partitioned (src/PeerCommons.Search/FORMAT.md) under search/: a manifest (search/index.js) and
/// small parts, each a script that registers itself, so a search loads only the parts its terms are in and
/// works from file:// too. theme/assets/search-reader.js answers queries from them as lunr.js would. Refs are
/// short (base-36 positions in the store) because every posting names one; what results show is written
/// beside it in small parts by <see cref="SearchStore"/> (docs/search-store.md).
/// </summary>
public static class SearchIndexStage
{
    /// <summary>The folder of the index and the store; the index's manifest is <see cref="ManifestPath"/>.</summary>
    public const string Folder = SitePaths.SearchFolder;
    public const string ManifestPath = SitePaths.SearchIndexManifest;

    /// <summary>Results a search shows at first (PAGE_SIZE in theme/assets/search.js), each loading the store's file of its document.</summary>
    public const int ResultsShownFirst = 10;

    /// <summary>What the stage wrote, for the build's summary and report. Sizes are gzipped unless named raw;
    /// medians and largest are measured on a sample of the parts ordered by size (<see cref="Gzip.SampledMedianAndLargest"/>).</summary>
    public sealed record Payload(int Documents, int Terms, int Parts, long RawBytes,
        long ManifestGzipBytes, long PartGzipMedian, long PartGzipMax, long TermListGzipBytes,
        long FacetsGzipBytes, int DocumentsPerPart, int DocumentParts, long DocumentGzipMedian, long DocumentGzipMax)
    {
        /// <summary>
        /// The search files a first single-word search fetches: the manifest, one posting part of median size,
        /// facets.js and the store's files of the first <see cref="ResultsShownFirst"/> results, one file of
        /// median size each (<see cref="DocumentsPerPart"/> documents a file: the results of one query are
        /// rarely neighbours, so each is taken to be in a file of its own).
        /// Not counted: lunr.js and the theme's search scripts (assets shared with every page's cache).
        /// </summary>
        public long FirstSearchGzipBytes =>
            ManifestGzipBytes + PartGzipMedian + FacetsGzipBytes + Math.Min(ResultsShownFirst, DocumentParts) * DocumentGzipMedian;
    }

    private static IEnumerable<Entry> Documents(Site site) =>
        site.Pages.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Concat(site.Entries.Where(e => e.Kind == EntryKind.Annotation && e.AnnotationTargetKey is { } t && site.ByKey.ContainsKey(t))
                .OrderBy(e => e.Key, StringComparer.Ordinal));

    /// <param name="documentsPerPart">Tests only: the store's documents a file (<see cref="SearchStore.Write"/>); null: its rule.</param>
    public static Payload Write(RenderContext context, IOutputSink sink, int? documentsPerPart = null)
    {
        var site = context.Site;
        var builder = new LunrIndexBuilder { Ref = "id" }
            .Field("title", 10)
            .Field("tags", 5)
            .Field("body");
        var store = new List<SearchDocument>();
        var text = new DocumentText();

        foreach (var entry in Documents(site))
        {
            text.Read(entry, context.Parsed);
            var tags = string.Join(' ', entry.Tags);
            builder.Add(PartitionedIndexWriter.Base36(store.Count), [entry.Title.AsMemory(), tags.AsMemory(), text.SummaryAndBody]);
            store.Add(SearchDocument.Of(entry, text.Body, context));
        }

        var partitioned = PartitionedIndexWriter.Write(builder.Build());
        foreach (var file in partitioned.Files) sink.Write(Folder + file.Path, file.Bytes);
        var stored = SearchStore.Write(store, sink, documentsPerPart);

        var bySize = partitioned.Parts.OrderBy(p => p.Bytes.Length).ToArray();
        var (partMedian, partLargest) = Gzip.SampledMedianAndLargest(bySize.Length, i => bySize[i].Bytes);
        return new Payload(store.Count, partitioned.TermsPerPart.Sum(), bySize.Length,
            partitioned.Files.Sum(f => (long)f.Bytes.Length) + stored.RawBytes,
            Gzip.Length(partitioned.Manifest.Bytes), partMedian, partLargest, Gzip.Length(partitioned.Terms.Bytes),
            stored.FacetsGzipBytes, stored.DocumentsPerPart, stored.DocumentParts, stored.DocumentGzipMedian, stored.DocumentGzipMax);
    }
}
