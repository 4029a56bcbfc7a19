using System.Text;
using System.Text.Json;
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
/// short (base-36 positions in the store) because every posting names one; the store (search/store.js)
/// carries titles, URLs and snippets.
/// </summary>
public static class SearchIndexStage
{
    /// <summary>The folder of the index; its manifest is <see cref="ManifestPath"/>.</summary>
    public const string Folder = SitePaths.SearchFolder;
    public const string ManifestPath = SitePaths.SearchIndexManifest;
    public const string StorePath = SitePaths.SearchStore;
    private const int SnippetChars = 220;
    /// <summary>Parts gzipped to measure them, spread from the smallest to the largest.</summary>
    private const int PartSample = 33;

    /// <summary>What the stage wrote, for the build's summary and report. Sizes are gzipped unless named raw;
    /// a first single-word search fetches the manifest and one part (and the store, for what results show).
    /// The parts' median and largest are measured on a sample of the parts ordered by size (see Write).</summary>
    public sealed record Payload(int Documents, int Terms, int Parts, long RawBytes,
        long ManifestGzipBytes, long PartGzipMedian, long PartGzipMax, long TermListGzipBytes, long StoreGzipBytes)
    {
        /// <summary>The index side of a first single-word search: the manifest and a part of median size.</summary>
        public long FirstSearchGzipBytes => ManifestGzipBytes + PartGzipMedian;
    }

    private static IEnumerable<Entry> Documents(Site site) =>
        site.Pages.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Concat(site.Entries.Where(e => e.Kind == EntryKind.Annotation && e.AnnotationTargetKey is { } t && site.ByKey.ContainsKey(t))
                .OrderBy(e => e.Key, StringComparer.Ordinal));

    public static Payload Write(RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        var builder = new LunrIndexBuilder { Ref = "id" }
            .Field("title", 10)
            .Field("tags", 5)
            .Field("body");
        var store = new List<object?[]>();

        foreach (var entry in Documents(site))
        {
            var body = context.Parsed.PlainTextOf(entry);
            var reference = PartitionedIndexWriter.Base36(store.Count);
            builder.Add(reference, new Dictionary<string, string?>
            {
                ["title"] = entry.Title,
                ["tags"] = string.Join(' ', entry.Tags),
                // The summary leads the body: one field less means one field vector less per document.
                ["body"] = entry.Summary + "\n" + body,
            });
            var isAnnotation = entry.Kind == EntryKind.Annotation;
            var target = isAnnotation ? site.ByKey[entry.AnnotationTargetKey!] : entry;
            var url = target.Url + (isAnnotation ? "#" + EntryPageBuilder.AnchorOf(entry) : "");
            var community = isAnnotation ? site.ByKey.GetValueOrDefault($"communities/{entry.CommunityId}") : null;
            store.Add(
            [
                isAnnotation && entry.Title.Length == 0 ? $"Note on {target.Title}" : entry.Title,
                SitePaths.FileOf(url.Split('#')[0]) + (url.Contains('#') ? url[url.IndexOf('#')..] : ""),
                entry.Kind.Label(),
                Snippet(entry.Summary.Length > 0 ? entry.Summary : body),
                string.Join(' ', entry.Tags),
                community?.Id,
                community?.Title,
                isAnnotation ? target.Title : null,
                isAnnotation ? AnnotationVoice.Label(entry, context) : null,
            ]);
        }

        var partitioned = PartitionedIndexWriter.Write(builder.Build());
        var written = new List<(string Path, byte[] Bytes)>(partitioned.Files.Select(f => (Folder + f.Path, f.Bytes)));
        using (var buffer = new MemoryStream())
        {
            buffer.Write("window.PeerCommonsSearchStore={\"fields\":[\"title\",\"url\",\"kind\",\"snippet\",\"tags\",\"community\",\"communityTitle\",\"target\",\"voice\"],\"store\":"u8);
            buffer.Write(JsonSerializer.SerializeToUtf8Bytes(store));
            buffer.Write("};\n"u8);
            written.Add((StorePath, buffer.ToArray()));
        }
        foreach (var (path, bytes) in written) sink.Write(path, bytes);

        // Gzipped as a host sends them. Gzipping every part took over a third of the stage's time (8 of 22 s
        // at 1,000 entries), so the parts' median and largest are taken from a sample spread over the parts
        // ordered by size, which holds the median and the largest; with 33 parts or fewer it is all of them.
        var bySize = partitioned.Parts.OrderBy(p => p.Bytes.Length).ToArray();
        var sample = Enumerable.Range(0, Math.Min(PartSample, bySize.Length))
            .Select(i => bySize.Length <= PartSample ? i : (int)((long)i * (bySize.Length - 1) / (PartSample - 1)))
            .Append(bySize.Length / 2).Distinct().Order()
            .Select(i => Gzip.Length(bySize[i].Bytes)).Order().ToArray();
        return new Payload(store.Count, partitioned.TermsPerPart.Sum(), bySize.Length, written.Sum(f => (long)f.Bytes.Length),
            Gzip.Length(partitioned.Manifest.Bytes), sample[sample.Length / 2], sample[^1],
            Gzip.Length(partitioned.Terms.Bytes), Gzip.Length(written[^1].Bytes));
    }

    private static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= SnippetChars) return flat;
        var cut = flat.LastIndexOf(' ', SnippetChars);
        return flat[..(cut > 0 ? cut : SnippetChars)] + "…";
    }
}
