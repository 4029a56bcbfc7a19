using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

public sealed class XrefsTests
{
    private static readonly TestLinks Resolver = new((key, anchor) => key switch
    {
        "values/mutuality" when anchor is null or "tensions" => (new XrefTarget("../mutuality/index.html" + (anchor is null ? "" : "#" + anchor), "Mutuality"), XrefProblem.None),
        "values/mutuality" => (null, XrefProblem.UnknownAnchor),
        _ => (null, XrefProblem.UnknownKey),
    });

    [Fact]
    public void Resolves_links_and_gives_empty_links_the_target_title()
    {
        var document = Md.Parse("See [](xref:values/mutuality), [the tensions](xref:values/mutuality#tensions).");
        Assert.Empty(XrefsExtension.Findings(document, Resolver));
        var links = Md.Html(Md.Render(document, links: Resolver)).QuerySelectorAll("a").ToList();
        Assert.Equal(["Mutuality", "the tensions"], links.Select(a => a.TextContent));
        Assert.Equal(["../mutuality/index.html", "../mutuality/index.html#tensions"], links.Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Broken_xrefs_become_text_and_findings()
    {
        var document = Md.Parse("First\n\nA [dead](xref:values/nowhere) and [](xref:values/mutuality#nope).");
        var findings = XrefsExtension.Findings(document, Resolver).OrderBy(f => f.Column).ToList();
        Assert.Equal([("xref", 2, 2, "values/nowhere"), ("xref-anchor", 2, 34, "nope")], findings.Select(f => (f.Kind, f.Line, f.Column, f.Subject)));
        var html = Md.Html(Md.Render(document, links: Resolver));
        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.Contains("dead", html.TextContent);
        Assert.DoesNotContain("xref:", html.InnerHtml.Replace("xref:values/mutuality#nope", ""));
    }

    [Fact]
    public void Ordinary_links_are_left_alone()
    {
        var document = Md.Parse("[x](https://example.org/) [y](../a/index.html)");
        var links = new TestLinks((_, _) => throw new InvalidOperationException("not an xref"));
        Assert.Empty(XrefsExtension.Findings(document, links));
        Assert.Equal(2, Md.Html(Md.Render(document, links: links)).QuerySelectorAll("a").Length);
    }
}
