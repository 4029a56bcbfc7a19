using PeerCommons.Cli;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary><c>peercommons theme list</c> and <c>theme copy</c>.</summary>
public sealed class ThemeCommandTests
{
    private static BuildOptions Site(TempFolder temp) => new()
    {
        ContentDirectory = temp.Path("site", "content"),
        ThemeDirectory = Repo.Path("theme"),
    };

    [Fact]
    public void List_shows_which_folder_provides_each_file()
    {
        using var temp = new TempFolder();
        Build.CopyFolder(Build.Fixture("theme-overrides", "theme"), temp.Path("site", "theme"));
        Directory.CreateDirectory(temp.Path("site", "content"));
        var output = new StringWriter();

        Assert.Equal(ExitCodes.Success, ThemeCommand.List(Site(temp), output, TextWriter.Null));
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        string Row(string name) => Assert.Single(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.Matches(@"^templates/partials/footer\.liquid +site +.*site/theme/templates/partials/footer\.liquid$", Row("templates/partials/footer.liquid"));
        Assert.Matches(@"^templates/404\.liquid +site ", Row("templates/404.liquid"));
        Assert.Matches(@"^assets/print\.css +site ", Row("assets/print.css"));
        Assert.Matches(@"^assets/logo\.svg +site ", Row("assets/logo.svg"));
        Assert.Matches(@"^templates/layout\.liquid +bundled +.*theme/templates/layout\.liquid$", Row("templates/layout.liquid"));
        Assert.Matches(@"^assets/site/10-base\.css +bundled ", Row("assets/site/10-base.css"));
        Assert.DoesNotContain(lines, l => l.Contains("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public void Copy_puts_one_bundled_file_in_the_site_folder_and_never_overwrites()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("site", "content"));
        var copied = temp.Path("site", "theme", "templates", "partials", "footer.liquid");

        Assert.Equal(ExitCodes.Success, ThemeCommand.Copy(Site(temp), "footer.liquid", TextWriter.Null, TextWriter.Null));
        Assert.Equal(File.ReadAllBytes(Repo.Path("theme", "templates", "partials", "footer.liquid")), File.ReadAllBytes(copied));
        Assert.Single(Directory.GetFiles(temp.Path("site", "theme"), "*", SearchOption.AllDirectories));
        Assert.Equal(copied, ThemeLocator.Find(Site(temp))!.Resolve("templates/partials/footer.liquid"));

        // The site's copy is edited; copying again refuses and leaves the edit.
        File.WriteAllText(copied, "<footer>Ours</footer>\n");
        var error = new StringWriter();
        Assert.Equal(ExitCodes.UsageOrIo, ThemeCommand.Copy(Site(temp), "templates/partials/footer.liquid", TextWriter.Null, error));
        Assert.Contains("already exists", error.ToString());
        Assert.Equal("<footer>Ours</footer>\n", File.ReadAllText(copied));

        // A misspelt name copies nothing and suggests the right one.
        error = new StringWriter();
        Assert.Equal(ExitCodes.UsageOrIo, ThemeCommand.Copy(Site(temp), "templates/entri.liquid", TextWriter.Null, error));
        Assert.Contains("did you mean 'templates/entry.liquid'", error.ToString());
        Assert.False(File.Exists(temp.Path("site", "theme", "templates", "entry.liquid")));
    }
}
