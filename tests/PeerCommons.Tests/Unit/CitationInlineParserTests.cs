using Markdig.Syntax;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

public sealed class CitationInlineParserTests
{
    private static IReadOnlyList<CitationInline> Citations(string text) => Md.Parse(text).Descendants<CitationInline>().ToList();

    [Fact]
    public void One_key()
    {
        var c = Assert.Single(Citations("As shown [@smith-2010]."));
        var w = Assert.Single(c.Works);
        Assert.Equal(("smith-2010", (string?)null), (w.Key, w.Locator));
        Assert.Equal((0, 9), (c.Line, c.Column));
    }

    [Fact]
    public void Key_with_locator()
    {
        var w = Assert.Single(Assert.Single(Citations("Text [@key, p. 3].")).Works);
        Assert.Equal(("key", "p. 3"), (w.Key, w.Locator));
    }

    [Fact]
    public void Several_keys()
    {
        var c = Assert.Single(Citations("line one\nand [@a; @b-2020, pp. 4-5] here"));
        Assert.Equal([("a", null), ("b-2020", "pp. 4-5")], c.Works.Select(w => (w.Key, w.Locator)));
        Assert.Equal((1, 4), (c.Line, c.Column));
    }

    [Fact]
    public void Spaces_around_parts_are_ignored_and_an_empty_locator_is_none()
    {
        var c = Assert.Single(Citations("Text [@a ,  ;  @b , p. 7 ]."));
        Assert.Equal([("a", null), ("b", "p. 7")], c.Works.Select(w => (w.Key, w.Locator)));
    }

    [Theory]
    [InlineData("[@x](https://example.org)")]   // a link whose text starts with @
    [InlineData("[see @x]")]
    [InlineData("[@]")]
    [InlineData("[@a; b]")]
    [InlineData("[@a;]")]                        // an empty part after ';'
    [InlineData("[@a b]")]                       // a space inside a key
    [InlineData("mail me@example.org")]
    [InlineData("`[@code]`")]
    public void Not_citations(string text) => Assert.Empty(Citations(text));

    [Fact]
    public void Resolve_labels_known_keys_and_reports_unknown_ones()
    {
        var document = Md.Parse("Known [@a, p. 2] and [@b; @nope].");
        var page = new TestLinks(citation: key => key is "a" or "b" ? ($"Author {key}", "#cite-" + key) : null);
        Assert.Equal(["a", "b"], CitationsExtension.Cited(document, page));
        var finding = Assert.Single(CitationsExtension.Findings(document, page));
        Assert.Equal(("unknown-citation", "nope", 0, 21), (finding.Kind, finding.Subject, finding.Line, finding.Column));

        var html = Md.Html(Md.Render(document, links: page));
        var links = html.QuerySelectorAll("span.citation a").ToList();
        Assert.Equal(["#cite-a", "#cite-b"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("(Author a, p. 2)", html.QuerySelectorAll("span.citation")[0].TextContent);
    }
}
