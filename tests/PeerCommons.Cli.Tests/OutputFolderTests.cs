using PeerCommons.Cli.Tests.Support;

namespace PeerCommons.Cli.Tests;

/// <summary>build refuses an --output that is, holds or sits inside content/, before reading anything.</summary>
public sealed class OutputFolderTests
{
    [Theory]
    [InlineData("content")]
    [InlineData("content/_site")]
    [InlineData("content/values/out")]
    [InlineData("content/deep/er/site")]
    [InlineData(".")]
    [InlineData("content/./_site")]
    [InlineData("other/../content/_site")]
    public void An_output_folder_overlapping_content_is_refused_with_exit_2(string output)
    {
        using var site = new TestSite();
        var before = Directory.GetFileSystemEntries(site.Content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var (exit, _, error) = Commands.Run("build", "--content", site.Content, "--theme", Repo.Path("theme"), "--output", Path.Combine(site.Root, output), "--quiet");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("choose", error);
        Assert.Contains("--output", error);
        Assert.Equal(before, Directory.GetFileSystemEntries(site.Content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void An_output_folder_beside_content_is_fine()
    {
        using var site = new TestSite();
        var (exit, _, error) = Commands.Run("build", "--content", site.Content, "--theme", Repo.Path("theme"), "--output", Path.Combine(site.Root, "content-site"), "--quiet");
        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(site.Root, "content-site", "index.html")));
    }
}
