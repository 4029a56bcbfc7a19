using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PeerCommons.Diagnostics;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// Long lists split into pages of site.yaml's list_page_size (here 2): projects/, projects/page/2/, …
/// with links between them, every entry once, and a filter that says it sees one page.
/// </summary>
public sealed class ListPaginationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _output;
    private static readonly string[] Titles = ["Alder", "Birch", "Cedar", "Daphne", "Elm"];

    public ListPaginationTests()
    {
        _temp.Write("content/site.yaml", "title: T\nbase_url: https://example.org/\nlist_page_size: 2\n");
        // Written out of order: the list sorts them by title.
        foreach (var title in Titles.Reverse())
            _temp.Write($"content/projects/{title.ToLowerInvariant()}.md", $"---\ntitle: {title}\nsummary: \"About {title}.\"\ntags: [shared]\n---\nBody.\n");
        _temp.Write("content/values/only.md", "---\ntitle: Only\nsummary: \"The one value.\"\n---\nBody.\n");
        _temp.Write("content/communities/carers.md", "---\ntitle: Carers\nsummary: \"Carers.\"\n---\nBody.\n");
        _temp.Write("content/annotations/carers/on-daphne.md", "---\ntarget: projects/daphne\ntype: question\n---\nA question.\n");
        _output = _temp.Path("out", "_site");
        var result = Build.Write(_temp.Path("content"), _output);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics) + result.FatalError);
    }

    public void Dispose() => _temp.Dispose();

    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_output, path)));

    private static string? Href(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.StartsWith(text, StringComparison.Ordinal))?.GetAttribute("href");

    private static List<string> Items(IHtmlDocument page) => page.QuerySelectorAll("main .entry-list > li > a.entry-link").Select(a => a.TextContent).ToList();

    [Fact]
    public void A_long_list_is_split_at_stable_addresses_and_shows_every_entry_once_in_order()
    {
        Assert.Equal(["Alder", "Birch"], Items(Page("projects/index.html")));
        Assert.Equal(["Cedar", "Daphne"], Items(Page("projects/page/2/index.html")));
        Assert.Equal(["Elm"], Items(Page("projects/page/3/index.html")));
        Assert.False(File.Exists(Path.Combine(_output, "projects", "page", "1", "index.html")), "page 1 is the list's own address");
        Assert.False(File.Exists(Path.Combine(_output, "projects", "page", "4", "index.html")));
        // A list that fits on one page has no pager and no further pages.
        Assert.Null(Page("values/index.html").QuerySelector("nav.pager"));
        Assert.False(Directory.Exists(Path.Combine(_output, "values", "page")));
    }

    [Fact]
    public void Each_page_links_to_the_first_previous_next_and_last_pages_and_says_where_it_is()
    {
        var first = Page("projects/index.html");
        Assert.Null(Href(first, "First"));
        Assert.Null(Href(first, "Previous"));
        Assert.Equal("../projects/page/2/index.html", Href(first, "Next")); // up to the root and down, like every link
        Assert.Equal("../projects/page/3/index.html", Href(first, "Last"));
        Assert.Equal("Page 1 of 3", first.QuerySelector("nav.pager [aria-current=page]")!.TextContent);
        Assert.Equal("1 to 2 of 5 projects", first.QuerySelector("nav.pager .pager-range")!.TextContent);

        var middle = Page("projects/page/2/index.html");
        Assert.Equal("Pages of this list", middle.QuerySelector("nav.pager")!.GetAttribute("aria-label"));
        Assert.Equal("../../../projects/index.html", Href(middle, "First"));
        Assert.Equal("../../../projects/index.html", Href(middle, "Previous"));
        Assert.Equal("../../../projects/page/3/index.html", Href(middle, "Next"));
        Assert.Equal("../../../projects/page/3/index.html", Href(middle, "Last"));
        Assert.Equal("3 to 4 of 5 projects", middle.QuerySelector("nav.pager .pager-range")!.TextContent);
        // Named apart (its title and heading), linked back to page 1 in the breadcrumb, and prev/next in the head.
        Assert.Equal("Projects, page 2 of 3", middle.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Projects, page 2 of 3 ·", middle.Title);
        Assert.Contains(middle.QuerySelectorAll("nav.breadcrumbs a"), a => a.TextContent == "Projects" && a.GetAttribute("href") == "../../../projects/index.html");
        Assert.Equal("../../../projects/index.html", middle.QuerySelector("head link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../../../projects/page/3/index.html", middle.QuerySelector("head link[rel=next]")!.GetAttribute("href"));

        var last = Page("projects/page/3/index.html");
        Assert.Null(Href(last, "Next"));
        Assert.Null(Href(last, "Last"));
        Assert.Null(last.QuerySelector("head link[rel=next]"));
        Assert.Equal("5 to 5 of 5 projects", last.QuerySelector("nav.pager .pager-range")!.TextContent);
        // Entry links are relative to the deeper page.
        Assert.Equal("../../../projects/elm/index.html", last.QuerySelector("main .entry-list a.entry-link")!.GetAttribute("href"));
    }

    [Fact]
    public void Tag_pages_are_split_the_same_way()
    {
        Assert.Equal(["Alder", "Birch"], Items(Page("tags/shared/index.html")));
        var second = Page("tags/shared/page/2/index.html");
        Assert.Equal(["Cedar", "Daphne"], Items(second));
        Assert.Equal(["Elm"], Items(Page("tags/shared/page/3/index.html")));
        Assert.Equal("../../../../tags/shared/index.html", Href(second, "Previous"));
        Assert.Equal("3 to 4 of 5 entries", second.QuerySelector("nav.pager .pager-range")!.TextContent);
    }

    [Fact]
    public void The_community_filter_says_it_sees_one_page_and_offers_each_community_s_full_list()
    {
        var second = Page("projects/page/2/index.html");
        var form = second.QuerySelector("form[data-list-filter]")!;
        Assert.Equal("Show entries on this page annotated by", form.QuerySelector("label")!.TextContent);
        Assert.Contains("entries of this page only", form.QuerySelector(".filter-scope")!.TextContent);
        // The option carries the community's page, which lists every entry it annotated (site.js links it when chosen).
        Assert.Equal("../../../communities/carers/index.html", form.QuerySelector("option[value=carers]")!.GetAttribute("data-url"));
        Assert.Contains("Daphne", Page("communities/carers/index.html").QuerySelector("main")!.TextContent);
        // Only the communities that annotated an entry of this page are offered.
        Assert.Null(Page("projects/index.html").QuerySelector("form[data-list-filter]"));
    }

    [Fact]
    public void Every_page_of_a_list_is_in_the_sitemap()
    {
        var urls = XDocument.Load(Path.Combine(_output, "sitemap.xml")).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.org/projects/page/2/", urls);
        Assert.Contains("https://example.org/projects/page/3/", urls);
        Assert.Contains("https://example.org/tags/shared/page/3/", urls);
        Assert.DoesNotContain("https://example.org/values/page/2/", urls);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("501")]
    public void A_bad_page_size_is_reported_where_it_is_written(string value)
    {
        using var temp = new TempFolder();
        temp.Write("content/site.yaml", $"title: T\nlist_page_size: {value}\n");
        var result = Build.Check(temp.Path("content"));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((Codes.WrongType, "content/site.yaml", 2, 17), (d.Code, Build.RelativePath(d, temp.Root), d.Line, d.Column));
        Assert.Contains("'list_page_size' must be a whole number from 1 to 500", d.Message);
    }

    [Theory]
    [InlineData("projects/page.md")]
    [InlineData("curricula/page/index.md")]
    public void An_entry_cannot_take_the_address_of_a_list_s_further_pages(string file)
    {
        using var temp = new TempFolder();
        temp.Write("content/site.yaml", "title: T\n");
        temp.Write("content/" + file, "---\ntitle: Page\nsummary: \"S.\"\n---\nBody.\n");
        var d = Assert.Single(Build.Check(temp.Path("content")).Diagnostics);
        Assert.Equal(("content/" + file, Severity.Error), (Build.RelativePath(d, temp.Root), d.Severity));
        Assert.Contains("reserved", d.Message);
    }

    [Theory]
    [InlineData("projects/page/2")]
    [InlineData("tags/shared/page/2")]
    [InlineData("values/mutuality/page/2")]
    public void An_alias_cannot_take_the_address_of_a_list_s_further_pages(string alias)
    {
        using var temp = new TempFolder();
        temp.Write("content/site.yaml", "title: T\n");
        temp.Write("content/values/moved.md", $"---\ntitle: Moved\nsummary: \"S.\"\naliases: [{alias}]\n---\nBody.\n");
        var d = Assert.Single(Build.Check(temp.Path("content")).Diagnostics);
        Assert.Equal((Codes.DuplicateAlias, 4, 11), (d.Code, d.Line, d.Column));
    }
}
