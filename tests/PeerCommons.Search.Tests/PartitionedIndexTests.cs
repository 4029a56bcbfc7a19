using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PeerCommons.Search.Tests;

/// <summary>
/// The partitioned index (PartitionedIndexWriter + theme/assets/search-reader.js) against real lunr.js 2.3.9
/// searching the whole index of the same documents: the same refs, order, scores and matchData for every
/// query of the conformance set; the parts decode to the index they were written from; a first search loads
/// only the parts it needs.
/// </summary>
public class PartitionedIndexTests
{
    private static readonly FieldSpec[] PathFields = [new("title", 10), new("body"), new("tags", 3)];

    internal sealed record Written(string Dir, string IndexPath, string ManifestPath, PartitionedIndex Parts);

    /// <summary>Builds the index of <paramref name="docs"/>, writes it whole (lunr's JSON) and partitioned.</summary>
    internal static Written Write(List<Dictionary<string, object?>> docs, FieldSpec[] fields, int targetPartBytes, string? boostField = null)
    {
        var dir = Repo.TempDir();
        var index = LunrIndexBuilder.FromJsonDocuments(JsonSerializer.SerializeToUtf8Bytes(docs), "id", fields, boostField).Build();
        var indexPath = Path.Combine(dir, "whole.json");
        using (var fs = File.Create(indexPath)) index.WriteJson(fs);
        var parts = PartitionedIndexWriter.Write(index, new PartitionOptions { TargetPartBytes = targetPartBytes });
        foreach (var file in parts.Files)
        {
            var path = Path.Combine(dir, "search", file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Bytes);
        }
        return new Written(dir, indexPath, Path.Combine(dir, "search", PartitionedIndexWriter.ManifestName), parts);
    }

    // Small parts (hundreds of them, so wildcards and fuzzy terms cross part boundaries) and the default size.
    private static readonly Lazy<Written> SmallParts = new(() => Write(Corpus.PathRefDocuments(240, 12345), PathFields, 600, "boost"));
    private static readonly Lazy<Written> DefaultParts = new(() => Write(Corpus.PathRefDocuments(240, 12345), PathFields, new PartitionOptions().TargetPartBytes, "boost"));

    internal sealed record Answer(string Query, string? Error, JsonElement Results, string[] Loaded);

    internal static (List<Answer> Lunr, List<Answer> Parts) Query(Written written, IReadOnlyList<string> queries, bool typed = false)
    {
        var json = Node.Run("partitioned-query.js", new { index = written.IndexPath, manifest = written.ManifestPath, queries, typed });
        var doc = JsonDocument.Parse(json).RootElement;
        List<Answer> Read(JsonElement list) => list.EnumerateArray().Select(a => new Answer(
            a.GetProperty("query").GetString()!,
            a.TryGetProperty("error", out var e) ? e.GetString() : null,
            a.GetProperty("results").Clone(),
            a.TryGetProperty("loaded", out var l) ? l.EnumerateArray().Select(x => x.GetString()!).ToArray() : [])).ToList();
        return (Read(doc.GetProperty("lunr")), Read(doc.GetProperty("parts")));
    }

    /// <summary>Every answer of the reader equals lunr.js's: refs, order, scores (exactly, so to 3 decimals)
    /// and matchData, compared as the JSON each side prints. Returns the queries that differ.</summary>
    internal static List<string> Differences(List<Answer> lunr, List<Answer> parts)
    {
        var different = new List<string>();
        for (var i = 0; i < lunr.Count; i++)
        {
            if (lunr[i].Error != parts[i].Error || lunr[i].Results.GetRawText() != parts[i].Results.GetRawText())
                different.Add($"{lunr[i].Query}: lunr {Summary(lunr[i])}, parts {Summary(parts[i])}");
        }
        return different;
    }

    private static string Summary(Answer a) => a.Error ?? string.Join(" ", a.Results.EnumerateArray().Take(5)
        .Select(r => r.GetProperty("ref").GetString() + "=" + r.GetProperty("score").GetDouble().ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ConformanceQueries_SmallParts_SameRefsOrderScoresAndMatchDataAsLunrJs()
    {
        var written = SmallParts.Value;
        Assert.True(written.Parts.Parts.Count > 50, $"{written.Parts.Parts.Count} parts: too few to cross part boundaries");
        var queries = ConformanceTests.Queries();
        var (lunr, parts) = Query(written, queries);
        Assert.Empty(Differences(lunr, parts));
        Assert.True(lunr.Count(a => a.Results.GetArrayLength() > 0) >= queries.Count * 3 / 4, "too few queries found anything");
        // The forms that take more than the exact term's part were exercised across many parts.
        var termListUsers = parts.Where(a => a.Loaded.Any(f => f.EndsWith("/terms.js"))).Select(a => a.Query).ToList();
        Assert.Contains("*ing", termListUsers);
        Assert.Contains("gardn~2", termListUsers);
        Assert.True(parts.Where(a => a.Query.Contains('~')).Max(a => a.Loaded.Length) > 3, string.Join("; ", parts.Where(a => a.Query.Contains('~')).Select(a => a.Query + " " + string.Join(",", a.Loaded))));
    }

    [Fact]
    public void ConformanceQueries_DefaultParts_SameAsLunrJs_AndTheTrailingWildcardFallbackToo()
    {
        var queries = ConformanceTests.Queries().Concat(["gar*", "communit*", "-community", "+garden +nonexistentword", "title:nonexistentword", "bogusfield:garden", "garden^"]).ToList();
        var (lunr, parts) = Query(DefaultParts.Value, queries);
        Assert.Empty(Differences(lunr, parts));
        // A query lunr rejects is rejected by the reader with lunr's own message.
        Assert.NotNull(parts.Single(a => a.Query == "bogusfield:garden").Error);
    }

    [Fact]
    public void TypedText_AsSearchJsFallsBackToIt_WordsWithATrailingWildcard_SameAsLunrJs()
    {
        // idx.query(fn) with q.term(word, { wildcard: TRAILING }): the pipeline runs on "word*", unlike "word*" parsed.
        string[] typed = ["gar", "garden", "commun gard", "volunteering", "a", "zzz", "co"];
        var (lunr, parts) = Query(SmallParts.Value, typed, typed: true);
        Assert.Empty(Differences(lunr, parts));
        Assert.True(lunr.Count(a => a.Results.GetArrayLength() > 0) >= 4, "too few typed texts found anything");
    }

    [Fact]
    public void WrittenParts_DecodeToTheIndexTheyWereWrittenFrom()
    {
        foreach (var written in new[] { SmallParts.Value, DefaultParts.Value })
        {
            var (terms, postings, mismatches) = RoundTrip(written);
            Assert.Empty(mismatches);
            Assert.True(terms > 200 && postings > 2000, $"{terms} terms, {postings} postings");
        }
    }

    private static (int Terms, int Postings, string[] Mismatches) RoundTrip(Written written)
    {
        var json = Node.Run("partitioned-roundtrip.js", new { index = written.IndexPath, manifest = written.ManifestPath });
        var doc = JsonDocument.Parse(json).RootElement;
        return (doc.GetProperty("terms").GetInt32(), doc.GetProperty("postings").GetInt32(),
            doc.GetProperty("mismatches").EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public void APerturbedWeight_IsCaughtByTheRoundTrip_AndChangesTheRanking()
    {
        var written = Write(Corpus.PathRefDocuments(240, 12345), PathFields, 600, "boost");
        var term = "garden";
        var partPath = Path.Combine(Path.GetDirectoryName(written.ManifestPath)!, written.Parts.Parts[written.Parts.PartOf(term)].Path);
        var text = File.ReadAllText(partPath);
        // The row of the term: [term, _index, docs, weights, …] (inside JSON.parse("…"), its quotes escaped);
        // add 0.001 to its first title weight.
        var row = Regex.Match(text, "\\[\\\\\"" + term + "\\\\\",\\d+,\\[[\\d,]*\\],\\[(\\d+)");
        Assert.True(row.Success, $"no row for '{term}' in {partPath}");
        var weight = row.Groups[1];
        File.WriteAllText(partPath, text[..weight.Index] + (long.Parse(weight.Value) + 1) + text[(weight.Index + weight.Length)..], new UTF8Encoding(false));

        Assert.Contains(RoundTrip(written).Mismatches, m => m.StartsWith(term + "/"));
        var (lunr, parts) = Query(written, ["garden", "title:garden", "cabbage"]);
        var different = Differences(lunr, parts);
        Assert.Contains(different, d => d.StartsWith("garden:"));
        Assert.Contains(different, d => d.StartsWith("title:garden:"));
    }

    [Fact]
    public void AFirstSingleWordSearch_LoadsTheManifestAndOnePart_ATrailingWildcardTheRangeOfItsPrefix()
    {
        var written = SmallParts.Value;
        var (_, parts) = Query(written, ["garden", "nonexistentword", "garden community", "gar*"]);
        var garden = parts[0].Loaded;
        Assert.Equal(["index.js", written.Parts.Parts[written.Parts.PartOf("garden")].Path], garden);
        Assert.Equal(2, parts[1].Loaded.Length);
        Assert.True(parts[2].Loaded.Length <= 3, string.Join(", ", parts[2].Loaded));
        // "gar*" loads the parts whose terms may start with "gar", and not the term list.
        var expected = Enumerable.Range(0, written.Parts.Parts.Count)
            .Where(p => written.Parts.Boundaries[p].StartsWith("gar", StringComparison.Ordinal) || p == written.Parts.PartOf("gar"))
            .Select(p => written.Parts.Parts[p].Path);
        Assert.Equal(expected.Prepend("index.js"), parts[3].Loaded);
    }

    [Fact]
    public void FirstLettersOfAWord_ThatAreNoTerm_LoadNoPart_ShortTermsAreFoundAsLunrJsFindsThem()
    {
        // Terms of one or two letters ("x", "tv", "ok", "3d") beside longer ones, in parts of 200 bytes.
        var docs = new List<Dictionary<string, object?>>
        {
            new() { ["id"] = "a", ["title"] = "tv and radio", ["body"] = "peer support on tv, ok for x" },
            new() { ["id"] = "b", ["title"] = "3d printing", ["body"] = "okay to try tea together" },
            new() { ["id"] = "c", ["title"] = "talking", ["body"] = "tv tv ok taken tomorrow" },
        };
        var written = Write(docs, [new("title", 10), new("body")], 200);
        var manifest = Encoding.UTF8.GetString(written.Parts.Manifest.Bytes);
        Assert.Contains("\"short\":[\"3d\",\"ok\",\"tv\",\"x\"]", manifest);
        string[] queries = ["t", "ta", "tv", "o", "ok", "x", "q", "3", "3d", "tv ok", "+tv -ok", "+t", "title:tv", "t*", "ta*"];
        var (lunr, parts) = Query(written, queries);
        Assert.Empty(Differences(lunr, parts));
        string[] Loaded(string q) => parts.Single(a => a.Query == q).Loaded;
        foreach (var notATerm in new[] { "t", "ta", "o", "q", "3", "+t" })
            Assert.Equal(["index.js"], Loaded(notATerm));
        Assert.Equal(["index.js", written.Parts.Parts[written.Parts.PartOf("tv")].Path], Loaded("tv"));
        Assert.Equal(["a", "c"], parts.Single(a => a.Query == "tv").Results.EnumerateArray().Select(r => r.GetProperty("ref").GetString()).Order());
        Assert.Empty(parts.Single(a => a.Query == "t").Results.EnumerateArray());
    }

    [Fact]
    public void AFailedLoad_IsTriedAgainByTheNextQuery_LoadedPartsAreKept_AndConcurrentQueriesShareLoads()
    {
        var written = Write(Corpus.PathRefDocuments(240, 12345), PathFields, 600, "boost");
        var part = Path.Combine(Path.GetDirectoryName(written.ManifestPath)!, written.Parts.Parts[written.Parts.PartOf("garden")].Path);
        var json = Node.Run("partitioned-retry.js", new { manifest = written.ManifestPath, part, query = "garden" });
        var result = JsonDocument.Parse(json).RootElement;
        Assert.Contains("no such file", result.GetProperty("first").GetString());
        Assert.True(result.GetProperty("second").GetInt32() > 0);
        Assert.Equal(0, result.GetProperty("loadedAgain").GetArrayLength());
        var concurrent = result.GetProperty("concurrent").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["index.js", written.Parts.Parts[written.Parts.PartOf("garden")].Path], concurrent);
    }

    [Fact]
    public void AccentedWords_AreFoundThroughTheParts_AsLunrJsFindsThemInOurWholeIndex()
    {
        // The documents of UnicodeSearchTests, in parts of 300 bytes.
        var written = Write(UnicodeSearchTests.Docs(), [new("title", 10), new("body")], 300);
        string[] queries = ["café", "Café", "crisis café", "+crisis +café", "Māori", "Öffnung", "öffnungszeiten", "über", "naïve", "résumés", "ΟΔΟΣ", "caf*", "öff*", "cafe~1", "maori~1"];
        var (lunr, parts) = Query(written, queries);
        Assert.Empty(Differences(lunr, parts));
        string Top(string q) => parts.Single(a => a.Query == q).Results.EnumerateArray().First().GetProperty("ref").GetString()!;
        Assert.Equal("cafe", Top("café"));
        Assert.Equal("cafe", Top("+crisis +café"));
        Assert.Equal("maori", Top("Māori"));
        Assert.Equal("oeffnung", Top("öffnungszeiten"));
        Assert.Equal("mixed", Top("ΟΔΟΣ"));
        Assert.Contains("cafe", parts.Single(a => a.Query == "cafe~1").Results.EnumerateArray().Select(r => r.GetProperty("ref").GetString()));
    }

    [Fact]
    public void SiteRefs_AreNotListed_AndTwoWritesAreByteIdentical()
    {
        var docs = Corpus.PathRefDocuments(80, 5).Select((d, i) => new Dictionary<string, object?>(d) { ["id"] = PartitionedIndexWriter.Base36(i) }).ToList();
        var first = Write(docs, PathFields, 2000);
        var second = Write(docs, PathFields, 2000);
        var manifest = Encoding.UTF8.GetString(first.Parts.Manifest.Bytes);
        Assert.Contains("\"documents\":80", manifest);
        Assert.DoesNotContain("\"refs\"", manifest);
        Assert.Equal(first.Parts.Files.Select(f => f.Path), second.Parts.Files.Select(f => f.Path));
        Assert.True(first.Parts.Files.Zip(second.Parts.Files).All(p => p.First.Bytes.AsSpan().SequenceEqual(p.Second.Bytes)));
        var (lunr, parts) = Query(first, ConformanceTests.Queries());
        Assert.Empty(Differences(lunr, parts));
    }

    [Theory]
    [InlineData("garden", "gardens", "gardens")]
    [InlineData("garden", "gate", "gat")]
    [InlineData("apple", "b", "b")]
    [InlineData("", "a", "a")]
    public void Separator_IsTheShortestPrefixSortingAfterThePreviousTerm(string previous, string next, string expected) =>
        Assert.Equal(expected, PartitionedIndexWriter.Separator(previous, next));
}
