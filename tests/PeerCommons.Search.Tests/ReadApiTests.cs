using System.Text.Json;

namespace PeerCommons.Search.Tests;

/// <summary>
/// The index's read API (terms, postings, field vectors) is what other transport forms are written
/// from, such as the site's compact search index: it must say exactly what the serialized JSON says.
/// </summary>
public class ReadApiTests
{
    [Fact]
    public void Terms_postings_and_field_vectors_match_the_serialized_index()
    {
        var builder = new LunrIndexBuilder { Ref = "id" }.Field("title", 10).Field("body");
        builder.Add("b", new Dictionary<string, string?> { ["title"] = "Peer support", ["body"] = "Mutual support between peers, peers again" });
        builder.Add("a", new Dictionary<string, string?> { ["title"] = "Recovery", ["body"] = "Hope and recovery in a peer group" });
        builder.Add("10", new Dictionary<string, string?> { ["title"] = "Café", ["body"] = null });
        var index = builder.Build();
        using var json = JsonDocument.Parse(index.ToUtf8Json());
        var root = json.RootElement;

        Assert.Equal(["b", "a", "10"], index.References);
        Assert.False(index.HasMetadata);
        Assert.Equal(root.GetProperty("pipeline").EnumerateArray().Select(p => p.GetString()), LunrIndex.SearchPipeline);

        var terms = root.GetProperty("invertedIndex").EnumerateArray().ToList();
        Assert.Equal(terms.Count, index.TermCount);
        for (var t = 0; t < terms.Count; t++)
        {
            var term = index.GetTerm(t);
            Assert.Equal(terms[t][0].GetString(), term.Text);
            Assert.Equal(terms[t][1].GetProperty("_index").GetInt32(), term.Index);
            for (var f = 0; f < index.Fields.Count; f++)
            {
                var expected = terms[t][1].GetProperty(index.Fields[f]).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
                var actual = term.Documents(f).ToArray().Select(r => index.References[r]).Order(StringComparer.Ordinal);
                Assert.Equal(expected, actual);
            }
        }

        var vectors = root.GetProperty("fieldVectors").EnumerateArray().ToList();
        Assert.Equal(vectors.Count, index.FieldVectorCount);
        for (var v = 0; v < vectors.Count; v++)
        {
            var vector = index.GetFieldVector(v);
            Assert.Equal(vectors[v][0].GetString(), $"{index.Fields[vector.Field]}/{index.References[vector.Reference]}");
            var pairs = vectors[v][1].EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.Equal(pairs.Count, vector.Count * 2);
            for (var i = 0; i < vector.Count; i++)
            {
                Assert.Equal(pairs[2 * i], vector.TermIndex(i));
                Assert.Equal(pairs[2 * i + 1], vector.Score(i));
            }
        }
    }
}
