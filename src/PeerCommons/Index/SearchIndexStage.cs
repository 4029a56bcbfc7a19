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
/// shipped with a compact store of what results show, as one script (search/search-index.js) that
/// defines it, so search works from file:// too. Refs are short (base-36 positions in the store)
/// because lunr repeats the ref in every posting; the store carries titles, URLs and snippets.
/// </summary>
public static class SearchIndexStage
{
    public const string ScriptPath = "search/search-index.js";
    public const int MaxBodyChars = 3000;
    private const int SnippetChars = 220;

    public sealed record Payload(long RawBytes, long GzipBytes, int Documents);

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
            var reference = Base36(store.Count);
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

        var index = builder.Build();
        using var buffer = new MemoryStream();
        buffer.Write("window.PeerCommonsSearch={\"fields\":[\"title\",\"url\",\"kind\",\"snippet\",\"tags\",\"community\",\"communityTitle\",\"target\",\"voice\"],\"index\":"u8);
        WriteCompact(index, buffer);
        buffer.Write(",\"store\":"u8);
        buffer.Write(JsonSerializer.SerializeToUtf8Bytes(store));
        buffer.Write("};\n"u8);
        var bytes = buffer.ToArray();
        sink.Write(ScriptPath, bytes);
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
        if (Base36(checked((int)n)) != text) throw new InvalidOperationException($"search ref '{text}' is not canonical base 36");
        return n;
    }

    private static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= SnippetChars) return flat;
        var cut = flat.LastIndexOf(' ', SnippetChars);
        return flat[..(cut > 0 ? cut : SnippetChars)] + "…";
    }

    private static string Base36(int n)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (n == 0) return "0";
        var text = new StringBuilder();
        for (; n > 0; n /= 36) text.Insert(0, digits[n % 36]);
        return text.ToString();
    }

}
