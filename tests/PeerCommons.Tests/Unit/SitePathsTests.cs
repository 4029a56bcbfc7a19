using PeerCommons.Render;

namespace PeerCommons.Tests.Unit;

public sealed class SitePathsTests
{
    [Theory]
    [InlineData("", "", "index.html")]
    [InlineData("", "values/mutuality/", "values/mutuality/index.html")]
    [InlineData("values/mutuality/", "", "../../index.html")]
    [InlineData("values/mutuality/", "projects/wish/", "../../projects/wish/index.html")]
    [InlineData("values/mutuality/", "values/mutuality/#tensions", "../../values/mutuality/index.html#tensions")]
    [InlineData("curricula/c/trainer/m/", "assets/site.css", "../../../../assets/site.css")]
    [InlineData("404.html", "sources/", "sources/index.html")]
    [InlineData("tags/", "feed.xml", "../feed.xml")]
    [InlineData("values/", "#main", "../index.html#main")]
    public void Relative_links(string from, string to, string expected)
    {
        var link = SitePaths.Relative(from, to);
        Assert.Equal(expected, link);
        Assert.False(link.StartsWith('/'));
        // The link resolves from the page's folder to the file the target is written to.
        var baseUri = new Uri("file:///site/" + SitePaths.FileOf(from));
        var resolved = new Uri(baseUri, link).AbsolutePath;
        var hash = to.IndexOf('#');
        Assert.Equal("/site/" + SitePaths.FileOf(hash < 0 ? to : to[..hash]), resolved);
    }

    [Fact]
    public void Files_of_pages()
    {
        Assert.Equal("index.html", SitePaths.FileOf(""));
        Assert.Equal("values/index.html", SitePaths.FileOf("values/"));
        Assert.Equal("404.html", SitePaths.FileOf("404.html"));
        Assert.Equal("../../", SitePaths.UpToRoot("a/b/"));
        Assert.Equal("", SitePaths.UpToRoot("404.html"));
    }
}
