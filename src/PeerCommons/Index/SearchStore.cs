using System.Text.Encodings.Web;
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

    /// <summary>
    /// One document a part: a result page of 10 loads 10 parts of about 1.3 kB gzipped each. Two a part
    /// would halve the files but double the bytes, because results of one query are rarely neighbours.
    /// </summary>
    public const int DocumentsPerPart = 1;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What was written, for the build report: raw bytes of every part; gzipped (as a host sends them)
    /// the facets, and a document part's median and largest, measured on a sample (<see cref="Gzip.SampledMedianAndLargest"/>).</summary>
    public sealed record Sizes(long RawBytes, long FacetsGzipBytes, int DocumentParts, long DocumentGzipMedian, long DocumentGzipMax, int TagParts);

    /// <param name="documents">In ref order: the ref of a document is its position here.</param>
    public static Sizes Write(IReadOnlyList<SearchDocument> documents, IOutputSink sink)
    {
        var tags = documents.SelectMany(d => d.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var facets = Script("window.PeerCommonsSearchFacets=", Facets(documents, tags));
        sink.Write(FacetsPath, facets);

        // Thousands of small files: written in parallel, since creating a file costs more than its bytes
        // (25,108 parts took 37 s one after another on a busy 2-core machine). Each part is whole in itself.
        var parts = (documents.Count + DocumentsPerPart - 1) / DocumentsPerPart;
        var partLengths = new int[parts];
        Parallel.For(0, parts, part =>
        {
            var bytes = DocumentScript(documents, part);
            partLengths[part] = bytes.Length;
            sink.Write(DocumentPath(part), bytes);
        });
        var bySize = Enumerable.Range(0, parts).OrderBy(p => partLengths[p]).ToArray();
        var (median, largest) = Gzip.SampledMedianAndLargest(parts, i => DocumentScript(documents, bySize[i]));

        var refsByTag = Enumerable.Range(0, documents.Count)
            .SelectMany(r => documents[r].Tags.Distinct(StringComparer.Ordinal).Select(tag => (tag, r)))
            .ToLookup(p => p.tag, p => p.r, StringComparer.Ordinal);
        long tagBytes = 0;
        for (var t = 0; t < tags.Count; t++)
        {
            var bytes = Script($"(window.PeerCommonsSearchTags=window.PeerCommonsSearchTags||{{}})[{t}]=", Deltas(refsByTag[tags[t]]));
            tagBytes += bytes.Length;
            sink.Write(TagPath(t), bytes);
        }
        return new Sizes(facets.Length + partLengths.Sum(l => (long)l) + tagBytes, Gzip.Length(facets), parts, median, largest, tags.Count);
    }

    private static byte[] DocumentScript(IReadOnlyList<SearchDocument> documents, int part)
    {
        var first = part * DocumentsPerPart;
        var rows = Enumerable.Range(first, Math.Min(DocumentsPerPart, documents.Count - first)).Select(r => Row(documents[r])).ToList();
        return Script($"(window.PeerCommonsSearchDocs=window.PeerCommonsSearchDocs||{{}})[{first}]=", rows);
    }

    public static string DocumentPath(int part) => $"{DocumentsFolder}/{PartitionedIndexWriter.Base36(part)}.js";

    public static string TagPath(int tag) => $"{TagsFolder}/{PartitionedIndexWriter.Base36(tag)}.js";

    private static object Facets(IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> tags)
    {
        var kinds = documents.Select(d => d.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var communities = documents.Where(d => d.CommunityId is not null)
            .Select(d => (Id: d.CommunityId!, Title: d.CommunityTitle ?? d.CommunityId!))
            .DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var communityCodes = communities.Select((c, i) => (c.Id, Code: i + 1)).ToDictionary(c => c.Id, c => c.Code, StringComparer.Ordinal);
        return new Dictionary<string, object>
        {
            ["perPart"] = DocumentsPerPart,
            ["count"] = documents.Count,
            ["kinds"] = kinds,
            ["kindRuns"] = Runs(documents.Select(d => kinds.IndexOf(d.Kind))),
            // Code 0 is "no community" (entries); community n is communities[n - 1].
            ["communities"] = communities.Select(c => new[] { c.Id, c.Title }).ToList(),
            ["communityRuns"] = Runs(documents.Select(d => d.CommunityId is { } id ? communityCodes[id] : 0)),
            ["tags"] = tags,
        };
    }

    /// <summary>
    /// A document as an array, the smallest JSON for thousands of parts:
    /// [title, url, kind, summary, tags, community id, community title, target title, voice, [[id, heading, text], …]],
    /// a section's id and heading being null for the text before the first heading.
    /// </summary>
    private static object?[] Row(SearchDocument d) =>
    [
        d.Title, d.Url, d.Kind, d.Summary, d.Tags, d.CommunityId, d.CommunityTitle, d.Target, d.Voice,
        d.Sections.Select(s => new object?[] { s.Id, s.Heading, s.Text }).ToList(),
    ];

    /// <summary>Run-length code over refs: [code, how many refs in a row have it, code, count, …].</summary>
    private static List<int> Runs(IEnumerable<int> codes)
    {
        var runs = new List<int>();
        foreach (var code in codes)
        {
            if (runs.Count > 0 && runs[^2] == code) runs[^1]++;
            else { runs.Add(code); runs.Add(1); }
        }
        return runs;
    }

    private static List<int> Deltas(IEnumerable<int> sorted)
    {
        var previous = 0;
        return sorted.Select(r => { var d = r - previous; previous = r; return d; }).ToList();
    }

    private static byte[] Script(string prefix, object value) =>
        [.. System.Text.Encoding.UTF8.GetBytes(prefix), .. JsonSerializer.SerializeToUtf8Bytes(value, Json), .. System.Text.Encoding.UTF8.GetBytes(";\n")];
}
