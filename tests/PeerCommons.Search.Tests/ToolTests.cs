using System.Text;
using System.Text.Json;

namespace PeerCommons.Search.Tests;

/// <summary><see cref="SearchIndexTool.Run"/>: the entry point behind <c>peercommons search-index</c>.</summary>
public class ToolTests
{
    private static (int Code, string Out, string Err, string Dir) Run(string? inputJson, string refField, params string[] fields)
    {
        var dir = Repo.TempDir();
        var input = Path.Combine(dir, "docs.json");
        if (inputJson is not null) File.WriteAllText(input, inputJson);
        var so = new StringWriter();
        var se = new StringWriter();
        int code = SearchIndexTool.Run(input, Path.Combine(dir, "out", "index.json"), refField, fields, so, se);
        return (code, so.ToString(), se.ToString(), dir);
    }

    [Fact]
    public void WritesTheIndex_AndMatchesLunr()
    {
        var docs = Corpus.PathRefDocuments(30, 5);
        var (code, stdout, stderr, dir) = Run(JsonSerializer.Serialize(docs), "id", "title:10", "body", "tags:3");
        Assert.True(code == 0, stderr);
        Assert.Contains("30 documents", stdout);
        var ours = File.ReadAllText(Path.Combine(dir, "out", "index.json"));
        var built = ConformanceTests.BuildBoth(docs, "id", [new("title", 10), new("body"), new("tags", 3)]);
        Assert.Equal(built.Lunr, ours);
    }

    [Theory]
    [InlineData("{\"id\": 1}", "must be a JSON array")]
    [InlineData("[{\"id\": 1, \"title\": \"x\"}, 5]", "Document #1 (0-based) is a JSON number")]
    [InlineData("[{\"title\": \"no ref\"}]", "no 'id' property")]
    [InlineData("[{\"id\": {\"a\": 1}}]", "must be a string or a number")]
    [InlineData("[{\"id\": 1, \"title\": ", "not valid JSON")]
    public void BadInput_ExitsWithOne_AndSaysWhy(string json, string message)
    {
        var (code, _, stderr, _) = Run(json, "id", "title");
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void MissingInputFile_ExitsWithOne()
    {
        var (code, _, stderr, _) = Run(null, "id", "title");
        Assert.Equal(1, code);
        Assert.Contains("cannot read", stderr);
    }

    [Theory]
    [InlineData("title:abc", "Invalid field boost")]
    [InlineData("title:-1", "Invalid field boost")]
    [InlineData(":3", "field name is empty")]
    [InlineData("a/b", "cannot contain '/'")]
    public void BadFieldSpec_ExitsWithTwo(string spec, string message)
    {
        var (code, _, stderr, _) = Run("[]", "id", spec);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.Contains("usage:", stderr);
    }

    [Fact]
    public void NoFields_ExitsWithTwo()
    {
        var (code, _, stderr, _) = Run("[]", "id");
        Assert.Equal(2, code);
        Assert.Contains("at least one --field", stderr);
    }

    [Fact]
    public void FieldSpec_ParsesBoosts()
    {
        Assert.Equal(new FieldSpec("title", 10), FieldSpec.Parse("title:10"));
        Assert.Equal(new FieldSpec("body", 1), FieldSpec.Parse("body"));
        Assert.Equal(new FieldSpec("body", 0.5), FieldSpec.Parse("body:0.5"));
    }

    [Fact]
    public void EmptyArray_WritesAnEmptyIndexLunrCanLoad()
    {
        var (code, _, stderr, dir) = Run("[]", "id", "title");
        Assert.True(code == 0, stderr);
        Assert.Equal("{\"version\":\"2.3.9\",\"fields\":[\"title\"],\"fieldVectors\":[],\"invertedIndex\":[],\"pipeline\":[\"stemmer\"]}",
            File.ReadAllText(Path.Combine(dir, "out", "index.json"), Encoding.UTF8));
    }

    [Fact]
    public void Builder_RejectsLateConfigurationAndBadFields()
    {
        var b = new LunrIndexBuilder().Field("title");
        Assert.Throws<ArgumentException>(() => b.Field("a/b"));
        Assert.Throws<ArgumentException>(() => b.Field("_index"));
        b.Add(new Dictionary<string, string?> { ["id"] = "1", ["title"] = "hello" });
        Assert.Throws<InvalidOperationException>(() => b.Field("late"));
        Assert.Throws<ArgumentException>(() => b.Add(new Dictionary<string, string?> { ["title"] = "no id" }));
        var index = b.Build();
        Assert.Equal(1, index.DocumentCount);
        Assert.Throws<InvalidOperationException>(() => b.Build());
    }
}
