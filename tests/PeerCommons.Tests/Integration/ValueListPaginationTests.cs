using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// A value's related list (mostly the entries that hold it) split like a tag's list: the value's own
/// page keeps its content and shows the first list_page_size entries, values/mutuality/page/2/ and on
/// show the rest. The same content is built with a page size of 2 and of 500 (one page, as before pagination).
/// </summary>
public sealed class ValueListPaginationTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _split;
    private readonly string _whole;
    // Written in an order the site does not keep: the list is the value's own related first, then its holders in site order.
    private static readonly string[] Holders = ["Elm", "Cedar", "Alder", "Daphne", "Birch"];

    public ValueListPaginationTests()
    {
        foreach (var title in Holders)
            _temp.Write($"content/projects/{title.ToLowerInvariant()}.md",
                $"---\ntitle: {title}\nsummary: \"About {title}.\"\nvalues: [values/mutuality]\n---\nBody.\n");
        _temp.Write("content/values/mutuality.md",
            "---\ntitle: Mutuality\nsummary: \"Giving and receiving support.\"\nrelated: [values/other]\n---\n"
            + "Both people give and receive.\n\n## In practice\n\nShare what helps.\n");
        _temp.Write("content/values/other.md", "---\ntitle: Other\nsummary: \"Another value.\"\n---\nBody.\n");
        // Editors' words about a community: the value's page must keep saying so.
        _temp.Write("content/communities/carers.md", "---\ntitle: Carers\nsummary: \"Carers.\"\ncompiled_from_research: true\n---\nBody.\n");
        _temp.Write("content/annotations/carers/on-mutuality.md", "---\ntarget: values/mutuality\ntype: experience\n---\nListening first.\n");
        _split = BuildWith(2);
        _whole = BuildWith(500);
    }

    private string BuildWith(int pageSize)
    {
        _temp.Write("content/site.yaml", $"title: T\nbase_url: https://example.org/\nlist_page_size: {pageSize}\n");
        var output = _temp.Path($"out-{pageSize}", "_site");
        var result = Build.Write(_temp.Path("content"), output);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics) + result.FatalError);
        return output;
    }

    public void Dispose() => _temp.Dispose();

    private static IHtmlDocument Page(string site, string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, path)));

    private static List<string> RelatedOnValuePage(IHtmlDocument page) => page.QuerySelectorAll("#pc-related ul.entry-list > li > a").Select(a => a.TextContent).ToList();

    private static List<string> ListItems(IHtmlDocument page) => page.QuerySelectorAll("main .entry-list > li > a.entry-link").Select(a => a.TextContent).ToList();

    private static string? Href(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("nav.pager a").FirstOrDefault(a => a.TextContent.StartsWith(text, StringComparison.Ordinal))?.GetAttribute("href");

    [Fact]
    public void The_pages_hold_every_related_entry_once_in_the_order_of_the_whole_list()
    {
        var whole = RelatedOnValuePage(Page(_whole, "values/mutuality/index.html"));
        Assert.Equal(["Other", "Alder", "Birch", "Cedar", "Daphne", "Elm"], whole);
        var first = RelatedOnValuePage(Page(_split, "values/mutuality/index.html"));
        Assert.Equal(["Other", "Alder"], first);
        var pages = first.Concat(ListItems(Page(_split, "values/mutuality/page/2/index.html")))
            .Concat(ListItems(Page(_split, "values/mutuality/page/3/index.html"))).ToList();
        Assert.Equal(whole, pages);
        Assert.False(File.Exists(Path.Combine(_split, "values", "mutuality", "page", "4", "index.html")));
        Assert.False(File.Exists(Path.Combine(_split, "values", "mutuality", "page", "1", "index.html")), "page 1 is the value's own page");
    }

    [Fact]
    public void The_value_s_page_keeps_its_content_and_whose_voice_its_notes_are_and_links_to_the_next_pages()
    {
        var page = Page(_split, "values/mutuality/index.html");
        var unsplit = Page(_whole, "values/mutuality/index.html");
        // Everything but the related list is as on the page of the whole list.
        Assert.Equal(unsplit.QuerySelector(".entry-body")!.OuterHtml, page.QuerySelector(".entry-body")!.OuterHtml);
        Assert.Equal(unsplit.QuerySelector("#pc-in-communities")!.OuterHtml, page.QuerySelector("#pc-in-communities")!.OuterHtml);
        Assert.Equal("Mutuality", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Compiled by T editors from published research", page.QuerySelector(".annotation-voice")!.TextContent);
        Assert.Contains("The communities named have not written these notes.", page.QuerySelector("#pc-in-communities .section-intro")!.TextContent);

        var pager = page.QuerySelector("#pc-related nav.pager")!;
        Assert.Equal("1 to 2 of 6 related entries", pager.QuerySelector(".pager-range")!.TextContent);
        Assert.Equal("Page 1 of 3", pager.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Null(Href(page, "First"));
        Assert.Null(Href(page, "Previous"));
        Assert.Equal("../../values/mutuality/page/2/index.html", Href(page, "Next"));
        Assert.Equal("../../values/mutuality/page/3/index.html", Href(page, "Last"));
        Assert.Equal("../../values/mutuality/page/2/index.html", page.QuerySelector("head link[rel=next]")!.GetAttribute("href"));
        // A related list that fits on one page looks as it did: no pager, no further pages.
        Assert.Null(unsplit.QuerySelector("nav.pager"));
        Assert.Null(unsplit.QuerySelector("head link[rel=next]"));
        Assert.Null(Page(_split, "values/other/index.html").QuerySelector("nav.pager"));
        Assert.False(Directory.Exists(Path.Combine(_split, "values", "other", "page")));
    }

    [Fact]
    public void A_further_page_names_the_value_and_where_it_is_and_links_back()
    {
        var middle = Page(_split, "values/mutuality/page/2/index.html");
        Assert.Equal("Related to “Mutuality”, page 2 of 3", middle.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Related to “Mutuality”, page 2 of 3 ·", middle.Title);
        Assert.Equal("../../../../values/mutuality/index.html", middle.QuerySelector(".list-parent a")!.GetAttribute("href"));
        Assert.Contains(middle.QuerySelectorAll("nav.breadcrumbs a"), a => a.TextContent == "Mutuality" && a.GetAttribute("href") == "../../../../values/mutuality/index.html");
        Assert.Equal("../../../../values/mutuality/index.html", Href(middle, "First"));
        Assert.Equal("../../../../values/mutuality/index.html", Href(middle, "Previous"));
        Assert.Equal("../../../../values/mutuality/page/3/index.html", Href(middle, "Next"));
        Assert.Equal("3 to 4 of 6 related entries", middle.QuerySelector("nav.pager .pager-range")!.TextContent);
        Assert.Equal("../../../../values/mutuality/index.html", middle.QuerySelector("head link[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../../../../values/mutuality/page/3/index.html", middle.QuerySelector("head link[rel=next]")!.GetAttribute("href"));
        // Only the list: none of the value's own content or notes.
        Assert.Null(middle.QuerySelector(".annotation"));
        Assert.Equal("../../../../projects/birch/index.html", middle.QuerySelector("main .entry-list a.entry-link")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_further_page_of_a_value_s_list_is_in_the_sitemap()
    {
        var urls = XDocument.Load(Path.Combine(_split, "sitemap.xml")).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        Assert.Contains("https://example.org/values/mutuality/page/2/", urls);
        Assert.Contains("https://example.org/values/mutuality/page/3/", urls);
        Assert.DoesNotContain("https://example.org/values/mutuality/page/4/", urls);
        Assert.DoesNotContain(urls, u => u.StartsWith("https://example.org/values/other/page/", StringComparison.Ordinal));
    }
}
