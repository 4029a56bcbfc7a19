using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

/// <summary>What the page being rendered adds to a parsed document, and what a render bound to no page writes.</summary>
public sealed class PageBindingTests
{
    private const string Marker = " <a class=\"annotation-marker\" href=\"#annotation-x-y\">1 community note</a>";

    [Fact]
    public void Heading_ends_go_into_the_top_level_headings_of_the_page_that_asks_only()
    {
        var document = Md.Parse("## Tensions\n\nText.\n\n> ## Quoted\n");
        var marked = new TestLinks(headingEnds: new Dictionary<string, string> { ["tensions"] = Marker, ["quoted"] = Marker });

        var page = Md.Html(Md.Render(document, links: marked));
        Assert.Equal("Tensions 1 community note", page.QuerySelector("h2#tensions")!.TextContent);
        Assert.Equal("Quoted", page.QuerySelector("blockquote h2")!.TextContent);
        Assert.Single(page.QuerySelectorAll("a.annotation-marker"));

        // Another page (a print view, an annotation's body) renders the same parse without the marker.
        Assert.Empty(Md.Html(Md.Render(document)).QuerySelectorAll("a.annotation-marker"));
        Assert.Equal(Md.Render(Md.Parse("## Tensions\n\nText.\n\n> ## Quoted\n"), links: marked), Md.Render(document, links: marked));
    }

    [Fact]
    public void A_render_bound_to_no_page_writes_xrefs_as_text_and_citations_as_keys()
    {
        var html = Md.Html(Md.Render(Md.Parse("See [mutuality](xref:values/mutuality), [](xref:values/x) and <a href=\"xref:values/y\">y</a> [@smith-2010].")));
        Assert.DoesNotContain("xref:values/mutuality", html.InnerHtml);
        Assert.All(html.QuerySelectorAll("a"), a => Assert.Null(a.GetAttribute("href")));
        Assert.Contains("See mutuality, xref:values/x and y (smith-2010).", html.TextContent);
    }

    [Fact]
    public void Findings_of_links_and_citations_are_the_same_however_often_the_document_renders()
    {
        var document = Md.Parse("A [](xref:values/nowhere) [@nope].\n\n:::facilitator\nOnly trainers see [this](xref:values/gone).\n:::\n");
        var links = new TestLinks();
        var before = XrefsExtension.Findings(document, links).Concat(CitationsExtension.Findings(document, links)).ToList();
        Md.Render(document, links: links);
        Md.Render(document, trainer: true, links: links);
        var after = XrefsExtension.Findings(document, links).Concat(CitationsExtension.Findings(document, links)).ToList();

        Assert.Equal(before, after);
        // Links in facilitator notes are checked too, though the learner page does not show them.
        Assert.Equal([("xref", "values/nowhere"), ("xref", "values/gone"), ("unknown-citation", "nope")], after.Select(f => (f.Kind, f.Subject)));
    }
}
