using PeerCommons.Write;

namespace PeerCommons.Tests.Unit;

public sealed class LinkCheckerTests
{
    private static readonly string[] Files =
    [
        "index.html", "projects/index.html", "projects/wish/index.html", "values/mutuality/index.html",
        "assets/site.css", "sources/index.html", "tags/a b/index.html",
    ];

    private static IReadOnlyList<LinkChecker.BrokenLink> Check(string page, string body)
    {
        var links = new LinkChecker();
        links.Add("values/mutuality/index.html", """<h2 id="tensions">T</h2><p id="caf&#233;">x</p>""");
        links.Add("projects/wish/index.html", """<main id="main"></main>""");
        links.Add(page, body);
        return links.Check(Files.ToHashSet(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("projects/wish/index.html", """<a href="../../index.html">home</a>""")]
    [InlineData("projects/wish/index.html", """<a href="../index.html">list</a><a href="./index.html">self</a>""")]
    [InlineData("projects/wish/index.html", """<a href="../../values/mutuality/index.html#tensions">x</a>""")]
    [InlineData("projects/wish/index.html", """<a href="../../values/mutuality/index.html#caf%C3%A9">decoded ids and escaped fragments match</a>""")]
    [InlineData("projects/wish/index.html", """<main id="main"><a href="#main">top</a><a href="?q=1#main">same page</a></main>""")]
    [InlineData("projects/wish/index.html", """<link href="../../assets/site.css" rel="stylesheet"><a href="../../tags/a%20b/index.html">t</a>""")]
    [InlineData("index.html", """<a href="projects/../sources/index.html">x</a><a href="https://example.org/x/">out</a><a href="//cdn/x">out</a><a href="mailto:a@b">m</a>""")]
    [InlineData("projects/wish/index.html", """<a href="../../values/mutuality/index.html&#35;tensions">entity-encoded hash</a>""")]
    public void Links_to_files_and_ids_that_exist_pass(string page, string body) =>
        Assert.Empty(Check(page, body));

    [Theory]
    [InlineData("""<a href="../../values/gone/index.html">x</a>""", "no such file in the site")]
    [InlineData("""<a href="../../values/mutuality/">x</a>""", "it points at a folder; link to its index.html so the page opens from disk too")]
    [InlineData("""<a href="../../projects">x</a>""", "it points at a folder; link to its index.html so the page opens from disk too")]
    [InlineData("""<a href="../..">x</a>""", "it points at a folder; link to its index.html so the page opens from disk too")]
    [InlineData("""<a href="../../../index.html">x</a>""", "it points above the site's root")]
    [InlineData("""<a href="/index.html">x</a>""", "it points above the site's root")]
    [InlineData("""<a href="../../values/mutuality/index.html#nowhere">x</a>""", "the page has no element with id 'nowhere'")]
    [InlineData("""<a href="#nowhere">x</a>""", "the page has no element with id 'nowhere'")]
    [InlineData("""<img src="../../assets/missing.png" alt="">""", "no such file in the site")]
    public void Broken_links_name_the_page_the_link_and_why(string body, string reason)
    {
        var broken = Assert.Single(Check("projects/wish/index.html", body));
        Assert.Equal("projects/wish/index.html", broken.Page);
        Assert.Equal(reason, broken.Reason);
    }

    [Fact]
    public void A_base_element_is_not_a_link_and_each_broken_link_is_reported_once_per_page_in_page_order()
    {
        var links = new LinkChecker();
        links.Add("z/index.html", """<base href="/nowhere/"><a href="../gone.html">1</a><a href="../gone.html">2</a>""");
        links.Add("a/index.html", """<a href="../gone.html">1</a>""");
        var broken = links.Check(new HashSet<string>(StringComparer.Ordinal) { "z/index.html", "a/index.html" });
        Assert.Equal(["a/index.html", "z/index.html"], broken.Select(b => b.Page));
        Assert.All(broken, b => Assert.Equal("../gone.html", b.Link));
    }

    [Fact]
    public void The_404_pages_root_probes_may_point_above_the_root_but_other_scripts_may_not()
    {
        var links = new LinkChecker();
        links.Add("404.html", """<script data-root-probe src="../../assets/not-found.js" defer></script><script src="../assets/site.js"></script>""");
        var broken = Assert.Single(links.Check(new HashSet<string>(StringComparer.Ordinal) { "404.html", "assets/not-found.js" }));
        Assert.Equal("../assets/site.js", broken.Link);
    }
}
