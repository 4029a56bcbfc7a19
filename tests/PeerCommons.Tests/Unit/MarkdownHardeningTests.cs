using System.Text;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Extensions;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Render;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

/// <summary>Inputs that used to crash rendering, give duplicate ids or ship dead links.</summary>
public sealed class MarkdownHardeningTests
{
    private static string Render(string markdown, out MarkdownDocument document)
    {
        document = MarkdownPipelines.Parse(markdown, MarkdownPipelines.Learner);
        return MarkdownHtml.RenderBlocks(document, MarkdownPipelines.Learner);
    }

    [Fact]
    public void Any_number_of_unmatched_brackets_anywhere_renders_with_every_bracket_shown()
    {
        string[] places = ["{0}", "Text {0} text", "# Heading {0}", "- item {0}", "> quote {0}", "| a | b |\n|---|---|\n| {0} | x |", "[link](https://example.org/) {0} *em*", "{0} https://example.org/ [@smith-2010]"];
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(100, 3000);
            var brackets = new StringBuilder();
            for (var i = 0; i < count; i++) brackets.Append(random.Next(4) == 0 ? "[ " : "[");
            var markdown = string.Format(places[random.Next(places.Length)], brackets);
            var html = Render(markdown, out _); // threw "too deeply nested" from 129 '[' on
            var text = Md.Html(html).TextContent;
            Assert.True(text.Count(c => c == '[') >= count, $"{count} brackets, {text.Count(c => c == '[')} shown, seed {seed}");
        }
    }

    [Fact]
    public void Repeated_headings_get_distinct_ids_none_of_them_the_themes_own()
    {
        string[] texts = ["a", "Main", "Quick exit", "Related", "pc related", "Objective 1", "Annotations on values", "H", "Sources"];
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var markdown = new StringBuilder();
            for (var n = random.Next(1, 400); n > 0; n--)
                markdown.Append(new string('#', random.Next(1, 4))).Append(' ').Append(texts[random.Next(texts.Length)]).Append("\n\n");
            var document = MarkdownPipelines.Parse(markdown.ToString(), MarkdownPipelines.Learner);
            var ids = HeadingIdsExtension.Headings(document).Select(h => h.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.DoesNotContain(ids, ThemeIds.IsTheThemes);
            // A repeated heading counts on: a, a-2, a-3 ...
            foreach (var group in HeadingIdsExtension.Headings(document).GroupBy(h => HeadingSlug.From(h.Text)).Where(g => !ThemeIds.IsTheThemes(g.Key)))
                Assert.Equal(group.Select((_, i) => i == 0 ? group.Key : $"{group.Key}-{i + 1}"), group.Select(h => h.Id));
        }
    }

    [Fact]
    public void Every_id_the_templates_write_is_reserved_from_headings()
    {
        var ids = Directory.EnumerateFiles(Repo.Path("theme", "templates"), "*.liquid", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "id=\"([^\"{]+)\"").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.Contains("quick-exit", ids);
        Assert.All(ids, id => Assert.Contains(id, ThemeIds.All));
    }

    [Fact]
    public void An_explicit_heading_id_the_theme_uses_is_renamed_with_a_warning()
    {
        Render("Text.\n\n## Start {#main}\n", out var document);
        var heading = document.Descendants<HeadingBlock>().Single();
        Assert.Equal("main-2", heading.GetAttributes().Id);
        var finding = Assert.Single(SourceFindings.Of(document));
        Assert.Equal(("heading-id-taken", 2), (finding.Kind, finding.Line));
    }

    [Fact]
    public void Tel_links_are_kept_in_markdown_and_in_html()
    {
        var html = Md.Html(Render("Call [the line](tel:+441234567890) or <a href=\"tel:116123\">116 123</a>.\n", out var document));
        Assert.Equal(["tel:+441234567890", "tel:116123"], html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(SourceFindings.Of(document));
    }

    [Fact]
    public void CommonMark_example_500_links_to_a_relative_address()
    {
        // spec 0.31.2, example 500: "foo)" is not a scheme, so "foo):" is a relative link.
        Assert.Equal("<p><a href=\"foo):\">link</a></p>", Render("[link](foo\\)\\:)\n", out var document).Trim());
        Assert.Empty(SourceFindings.Of(document));
    }

    [Fact]
    public void Xref_links_in_raw_html_are_resolved_or_reported_and_never_shipped()
    {
        var markdown = "<div>\n<a href=\"xref:values/mutuality\">Mutuality</a>\n<a href=\"xref:values/nothing\">gone</a>\n</div>\n\nInline <a href=\"xref:values/mutuality#why\">why</a>.\n";
        var document = MarkdownPipelines.Parse(markdown, MarkdownPipelines.Learner);
        var page = new TestLinks((key, anchor) => key == "values/mutuality"
            ? (new XrefTarget("../mutuality/" + (anchor is null ? "" : "#" + anchor), "Mutuality"), XrefProblem.None)
            : (null, XrefProblem.UnknownKey));
        var html = MarkdownHtml.RenderBlocks(document, MarkdownPipelines.Learner, page);
        Assert.DoesNotContain("xref:", html);
        var links = Md.Html(html).QuerySelectorAll("a").ToList();
        Assert.Equal(["../mutuality/", null, "../mutuality/#why"], links.Select(a => a.GetAttribute("href")));
        var finding = Assert.Single(XrefsExtension.Findings(document, page));
        Assert.Equal(("xref", 2), (finding.Kind, finding.Line));
    }
}
