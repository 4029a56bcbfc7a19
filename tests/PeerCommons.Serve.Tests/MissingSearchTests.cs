namespace PeerCommons.Serve.Tests;

/// <summary>A preview without lunr.js (npm ci not run) says so, rather than serving a search that silently does nothing.</summary>
public sealed class MissingSearchTests
{
    private static SiteEngine Engine(TempFolder temp, string theme)
    {
        temp.Write("content/site.yaml", "title: Search test\n");
        temp.Write("content/values/mutuality.md", "---\ntitle: Mutuality\nsummary: Giving and receiving support.\n---\n\nText.\n");
        var engine = new SiteEngine(temp.Path("content"), theme);
        Assert.True(engine.BuildAll().Committed);
        return engine;
    }

    [Fact]
    public void Without_lunr_the_preview_says_to_run_npm_ci()
    {
        using var temp = new TempFolder();
        TempFolder.Copy(Repo.Path("theme", "templates"), temp.Path("theme", "templates"));
        TempFolder.Copy(Repo.Path("theme", "assets"), temp.Path("theme", "assets"));
        var engine = Engine(temp, temp.Path("theme"));
        Assert.NotNull(engine.SearchProblem);
        Assert.Contains("npm ci --prefix theme", engine.SearchProblem);
        Assert.Contains("search", engine.SearchProblem);
    }

    [Fact]
    public void With_lunr_installed_there_is_nothing_to_say()
    {
        using var temp = new TempFolder();
        Assert.Null(Engine(temp, Repo.Path("theme")).SearchProblem);
    }
}
