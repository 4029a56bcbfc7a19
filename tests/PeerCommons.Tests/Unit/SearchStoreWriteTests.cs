using System.Text;
using System.Text.Json;
using PeerCommons.Engine;
using PeerCommons.Index;

namespace PeerCommons.Tests.Unit;

/// <summary>What SearchStore.Write puts in a document part: a result shows exactly the words a contributor wrote.</summary>
public sealed class SearchStoreWriteTests
{
    private const string Awkward = "\"Quoted\" \\ back </script> Māori 日本語 😀 tab\tline\u2028end";

    [Fact]
    public void Awkward_text_comes_back_from_the_document_part_as_written_and_letters_stay_unescaped()
    {
        var documents = new[]
        {
            SearchDocument.Create("Plain", "a/index.html", "Project", "", [], null, null, null, null, []),
            SearchDocument.Create(Awkward, "b/index.html#note", "Annotation", Awkward, [Awkward, "crisis"], "denmark", null,
                "Target", "Written by denmark", [new SearchSection(null, null, Awkward), new SearchSection("x", "A › B", "text")]),
        };
        var sink = new MemorySink();
        SearchStore.Write(documents, sink);

        var script = Encoding.UTF8.GetString(sink.Files[SearchStore.DocumentPath(1)]);
        const string prefix = "(window.PeerCommonsSearchDocs=window.PeerCommonsSearchDocs||{})[1]=";
        Assert.StartsWith(prefix, script);
        Assert.EndsWith(";\n", script);
        Assert.Contains("Māori 日本語", script); // UTF-8 as is: a tenth of the bytes of \u escapes

        using var rows = JsonDocument.Parse(script[prefix.Length..^2]);
        var row = Assert.Single(rows.RootElement.EnumerateArray().ToList());
        Assert.Equal(Awkward, row[0].GetString());
        Assert.Equal(Awkward, row[3].GetString());
        Assert.Equal([Awkward, "crisis"], row[4].EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("denmark", row[5].GetString());
        Assert.Equal(JsonValueKind.Null, row[6].ValueKind);
        Assert.Equal(Awkward, row[9][0][2].GetString());
        Assert.Equal(JsonValueKind.Null, row[9][0][0].ValueKind);
        Assert.Equal("A › B", row[9][1][1].GetString());
    }
}
