using AngleSharp.Dom;
using PeerCommons.Markdown.Extensions;

namespace PeerCommons.Tests.Unit;

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
