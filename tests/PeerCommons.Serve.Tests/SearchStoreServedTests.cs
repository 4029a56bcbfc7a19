namespace PeerCommons.Serve.Tests;

/// <summary>The preview serves the search store's parts beside the index's manifest, and after an edit serves the edited words.</summary>
public sealed class SearchStoreServedTests
{
    [Fact]
    public void The_index_facets_and_document_parts_are_served_and_follow_an_edit()
    {
        using var temp = new TempFolder();
        temp.Write("content/site.yaml", "title: Search test\n");
        var value = temp.Write("content/values/mutuality.md", "---\ntitle: Mutuality\nsummary: Giving and receiving support.\n---\n\n## Tensions\n\nPaid roles strain it.\n");
        var engine = new SiteEngine(temp.Path("content"), Repo.Path("theme"));
        Assert.True(engine.BuildAll().Committed);

        string Served(string path) =>
            engine.TryGetFile(path, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : throw new Xunit.Sdk.XunitException(path + " is not served");
        Assert.StartsWith("PeerCommonsSearchIndex.add(\"index\",", Served("search/index.js"));
        Assert.StartsWith("window.PeerCommonsSearchFacets=", Served("search/facets.js"));
        Assert.Contains("\"tensions\",\"Tensions\",\"Paid roles strain it.\"", Served("search/docs/0.js"));
        Assert.False(engine.TryGetFile("search/docs/zz.js", out _));

        File.WriteAllText(value, File.ReadAllText(value).Replace("Paid roles strain it.", "Paid roles change it."));
        engine.BuildAll();
        Assert.Contains("Paid roles change it.", Served("search/docs/0.js"));
    }
}
