using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// CONTRIBUTING.md tells a new contributor everything the tools need: Node and `npm ci --prefix theme`
/// (without which the preview's search cannot work), the preview server, and the sources rule the
/// contribute page promises (issue 16).
/// </summary>
public sealed class ContributingDocTests
{
    private static readonly string Contributing = File.ReadAllText(Repo.Path("CONTRIBUTING.md"));

    [Theory]
    [InlineData("Node.js")]
    [InlineData("npm ci --prefix theme")]
    [InlineData("peercommons serve")]
    [InlineData("peercommons check")]
    [InlineData("docs/content-model.md")]
    public void Contributing_mentions(string text) => Assert.Contains(text, Contributing);

    [Fact]
    public void Setup_comes_before_the_first_command_that_needs_it()
    {
        var install = Contributing.IndexOf("npm ci --prefix theme", StringComparison.Ordinal);
        Assert.True(install >= 0 && install < Contributing.IndexOf("peercommons serve", StringComparison.Ordinal));
        Assert.True(install < Contributing.IndexOf("peercommons new project", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contribute_page_and_contributing_agree_on_which_entries_need_a_source()
    {
        var page = File.ReadAllText(Repo.Path("content", "pages", "contribute.md"));
        Assert.DoesNotContain("Every entry needs at least one source", page);
        foreach (var text in new[] { page, Contributing })
        {
            Assert.Contains("needs at least one source", text);
            Assert.Contains("annotations may speak from", text);
        }
    }
}
