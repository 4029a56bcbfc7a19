using System.Text.Json;
using PeerCommons.Search;
using PeerCommons.Write;

namespace PeerCommons.Index;

/// <summary>
/// Writes what search results show, in parts a first search loads only for the results it shows
/// (format: docs/search-store.md). Each part is a script that registers itself on <c>window</c>, so it
/// loads from file://, under any sub-path and under the site's CSP, with no fetch.
/// <list type="bullet">
/// <item><c>search/facets.js</c>: the little every search needs up front, to filter all results before any
/// of their documents is loaded: kinds and communities as run lengths over refs, and the site's tag names.</item>
/// <item><c>search/docs/&lt;part&gt;.js</c>: the documents of one part (refs part × <see cref="DocumentsPerPart"/> on).</item>
/// <item><c>search/tags/&lt;n&gt;.js</c>: the refs carrying tag n, loaded when a visitor filters by that tag.</item>
/// </list>
/// </summary>
public static class SearchStore
{
    public const string FacetsPath = "search/facets.js";
    public const string DocumentsFolder = "search/docs";
    public const string TagsFolder = "search/tags";

    /// <summary>Up to this many documents, each has a file of its own (<see cref="DocumentsPerPart(int)"/>).</summary>
    public const int OneDocumentAFileUpTo = 10_000;

    /// <summary>Documents a file above <see cref="OneDocumentAFileUpTo"/>.</summary>
    public const int DocumentsPerPartAtScale = 4;

    /// <summary>
    /// Documents a file of search/docs/: one up to <see cref="OneDocumentAFileUpTo"/> documents (about 4,000
    /// entries), <see cref="DocumentsPerPartAtScale"/> above. Why: the ten results of a first search are rarely
    /// neighbours, so it loads about ten files whatever they hold, and k documents a file cost about k times the
    /// bytes (a document is about 1.5 kB gzipped); but at scale every file is an inode that a clean build creates
    /// and <c>rm -rf</c> frees one by one, and one file a document was 25,164 of 53,617 files at 10,000 entries.
    /// Four a file make that 6,291 for 14 kB more per first single-word search in Chromium (84 kB median, of a
    /// 150 kB budget); eight would save 3,145 files more for about 27 kB more again (docs/search-store.md).
    /// </summary>
    public static int DocumentsPerPart(int documents) => documents <= OneDocumentAFileUpTo ? 1 : DocumentsPerPartAtScale;

    /// <summary>What was written, for the build report: raw bytes of every part; gzipped (as a host sends them)
    /// the facets, and the median and largest file of search/docs/ (of <c>DocumentsPerPart</c> documents), measured on a sample (<see cref="Gzip.SampledMedianAndLargest"/>).</summary>
    public sealed record Sizes(long RawBytes, long FacetsGzipBytes, int DocumentsPerPart, int DocumentParts, long DocumentGzipMedian, long DocumentGzipMax, int TagParts);

    /// <param name="documents">In ref order: the ref of a document is its position here.</param>
    /// <param name="documentsPerPart">Tests only: documents a file instead of <see cref="DocumentsPerPart(int)"/>'s, to try grouped files on a small site.</param>
    public static Sizes Write(IReadOnlyList<SearchDocument> documents, IOutputSink sink, int? documentsPerPart = null)
    {
        var perPart = documentsPerPart ?? DocumentsPerPart(documents.Count);
        if (perPart < 1) throw new ArgumentOutOfRangeException(nameof(documentsPerPart), perPart, "a file holds at least one document");
        var tags = documents.SelectMany(d => d.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var script = new ScriptWriter();
        var facets = Facets(script, documents, tags, perPart).ToArray();
        sink.Write(FacetsPath, facets);

        // Thousands of small files: written in parallel, since creating a file costs more than its bytes
        // (25,108 parts took 37 s one after another on a busy 2-core machine). Each part is whole in itself.
        var parts = (documents.Count + perPart - 1) / perPart;
        var partLengths = new int[parts];
        Parallel.For(0, parts, () => new ScriptWriter(), (part, _, writer) =>
        {
            var bytes = DocumentScript(writer, documents, part, perPart);
            partLengths[part] = bytes.Length;
            sink.Write(DocumentPath(part), bytes);
            return writer;
        }, writer => writer.Dispose());
        var bySize = Enumerable.Range(0, parts).OrderBy(p => partLengths[p]).ToArray();
        var (median, largest) = Gzip.SampledMedianAndLargest(parts, i => DocumentScript(script, documents, bySize[i], perPart).ToArray());

        var refsByTag = Enumerable.Range(0, documents.Count)
            .SelectMany(r => documents[r].Tags.Distinct(StringComparer.Ordinal).Select(tag => (tag, r)))
            .ToLookup(p => p.tag, p => p.r, StringComparer.Ordinal);
        long tagBytes = 0;
        for (var t = 0; t < tags.Count; t++)
        {
            var json = script.Begin("(window.PeerCommonsSearchTags=window.PeerCommonsSearchTags||{})["u8, t);
            Deltas(json, refsByTag[tags[t]]);
            var bytes = script.End();
            tagBytes += bytes.Length;
            sink.Write(TagPath(t), bytes);
        }
        return new Sizes(facets.Length + partLengths.Sum(l => (long)l) + tagBytes, Gzip.Length(facets), perPart, parts, median, largest, tags.Count);
    }

    private static ReadOnlySpan<byte> DocumentScript(ScriptWriter script, IReadOnlyList<SearchDocument> documents, int part, int perPart)
    {
        var first = part * perPart;
        var json = script.Begin("(window.PeerCommonsSearchDocs=window.PeerCommonsSearchDocs||{})["u8, first);
        json.WriteStartArray();
        // Each row was written as JSON, by the same writer's options, when its document was made.
        for (var r = first; r < Math.Min(first + perPart, documents.Count); r++) json.WriteRawValue(documents[r].Row, skipInputValidation: true);
        json.WriteEndArray();
        return script.End();
    }

    public static string DocumentPath(int part) => $"{DocumentsFolder}/{PartitionedIndexWriter.Base36(part)}.js";

    public static string TagPath(int tag) => $"{TagsFolder}/{PartitionedIndexWriter.Base36(tag)}.js";

    private static ReadOnlySpan<byte> Facets(ScriptWriter script, IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> tags, int perPart)
    {
        var kinds = documents.Select(d => d.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var communities = documents.Where(d => d.CommunityId is not null)
            .Select(d => (Id: d.CommunityId!, Title: d.CommunityTitle ?? d.CommunityId!))
            .DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var communityCodes = communities.Select((c, i) => (c.Id, Code: i + 1)).ToDictionary(c => c.Id, c => c.Code, StringComparer.Ordinal);

        var json = script.Begin("window.PeerCommonsSearchFacets="u8);
        json.WriteStartObject();
        json.WriteNumber("perPart", perPart);
        json.WriteNumber("count", documents.Count);
        json.WritePropertyName("kinds");
        Strings(json, kinds);
        json.WritePropertyName("kindRuns");
        Runs(json, documents.Select(d => kinds.IndexOf(d.Kind)));
        // Code 0 is "no community" (entries); community n is communities[n - 1].
        json.WriteStartArray("communities");
        foreach (var (id, title) in communities) Strings(json, [id, title]);
        json.WriteEndArray();
        json.WritePropertyName("communityRuns");
        Runs(json, documents.Select(d => d.CommunityId is { } id ? communityCodes[id] : 0));
        json.WritePropertyName("tags");
        Strings(json, tags);
        json.WriteEndObject();
        return script.End();
    }

    /// <summary>Strings as a JSON array, null as null.</summary>
    private static void Strings(Utf8JsonWriter json, ReadOnlySpan<string?> values)
    {
        json.WriteStartArray();
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, IReadOnlyList<string> values)
    {
        json.WriteStartArray();
        for (var i = 0; i < values.Count; i++) json.WriteStringValue(values[i]);
        json.WriteEndArray();
    }

    /// <summary>Run-length code over refs: [code, how many refs in a row have it, code, count, …].</summary>
    private static void Runs(Utf8JsonWriter json, IEnumerable<int> codes)
    {
        var runs = new List<int>();
        foreach (var code in codes)
        {
            if (runs.Count > 0 && runs[^2] == code) runs[^1]++;
            else { runs.Add(code); runs.Add(1); }
        }
        json.WriteStartArray();
        foreach (var value in runs) json.WriteNumberValue(value);
        json.WriteEndArray();
    }

    /// <summary>Ascending refs as the first and the differences between neighbours.</summary>
    private static void Deltas(Utf8JsonWriter json, IEnumerable<int> sorted)
    {
        var previous = 0;
        json.WriteStartArray();
        foreach (var r in sorted)
        {
            json.WriteNumberValue(r - previous);
            previous = r;
        }
        json.WriteEndArray();
    }
}
