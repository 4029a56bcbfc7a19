using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

internal static class Md
{
    public static MarkdownDocument Parse(string text, bool trainer = false) =>
        Markdig.Markdown.Parse(text, trainer ? MarkdownPipelines.Trainer : MarkdownPipelines.Learner);

    public static string Render(MarkdownDocument document, bool trainer = false, IPageLinks? links = null)
    {
        using var writer = new StringWriter();
        var renderer = PageHtmlRenderer.Create(writer, trainer ? MarkdownPipelines.Trainer : MarkdownPipelines.Learner, links ?? UnboundLinks.Instance);
        renderer.Render(document);
        return writer.ToString();
    }

    public static IElement Html(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document.Body;
    }

    public static IElement ParseAndRender(string text, bool trainer = false) => Html(Render(Parse(text, trainer), trainer));
}

public sealed class HeadingSlugTests
{
    [Theory]
    [InlineData("What it means in practice", "what-it-means-in-practice")]
    [InlineData("  Māori-informed   support!! ", "maori-informed-support")]
    [InlineData("Peer support (1:1) & groups", "peer-support-1-1-groups")]
    [InlineData("Ça déjà vu", "ca-deja-vu")]
    [InlineData("!!!", "section")]
    [InlineData("日本語", "section")]
    [InlineData("Step 2", "step-2")]
    public void Slugs(string text, string expected) => Assert.Equal(expected, HeadingSlug.From(text));
}

public sealed class HeadingIdsTests
{
    [Fact]
    public void Explicit_ids_win_and_duplicates_get_numbered()
    {
        var document = Md.Parse("""
            # Title

            ## Tensions

            ## Other {#tensions}

            ## Tensions

            ## A *styled* `code` heading

            ## Tensions
            """);
        var headings = HeadingIdsExtension.Headings(document);
        Assert.Equal(["title", "tensions-2", "tensions", "tensions-3", "a-styled-code-heading", "tensions-4"], headings.Select(h => h.Id));
        Assert.Equal("Other", headings[2].Text);
        Assert.Equal([0, 2, 4, 6, 8, 10], headings.Select(h => h.Line));

        var html = Md.Html(Md.Render(document));
        Assert.Equal("Other", html.QuerySelector("#tensions")!.TextContent);
        Assert.DoesNotContain("{#", html.TextContent);
    }

    [Fact]
    public void Explicit_ids_cannot_carry_other_attributes()
    {
        var html = Md.ParseAndRender("## Hi {#ok onclick=alert(1)}\n");
        var h2 = html.QuerySelector("h2")!;
        Assert.Null(h2.GetAttribute("onclick"));
        Assert.Equal(HeadingSlug.From(h2.TextContent), h2.Id);
    }

    [Fact]
    public void A_duplicate_explicit_id_is_a_finding_on_the_second_heading()
    {
        var document = Md.Parse("## A {#x}\n\ntext\n\n## B {#x}\n");
        var finding = Assert.Single(SourceFindings.Of(document));
        Assert.Equal(("duplicate-heading-id", 4, 0), (finding.Kind, finding.Line, finding.Column));
    }
}

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

    [Theory]
    [InlineData("[@x](https://example.org)")]   // a link whose text starts with @
    [InlineData("[see @x]")]
    [InlineData("[@]")]
    [InlineData("[@a; b]")]
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

public sealed class FacilitatorTests
{
    private const string Module = """
        Intro for everyone.

        :::facilitator
        SECRET note: **watch the time**.
        :::

        After the note.
        """;

    [Fact]
    public void Learner_html_has_no_note_text()
    {
        var html = Md.ParseAndRender(Module);
        Assert.DoesNotContain("SECRET", html.InnerHtml);
        Assert.DoesNotContain("watch the time", html.InnerHtml);
        Assert.Empty(html.QuerySelectorAll("aside"));
        Assert.Contains("After the note.", html.TextContent);
    }

    [Fact]
    public void Trainer_html_has_the_note_in_an_aside()
    {
        var html = Md.ParseAndRender(Module, trainer: true);
        var aside = Assert.Single(html.QuerySelectorAll("aside.facilitator"));
        Assert.Contains("SECRET note", aside.TextContent);
        Assert.Equal("watch the time", aside.QuerySelector("strong")!.TextContent);
        Assert.True(FacilitatorExtensionHasNotes(Module));
    }

    private static bool FacilitatorExtensionHasNotes(string text) =>
        PeerCommons.Markdown.Extensions.Facilitator.FacilitatorExtension.HasNotes(Md.Parse(text));

    [Fact]
    public void Unknown_containers_are_reported_and_shown_as_plain_content()
    {
        var document = Md.Parse("a\n\n:::warning\nCareful.\n:::\n");
        var finding = Assert.Single(SourceFindings.Of(document));
        Assert.Equal(("unknown-container", 2, 0), (finding.Kind, finding.Line, finding.Column));
        Assert.Contains("Careful.", Md.Html(Md.Render(document)).TextContent);
    }
}

public sealed class SanitizerTests
{
    private static (IElement Html, List<SourceFinding> Findings) Clean(string markdown)
    {
        var document = Md.Parse(markdown);
        var html = Md.Html(Md.Render(document));
        return (html, SourceFindings.Of(document));
    }

    private static void AssertNoActiveContent(IElement html)
    {
        Assert.Empty(html.QuerySelectorAll("script, iframe, svg, style, object, embed"));
        foreach (var element in html.QuerySelectorAll("*"))
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.LocalName} has {attribute.Name}");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("target", attribute.Name);
                if (attribute.Name is "href" or "src")
                    Assert.DoesNotMatch("^(?i)\\s*(javascript|data|vbscript):", attribute.Value);
            }
    }

    [Fact]
    public void Script_block_is_removed_with_its_line()
    {
        var (html, findings) = Clean("Para.\n\n<div>\n<p>kept</p>\n<script>alert('x')</script>\n</div>\n");
        AssertNoActiveContent(html);
        Assert.Contains("kept", html.TextContent);
        Assert.DoesNotContain("alert", html.InnerHtml);
        var f = Assert.Single(findings);
        Assert.Equal(("html", 4), (f.Kind, f.Line));
        Assert.Contains("<script>", f.Message);
    }

    [Fact]
    public void Onerror_on_an_image_is_removed()
    {
        var (html, findings) = Clean("<p><img src=\"pic.png\" onerror=\"alert(1)\" alt=\"a\"></p>\n");
        AssertNoActiveContent(html);
        Assert.Equal("pic.png", html.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains(findings, f => f.Line == 0 && f.Message.Contains("onerror"));
    }

    [Fact]
    public void Inline_event_handler_in_a_span_is_removed()
    {
        var (html, findings) = Clean("line\nSome <span onclick=\"steal()\">text</span> here.\n");
        AssertNoActiveContent(html);
        Assert.Equal("text", html.QuerySelector("span")!.TextContent);
        var f = Assert.Single(findings);
        Assert.Equal((1, 5), (f.Line, f.Column));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void Unsafe_markdown_links_lose_their_link(string markdown)
    {
        var (html, findings) = Clean("x\n" + markdown + "\n");
        AssertNoActiveContent(html);
        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.Contains("click", html.TextContent);
        var f = Assert.Single(findings);
        Assert.Equal(("url", 1, 0), (f.Kind, f.Line, f.Column));
    }

    [Fact]
    public void Javascript_href_in_raw_html_is_removed()
    {
        var (html, findings) = Clean("<p><a href=\"javascript:alert(1)\">x</a> <a href=\"https://example.org/\" target=\"_blank\">y</a></p>\n");
        AssertNoActiveContent(html);
        var links = html.QuerySelectorAll("a").ToList();
        Assert.Null(links[0].GetAttribute("href"));
        Assert.Equal("https://example.org/", links[1].GetAttribute("href"));
        Assert.Contains(findings, f => f.Message.Contains("javascript:"));
        Assert.Contains(findings, f => f.Message.Contains("'target'"));
    }

    [Fact]
    public void Data_url_image_is_removed()
    {
        var (html, findings) = Clean("a\n\n![x](data:image/png;base64,AAAA)\n");
        AssertNoActiveContent(html);
        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Equal(2, Assert.Single(findings).Line);
    }

    [Fact]
    public void Iframe_is_removed()
    {
        var (html, findings) = Clean("a\n\n<iframe src=\"https://evil.example/\"></iframe>\n");
        AssertNoActiveContent(html);
        var f = Assert.Single(findings);
        Assert.Equal(2, f.Line);
        Assert.Contains("iframe", f.Message);
    }

    [Fact]
    public void Svg_with_script_is_removed()
    {
        var (html, findings) = Clean("<div>\n<svg><script>alert(1)</script><circle r=\"1\"/></svg>\n</div>\n");
        AssertNoActiveContent(html);
        Assert.DoesNotContain("alert", html.InnerHtml);
        Assert.Contains(findings, f => f.Line == 1 && f.Message.Contains("svg"));
    }

    [Fact]
    public void Svg_and_math_elements_are_reported_on_their_own_lines()
    {
        var (html, findings) = Clean("text\n\n<div>\n<p>a</p>\n<svg><circle r=\"1\"/></svg>\n<p>b</p>\n<svg></svg><math></math>\n</div>\n");
        Assert.Empty(html.QuerySelectorAll("svg, math"));
        Assert.Equal([(4, "svg"), (6, "svg"), (6, "math")],
            findings.Select(f => (f.Line, f.Message.Contains("<svg>") ? "svg" : "math")).OrderBy(f => f.Line).ThenByDescending(f => f.Item2));
    }

    [Fact]
    public void Style_attribute_is_removed()
    {
        var (html, findings) = Clean("<p style=\"position:fixed\">hi</p>\n");
        AssertNoActiveContent(html);
        Assert.Equal("hi", html.QuerySelector("p")!.TextContent);
        Assert.Contains(findings, f => f.Message.Contains("'style'"));
    }

    [Fact]
    public void External_image_becomes_a_link()
    {
        var (html, findings) = Clean("one\ntwo ![Chart](https://example.org/chart.png)\n");
        Assert.Empty(html.QuerySelectorAll("img"));
        var a = Assert.Single(html.QuerySelectorAll("a"));
        Assert.Equal("https://example.org/chart.png", a.GetAttribute("href"));
        Assert.Equal("Chart", a.TextContent);
        var f = Assert.Single(findings);
        Assert.Equal(("external", 1, 4), (f.Kind, f.Line, f.Column));
    }

    [Fact]
    public void External_image_in_raw_html_loses_its_source()
    {
        var (html, findings) = Clean("<p><img src=\"https://tracker.example/pixel.gif\" alt=\"x\"></p>\n");
        Assert.Null(html.QuerySelector("img")?.GetAttribute("src"));
        Assert.Single(findings);
    }

    [Fact]
    public void Safe_content_is_kept_without_findings()
    {
        var (html, findings) = Clean("Text with <abbr title=\"peer support\">PS</abbr>, a [link](https://example.org/), ![local](pic.png) and <mailto:a@example.org>.\n");
        Assert.Empty(findings);
        Assert.NotNull(html.QuerySelector("abbr[title]"));
        Assert.Equal("pic.png", html.QuerySelector("img")!.GetAttribute("src"));
    }
}

public sealed class HeadingSlugFoldTests
{
    [Fact]
    public void The_fold_table_covers_every_code_point_of_its_range()
    {
        Assert.Equal(0x017F - 0x00C0 + 1, HeadingSlug.LatinFold.Length);
        Assert.Equal("a", HeadingSlug.From("Ā"));
        Assert.Equal("l", HeadingSlug.From("Ł"));
        Assert.Equal("z", HeadingSlug.From("ž"));
        Assert.Equal("s", HeadingSlug.From("ſ"));
        Assert.Equal("strasse", HeadingSlug.From("Straße"));
        Assert.Equal("a-b", HeadingSlug.From("a×b"));
    }
}
