using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>build without lunr.js (npm ci not run) refuses plainly rather than publishing a search that cannot work.</summary>
public sealed class MissingLunrTests
{
    [Fact]
    public void Build_without_lunr_says_to_run_npm_ci_and_leaves_the_previous_output()
    {
        using var temp = new TempFolder();
        TempFolder.Copy(Repo.Path("theme", "templates"), temp.Path("theme", "templates"));
        TempFolder.Copy(Repo.Path("theme", "assets"), temp.Path("theme", "assets"));
        var previous = temp.Write("_site/index.html", "the previous site");

        var result = Build.Write(Build.ValidContent, temp.Path("_site"), temp.Path("theme"));

        Assert.False(result.Succeeded);
        Assert.Contains("lunr.js is missing", result.FatalError);
        Assert.Contains("run 'npm ci --prefix theme' first", result.FatalError);
        Assert.Equal("the previous site", File.ReadAllText(previous));
    }
}
