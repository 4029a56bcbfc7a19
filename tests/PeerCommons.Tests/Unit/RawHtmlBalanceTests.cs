using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions;
using PeerCommons.Render;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// Contributor HTML left open must not spread over the rest of the page. Each case renders an entry
/// body into a page shell and checks where the page's own parts ("Related", the footer) end up.
/// </summary>
public sealed class RawHtmlBalanceTests
{
    private static readonly string[] Inline = ["b", "i", "em", "strong", "span", "a"];

    /// <summary>The body in a page shell, parsed as a browser would.</summary>
    private static IDocument Page(string body) => new HtmlParser().ParseDocument(
        $"<!DOCTYPE html><html><body><main>{body}</main><aside id=\"pc-related\"><h2>Related</h2></aside><footer>Footer</footer></body></html>");

    private static (IDocument Page, List<SourceFinding> Findings) Render(string markdown)
    {
        var document = MarkdownPipelines.Parse(markdown, MarkdownPipelines.Learner);
        return (Page(MarkdownHtml.RenderBlocks(document, MarkdownPipelines.Learner)), SourceFindings.Of(document));
    }

    private static void AssertConfined(IDocument page, string markdown)
    {
        foreach (var own in new[] { page.QuerySelector("aside")!, page.QuerySelector("footer")! })
            Assert.True(own.ParentElement == page.Body, $"{own.LocalName} is inside <{own.ParentElement?.LocalName}> for:\n{markdown}");
        Assert.Equal("Related", page.QuerySelector("aside h2")!.TextContent);
        Assert.Null(page.QuerySelector("aside a, footer a, aside b, footer b"));
    }

    private static string OpenTag(string name) => name == "a" ? "<a href=\"https://example.org/x\">" : $"<{name}>";

    /// <summary>
    /// A paragraph of words and random inline tags, some never closed, some closed twice or out of
    /// order. Returns whether an open tag was left or an end tag closed nothing, by the rule the page
    /// promises: an end tag closes the last open tag of its name (and what was opened inside it).
    /// </summary>
    private static (string Text, bool Unbalanced) RandomParagraph(Random random)
    {
        var text = new StringBuilder("Start");
        var open = new List<string>();
        var unbalanced = false;
        for (var n = random.Next(1, 12); n > 0; n--)
        {
            var name = Inline[random.Next(Inline.Length)];
            switch (random.Next(3))
            {
                case 0:
                    text.Append(' ').Append(OpenTag(name));
                    open.Add(name);
                    break;
                case 1 when open.Count > 0 && random.Next(3) > 0:
                    var closing = open[random.Next(open.Count)];
                    var at = open.LastIndexOf(closing);
                    unbalanced |= at < open.Count - 1;
                    open.RemoveRange(at, open.Count - at);
                    text.Append("</").Append(closing).Append('>');
                    break;
                case 1:
                    var stray = Inline[random.Next(Inline.Length)];
                    if (open.Contains(stray)) goto case 0;
                    text.Append("</").Append(stray).Append('>');
                    unbalanced = true;
                    break;
                default:
                    text.Append(" word");
                    break;
            }
        }
        // Usually close what is left, so balanced paragraphs are generated too.
        if (random.Next(2) == 0)
            for (var i = open.Count - 1; i >= 0; i--) text.Append("</").Append(open[i]).Append('>');
        else unbalanced |= open.Count > 0;
        return (text.Append(" end.").ToString(), unbalanced);
    }

    [Fact]
    public void Random_inline_tags_left_open_never_spread_past_their_paragraph_and_each_repair_is_reported_on_its_line()
    {
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var markdown = new StringBuilder();
            var unbalancedLines = new List<int>();
            var line = 0;
            for (var p = random.Next(1, 5); p > 0; p--)
            {
                var (text, unbalanced) = RandomParagraph(random);
                if (unbalanced) unbalancedLines.Add(line);
                markdown.Append(text).Append("\n\n");
                line += 2;
            }
            var (page, findings) = Render(markdown.ToString());
            AssertConfined(page, markdown.ToString());
            var reported = findings.Where(f => f.Kind == "html-unbalanced").Select(f => f.Line).Distinct().Order().ToList();
            Assert.True(unbalancedLines.SequenceEqual(reported), $"lines with repairs {string.Join(",", reported)}, expected {string.Join(",", unbalancedLines)} for:\n{markdown}");
            // The text itself is all there, in order.
            Assert.Equal(unbalancedLines.Count + (line / 2 - unbalancedLines.Count), page.QuerySelectorAll("main > p").Length);
        }
    }

    [Theory]
    [InlineData("div", "<div>", "</div>")]
    [InlineData("details", "<details>\n<summary>More</summary>", "</details>")]
    [InlineData("blockquote", "<blockquote>", "</blockquote>")]
    [InlineData("td", "<table><tr><td>", "</td></tr></table>")]
    public void Raw_html_around_a_markdown_list_keeps_the_list_inside(string container, string open, string close)
    {
        var (page, findings) = Render($"Intro.\n\n{open}\n\n- one\n- two\n\n{close}\n\nAfter.\n");
        var list = Assert.Single(page.QuerySelectorAll("ul"));
        Assert.NotNull(list.Closest(container));
        Assert.Null(page.QuerySelector("p:last-of-type")!.Closest(container)); // "After." is outside again
        Assert.DoesNotContain(findings, f => f.Kind == "html-unbalanced");
        AssertConfined(page, open);
    }

    [Fact]
    public void Random_wrappers_around_lists_are_closed_where_written_or_at_the_end_with_a_warning_on_their_line()
    {
        string[][] wrappers = [["<div>", "</div>"], ["<details>\n<summary>More</summary>", "</details>"], ["<blockquote>", "</blockquote>"], ["<div><div>", "</div></div>"], ["<table><tr><td>", "</td></tr></table>"]];
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var markdown = new StringBuilder();
            var expectedLines = new List<int>();
            var line = 0;
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                var wrapper = wrappers[random.Next(wrappers.Length)];
                var closed = random.Next(3) > 0;
                if (!closed) expectedLines.Add(line);
                markdown.Append(wrapper[0]).Append("\n\n- a\n- b\n\n");
                line += wrapper[0].Count(c => c == '\n') + 5;
                if (closed)
                {
                    markdown.Append(wrapper[1]).Append("\n\n");
                    line += 2;
                }
                markdown.Append("Between.\n\n");
                line += 2;
            }
            var (page, findings) = Render(markdown.ToString());
            AssertConfined(page, markdown.ToString());
            var reported = findings.Where(f => f.Kind == "html-unbalanced").Select(f => f.Line).Distinct().Order().ToList();
            Assert.True(expectedLines.SequenceEqual(reported), $"reported on {string.Join(",", reported)}, expected {string.Join(",", expectedLines)} for:\n{markdown}");
        }
    }

    [Fact]
    public void An_element_open_across_a_section_heading_is_closed_before_it()
    {
        var document = MarkdownPipelines.Parse("<div>\n\nText.\n\n## Next\n\nMore.\n\n</div>\n", MarkdownPipelines.Learner);
        var sections = MarkdownHtml.RenderSections(document, MarkdownPipelines.Learner, UnboundLinks.Instance);
        var page = Page(string.Concat(sections.Select(s => s.Html)));
        Assert.Null(page.QuerySelector("h2")!.Closest("div"));
        var finding = Assert.Single(SourceFindings.Of(document), f => f.Kind == "html-unbalanced");
        Assert.Equal(0, finding.Line);
        Assert.Contains("heading on line 5", finding.Message);
    }

    [Fact]
    public void An_annotation_link_left_open_does_not_turn_the_page_into_a_link()
    {
        var (page, findings) = Render("See <a href=\"https://example.org/\">our site\n\n## Heading\n\nMore text.\n");
        Assert.Null(page.QuerySelector("h2")!.Closest("a"));
        Assert.Single(page.QuerySelectorAll("a"));
        Assert.Contains(findings, f => f.Kind == "html-unbalanced" && f.Line == 0 && f.Column == 4);
        AssertConfined(page, "");
    }
}
