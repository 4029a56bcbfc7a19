using PeerCommons.Cli.Tests.Support;

namespace PeerCommons.Cli.Tests;

/// <summary>`build --base-url` and PEERCOMMONS_BASE_URL: the address a deploy publishes, instead of site.yaml's.</summary>
public sealed class BaseUrlOptionTests : IDisposable
{
    private readonly TestSite _site = new();
    private string Output => System.IO.Path.Combine(_site.Root, "_site");

    public BaseUrlOptionTests() => File.AppendAllText(_site.Path("site.yaml"), "base_url: https://commons.example.org/\n");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(BuildCommand.BaseUrlVariable, null);
        _site.Dispose();
    }

    private string Sitemap => File.ReadAllText(System.IO.Path.Combine(Output, "sitemap.xml"));

    private (int Exit, string Out, string Error) BuildSite(params string[] extra) =>
        Commands.Run(["build", "--content", _site.Content, "--output", Output, "--quiet", .. extra]);

    [Fact]
    public void The_option_gives_the_address()
    {
        var (exit, _, error) = BuildSite("--base-url", "https://owner.github.io/repo");
        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("<loc>https://owner.github.io/repo/values/mutuality/</loc>", Sitemap);
        Assert.DoesNotContain("commons.example.org", Sitemap);
    }

    [Fact]
    public void The_environment_variable_gives_it_when_the_option_does_not()
    {
        Environment.SetEnvironmentVariable(BuildCommand.BaseUrlVariable, "https://from-env.example.net/sub/");
        Assert.Equal(ExitCodes.Success, BuildSite().Exit);
        Assert.Contains("<loc>https://from-env.example.net/sub/values/mutuality/</loc>", Sitemap);

        Assert.Equal(ExitCodes.Success, BuildSite("--base-url", "https://option.example.net/").Exit); // the option wins
        Assert.Contains("<loc>https://option.example.net/values/mutuality/</loc>", Sitemap);
    }

    [Fact]
    public void Without_either_site_yaml_gives_it()
    {
        Assert.Equal(ExitCodes.Success, BuildSite().Exit);
        Assert.Contains("<loc>https://commons.example.org/values/mutuality/</loc>", Sitemap);
    }

    [Fact]
    public void An_address_that_is_not_a_web_address_is_refused_plainly_and_nothing_is_written()
    {
        var (exit, _, error) = BuildSite("--base-url", "owner.github.io/repo");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("must be a full address starting with https://", error);
        Assert.False(Directory.Exists(Output));
    }
}
