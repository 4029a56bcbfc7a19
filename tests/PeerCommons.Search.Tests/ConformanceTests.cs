using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeerCommons.Search.Tests;

/// <summary>The C# index against the index lunr.js 2.3.9 builds from the same documents, and queries run by
/// real lunr.js against both.</summary>
public class ConformanceTests
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    internal sealed record Built(string Dir, string DocsPath, string OursPath, string LunrPath, string Ours, string Lunr);

    /// <summary>Writes the documents, builds both indexes, returns both JSON texts.</summary>
    internal static Built BuildBoth(List<Dictionary<string, object?>> docs, string refField, FieldSpec[] fields,
        string? boostField = null, string[]? whitelist = null, TrimmerMode trimmer = TrimmerMode.Unicode)
    {
        Repo.RequireLunr();
        var dir = Repo.TempDir();
        var docsPath = Path.Combine(dir, "docs.json");
        File.WriteAllText(docsPath, JsonSerializer.Serialize(docs, JsonOptions), new UTF8Encoding(false));

        var lunrPath = Path.Combine(dir, "lunr-index.json");
        Node.Run("lunr-build.js", new
        {
            docsPath,
            @ref = refField,
            fields = fields.Select(f => new { name = f.Name, boost = f.Boost }).ToArray(),
            boostField,
            metadataWhitelist = whitelist ?? [],
            @out = lunrPath,
        });

        var builder = LunrIndexBuilder.FromJsonDocuments(File.ReadAllBytes(docsPath), refField, fields, boostField, b =>
        {
            foreach (var k in whitelist ?? []) b.MetadataWhitelist.Add(k);
            b.Trimmer = trimmer;
        });
        var index = builder.Build();
        var oursPath = Path.Combine(dir, "ours-index.json");
        using (var fs = File.Create(oursPath)) index.WriteJson(fs);
        return new Built(dir, docsPath, oursPath, lunrPath, File.ReadAllText(oursPath), File.ReadAllText(lunrPath));
    }

    internal static void AssertIdentical(Built built)
    {
        // parsed JSON first, for a readable difference, then the raw text byte for byte
        var ours = JsonNode.Parse(built.Ours)!;
        var lunr = JsonNode.Parse(built.Lunr)!;
        if (!JsonNode.DeepEquals(ours, lunr))
        {
            Assert.Equal(lunr["fields"]!.ToJsonString(), ours["fields"]!.ToJsonString());
            var lv = lunr["fieldVectors"]!.AsArray();
            var ov = ours["fieldVectors"]!.AsArray();
            for (int i = 0; i < Math.Min(lv.Count, ov.Count); i++) Assert.Equal(lv[i]!.ToJsonString(), ov[i]!.ToJsonString());
            Assert.Equal(lv.Count, ov.Count);
            var li = lunr["invertedIndex"]!.AsArray();
            var oi = ours["invertedIndex"]!.AsArray();
            for (int i = 0; i < Math.Min(li.Count, oi.Count); i++) Assert.Equal(li[i]!.ToJsonString(), oi[i]!.ToJsonString());
            Assert.Equal(li.Count, oi.Count);
            Assert.Fail("parsed indexes differ");
        }
        Assert.Equal(built.Lunr.Length, built.Ours.Length);
        Assert.True(built.Lunr == built.Ours, "index JSON texts differ although they parse equal");
    }

    private static readonly FieldSpec[] PathFields = [new("title", 10), new("body"), new("tags", 3)];

    private static readonly Lazy<Built> PathCorpus = new(() =>
        BuildBoth(Corpus.PathRefDocuments(240, 12345), "id", PathFields, boostField: "boost"));

    [Fact]
    public void PathRefCorpus_240Documents_WithFieldAndDocumentBoosts_IsByteIdentical()
    {
        var built = PathCorpus.Value;
        var parsed = JsonNode.Parse(built.Ours)!;
        Assert.Equal(240, parsed["fieldVectors"]!.AsArray().Count / 3);
        Assert.True(parsed["invertedIndex"]!.AsArray().Count > 200);
        AssertIdentical(built);
    }

    [Fact]
    public void NumericRefCorpus_WithPositionMetadata_IsByteIdentical()
    {
        var built = BuildBoth(Corpus.NumericRefDocuments(210, 777), "ref", [new("title", 5), new("body")], whitelist: ["position"]);
        Assert.Contains("\"position\":[[", built.Ours);
        AssertIdentical(built);
    }

    [Fact]
    public void EdgeCases_ArraysNumbersDuplicatesAndAllMetadata_AreByteIdentical()
    {
        var rng = new Prng(4242);
        var docs = new List<Dictionary<string, object?>>();
        for (int i = 0; i < 60; i++)
        {
            docs.Add(new Dictionary<string, object?>
            {
                ["id"] = i % 3 == 0 ? (object)(i * 10) : $"doc {i}",
                ["title"] = i % 9 == 0 ? null : Corpus.Sentence(rng, 4),
                ["tags"] = new object?[] { rng.Pick(Corpus.Words), "Two Words", i, null, true, "..." },
                ["body"] = i % 5 == 0 ? (object)(i * 1.5) : Corpus.Paragraphs(rng, 2),
                ["2"] = Corpus.Sentence(rng, 3),
            });
        }
        docs.Add(new Dictionary<string, object?> { ["id"] = "doc 1", ["title"] = "a duplicate reference added again", ["body"] = "duplicate body text", ["tags"] = new object[] { "again" } });
        docs.Add(new Dictionary<string, object?> { ["id"] = 30, ["title"] = "numeric duplicate", ["body"] = "the body", ["2"] = "numbered field" });
        var built = BuildBoth(docs, "id", [new("title", 2.5), new("tags"), new("body", 0.5), new("2", 1)], whitelist: ["position", "index", "fields", "position", "unknown"]);
        AssertIdentical(built);
    }

    [Fact]
    public void UnicodeText_WithLunrTrimmerMode_IsByteIdenticalToLunr()
    {
        var rng = new Prng(31);
        var docs = Enumerable.Range(0, 40).Select(i => new Dictionary<string, object?>
        {
            ["id"] = $"u{i}",
            ["body"] = Corpus.Paragraphs(rng, 2) + " crisis café, Māori «Öffnung» “quoted” — naïve İstanbul ΟΔΟΣ über \ud83d\ude00 x² 東京.",
        }).ToList();
        AssertIdentical(BuildBoth(docs, "id", [new("body")], trimmer: TrimmerMode.Lunr));
    }

    [Fact]
    public void NonAsciiPunctuation_IsTrimmedLikeLunr_ByDefault()
    {
        var rng = new Prng(32);
        var docs = Enumerable.Range(0, 30).Select(i => new Dictionary<string, object?>
        {
            ["id"] = $"p{i}",
            ["body"] = "“" + Corpus.Sentence(rng, 6) + "” — «" + Corpus.Sentence(rng, 3) + "» …and… ¿" + Corpus.Sentence(rng, 2) + "¡",
        }).ToList();
        AssertIdentical(BuildBoth(docs, "id", [new("body")]));
    }

    /// <summary>Queries of every kind lunr supports, drawn from the corpus vocabulary.</summary>
    internal static List<string> Queries()
    {
        var rng = new Prng(2025);
        string W() => rng.Pick(Corpus.Words.Where(w => w.Length > 3).ToArray());
        var q = new List<string>();
        for (int i = 0; i < 12; i++) q.Add(W());                                   // single terms
        for (int i = 0; i < 8; i++) q.Add($"{W()} {W()}");                         // several terms
        for (int i = 0; i < 4; i++) q.Add($"{W()} {W()} {W()}");
        for (int i = 0; i < 4; i++) q.Add($"title:{W()}");                         // field scoped
        for (int i = 0; i < 3; i++) q.Add($"body:{W()} tags:{W()}");
        for (int i = 0; i < 6; i++) q.Add(W()[..3] + "*");                         // trailing wildcard
        q.Add("*ing"); q.Add("co*ion"); q.Add("*ness");                            // leading / inner wildcard
        for (int i = 0; i < 6; i++) q.Add(W() + "~1");                             // fuzzy
        q.Add("gardn~2");
        for (int i = 0; i < 5; i++) q.Add($"+{W()} -{W()}");                       // required / excluded
        q.Add("+community +garden"); q.Add("garden -community"); q.Add("-garden");
        for (int i = 0; i < 4; i++) q.Add($"{W()}^10 {W()}");                      // boosts
        q.Add("title:garden^5 body:garden");
        q.Add("Gardening Volunteers"); q.Add("the and of"); q.Add("nonexistentword"); q.Add("yesterday's");
        return q;
    }

    [Fact]
    public void Queries_ReturnTheSameRefsOrderAndScores_FromBothIndexes()
    {
        var built = PathCorpus.Value;
        var queries = Queries();
        Assert.True(queries.Count >= 50, $"{queries.Count} queries");
        var json = Node.Run("lunr-query.js", new { indexes = new[] { built.LunrPath, built.OursPath }, queries });
        using var doc = JsonDocument.Parse(json);
        var fromLunr = doc.RootElement[0];
        var fromOurs = doc.RootElement[1];
        int nonEmpty = 0;
        for (int i = 0; i < queries.Count; i++)
        {
            var l = fromLunr[i];
            var o = fromOurs[i];
            Assert.False(l.TryGetProperty("error", out var err), $"query '{queries[i]}' failed: {err}");
            Assert.Equal(l.GetRawText(), o.GetRawText());
            var refs = l.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ref").GetString()).ToList();
            var oursRefs = o.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ref").GetString()).ToList();
            Assert.Equal(refs, oursRefs);
            var scores = l.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
            var oursScores = o.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(scores, oursScores);
            if (refs.Count > 0) nonEmpty++;
        }
        Assert.True(nonEmpty >= queries.Count * 3 / 4, $"only {nonEmpty} of {queries.Count} queries found anything");
    }

    [Fact]
    public void AddDictionaryApi_ProducesTheSameIndexAsJsonInput()
    {
        var docs = Corpus.PathRefDocuments(50, 99);
        var fromJson = LunrIndexBuilder.FromJsonDocuments(JsonSerializer.SerializeToUtf8Bytes(docs), "id", PathFields, "boost").Build().ToJson();

        var builder = new LunrIndexBuilder { Ref = "id" };
        foreach (var f in PathFields) builder.Field(f.Name, f.Boost);
        foreach (var d in docs)
        {
            var strings = d.Where(kv => kv.Value is string).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
            builder.Add(strings, d.TryGetValue("boost", out var b) && b is double boost ? boost : 1);
        }
        var viaApi = builder.Build();
        Assert.Equal(fromJson, viaApi.ToJson());

        // Utf8JsonWriter output is the same bytes
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) viaApi.WriteJson(w);
        Assert.Equal(fromJson, Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void AddSpanApi_ProducesTheSameIndexAsTheDictionaryApi_FromOneReusedBuffer()
    {
        var docs = Corpus.PathRefDocuments(50, 7);
        var byName = new LunrIndexBuilder { Ref = "id" };
        var bySpan = new LunrIndexBuilder { Ref = "id" };
        foreach (var f in PathFields) { byName.Field(f.Name, f.Boost); bySpan.Field(f.Name, f.Boost); }
        // Every document's texts are written over the previous one's, as the site's index stage does.
        var buffer = new char[64];
        foreach (var d in docs)
        {
            var strings = d.Where(kv => kv.Value is string).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
            var boost = d.TryGetValue("boost", out var b) && b is double value ? value : 1;
            byName.Add(strings, boost);

            var texts = PathFields.Select(f => strings.GetValueOrDefault(f.Name)).TakeWhile(t => t is not null).Select(t => t!).ToList();
            var length = texts.Sum(t => t.Length);
            if (buffer.Length < length) buffer = new char[length];
            var slices = new ReadOnlyMemory<char>[texts.Count];
            var at = 0;
            for (var i = 0; i < texts.Count; i++)
            {
                texts[i].CopyTo(buffer.AsSpan(at));
                slices[i] = buffer.AsMemory(at, texts[i].Length);
                at += texts[i].Length;
            }
            bySpan.Add(strings["id"]!, slices, boost);
        }
        Assert.Equal(byName.Build().ToJson(), bySpan.Build().ToJson());
    }
}
