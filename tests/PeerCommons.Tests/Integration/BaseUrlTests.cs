using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// `build --base-url` (and PEERCOMMONS_BASE_URL, read by the command line) gives the site's public
/// address instead of site.yaml's base_url, for every absolute address the site writes (issue 16).
/// </summary>
public sealed class BaseUrlTests
{
    private const string Pages = "https://example.github.io/commons/";

    private static string BuildWith(TempFolder temp, string? baseUrl)
    {
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        File.AppendAllText(Path.Combine(content, "site.yaml"), "\nbase_url: https://peercommons.netlify.app/\n");
        var output = temp.Path("_site");
        var result = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = content,
            OutputDirectory = output,
            ThemeDirectory = Repo.Path("theme"),
            BaseUrl = baseUrl,
        });
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics) + result.FatalError);
        return output;
    }

    [Fact]
    public void The_given_base_url_replaces_site_yaml_in_canonical_links_feeds_sitemap_and_json_ld()
    {
        using var temp = new TempFolder();
        var site = BuildWith(temp, Pages);
        var texts = new[] { "sitemap.xml", "feed.xml", "values/mutuality/index.html", "curricula/peer-basics/index.html" }
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(site, f)));
        Assert.Contains($"<loc>{Pages}values/mutuality/</loc>", texts["sitemap.xml"]);
        Assert.Contains(Pages, texts["feed.xml"]);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Pages}values/mutuality/\">", texts["values/mutuality/index.html"]);
        Assert.Contains($"\"url\":\"{Pages}curricula/peer-basics/\"", texts["curricula/peer-basics/index.html"].Replace(" ", ""));
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
            Assert.DoesNotContain("peercommons.netlify.app", File.ReadAllText(file));
    }

    [Fact]
    public void Without_it_site_yaml_gives_the_address()
    {
        using var temp = new TempFolder();
        var site = BuildWith(temp, null);
        Assert.Contains("<loc>https://peercommons.netlify.app/values/mutuality/</loc>", File.ReadAllText(Path.Combine(site, "sitemap.xml")));
    }
}
