using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Search;
using PeerCommons.Write;

namespace PeerCommons.Index;

/// <summary>
/// The index stage: a lunr.js 2.x index of every page and annotation, built by PeerCommons.Search,
/// shipped as one script (search/search-index.js) that defines it, so search works from file:// too.
/// Refs are short (base-36 positions in the store) because lunr repeats the ref in every posting; what
/// results show is written beside it in small parts by <see cref="SearchStore"/>.
/// </summary>
public static class SearchIndexStage
{
    public const string ScriptPath = "search/search-index.js";
    public const int MaxBodyChars = 3000;

    public sealed record Payload(long RawBytes, long GzipBytes, int Documents);

    /// <summary>
    /// Takes the searchable text of every document now, in parallel, so that <see cref="Write"/> can run
    /// beside rendering: rendering resolves links inside the Markdown trees this text is read from.
    /// </summary>
    public static void TakeText(RenderContext context) =>
        Parallel.ForEach(Documents(context.Site), entry => context.Parsed.PlainTextOf(entry));

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
        var store = new List<SearchDocument>();

        foreach (var entry in Documents(site))
        {
            var body = context.Parsed.PlainTextOf(entry);
            var reference = SearchStore.Base36(store.Count);
            builder.Add(reference, new Dictionary<string, string?>
            {
                ["title"] = entry.Title,
                ["tags"] = string.Join(' ', entry.Tags),
                // The summary leads the body: one field less means one field vector less per document.
                ["body"] = entry.Summary + "\n" + body,
            });
            store.Add(SearchDocument.Of(entry, body, context));
        }

        var index = builder.Build();
        using var buffer = new MemoryStream();
        buffer.Write("window.PeerCommonsSearch={\"index\":"u8);
        WriteCompact(index, buffer);
        buffer.Write("};\n"u8);
        var bytes = buffer.ToArray();
        sink.Write(ScriptPath, bytes);
        SearchStore.Write(store, sink);
        return new Payload(bytes.Length, Gzip.Length(bytes), store.Count);
    }

    /// <summary>
    /// Writes lunr's serialized index in a lossless, compact transport form that search.js expands back
    /// into exactly the object lunr.js would serialize (then <c>lunr.Index.load</c>), because lunr's JSON
    /// spends most of its bytes on structure, not information: every posting is <c>"ref":{}</c> and every
    /// field vector repeats term indices and 3-decimal scores as text. Measured on the 1,000-entry
    /// benchmark corpus (2,468 documents, gzip -9): lunr JSON with our short refs 1.68 MB, this form
    /// 1.01 MB; with the store the payload is 0.21 of lunr.js's own index with path refs (5.26 MB), the
    /// target being 0.25; the starter content goes from 144 kB to about 118 kB. Rounding scores further,
    /// dropping the tags field or cutting bodies shorter would also shrink it, but change ranking or what
    /// can be found; this changes nothing lunr sees.
    /// <code>
    /// { "version", "pipeline", "fields",
    ///   "terms": [[term, _index, [refs of field 0, delta-coded], [refs of field 1], …], …]   (lunr's order)
    ///   "vectors": [[field number, ref, [term indices, delta-coded], [score × 1000 as integers]], …] }
    /// </code>
    /// Refs are the base-36 store positions as numbers. Postings must carry no metadata (no whitelist).
    /// </summary>
    private static void WriteCompact(LunrIndex index, Stream output)
    {
        if (index.HasMetadata)
            throw new InvalidOperationException("the compact search index holds no term metadata: leave the metadata whitelist empty");
        var numbers = index.References.Select(FromBase36).ToArray();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("version", LunrIndex.LunrVersion);
        json.WriteStartArray("pipeline");
        foreach (var function in LunrIndex.SearchPipeline) json.WriteStringValue(function);
        json.WriteEndArray();
        json.WriteStartArray("fields");
        foreach (var field in index.Fields) json.WriteStringValue(field);
        json.WriteEndArray();

        json.WriteStartArray("terms");
        var refs = new List<long>();
        for (var t = 0; t < index.TermCount; t++)
        {
            var term = index.GetTerm(t);
            json.WriteStartArray();
            json.WriteStringValue(term.Text);
            json.WriteNumberValue(term.Index);
            for (var field = 0; field < index.Fields.Count; field++)
            {
                refs.Clear();
                foreach (var document in term.Documents(field)) refs.Add(numbers[document]);
                refs.Sort();
                json.WriteStartArray();
                long previous = 0;
                foreach (var r in refs) { json.WriteNumberValue(r - previous); previous = r; }
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();

        json.WriteStartArray("vectors");
        for (var v = 0; v < index.FieldVectorCount; v++)
        {
            var vector = index.GetFieldVector(v);
            json.WriteStartArray();
            json.WriteNumberValue(vector.Field);
            json.WriteNumberValue(numbers[vector.Reference]);
            json.WriteStartArray();
            long previous = 0;
            for (var i = 0; i < vector.Count; i++)
            {
                var term = vector.TermIndex(i);
                json.WriteNumberValue(term - previous);
                previous = term;
            }
            json.WriteEndArray();
            json.WriteStartArray();
            // lunr rounds scores to Math.round(x * 1000) / 1000, so score × 1000 is an integer and
            // k / 1000 in JavaScript gives back the very same double.
            for (var i = 0; i < vector.Count; i++)
                json.WriteNumberValue((long)Math.Round(vector.Score(i) * 1000, MidpointRounding.AwayFromZero));
            json.WriteEndArray();
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static long FromBase36(string text)
    {
        long n = 0;
        foreach (var c in text)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10
                : throw new InvalidOperationException($"search ref '{text}' is not base 36");
            n = n * 36 + digit;
        }
        if (SearchStore.Base36(checked((int)n)) != text) throw new InvalidOperationException($"search ref '{text}' is not canonical base 36");
        return n;
    }

}
