using PeerCommons.Write;
using Markdig.Syntax;
using PeerCommons.Diagnostics;
using PeerCommons.Index;
using PeerCommons.Load;
using PeerCommons.Markdown;
using PeerCommons.Render;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// One parse of an entry serves every page it appears on (its own page, the trainer view, a print
/// view, an annotation's target): rendering it for one page must leave it as a fresh parse, whatever
/// the order of the pages and however many render it at once.
/// </summary>
public sealed class SharedParseTests
{
    // Working, empty, broken and anchored xrefs, in Markdown and in raw HTML, citations, and a trainer's note.
    private const string Body = """
        See [](xref:values/mutuality), [its tensions](xref:values/mutuality#tensions) and [](xref:values/nowhere).
        A [dead link](xref:projects/gone) and <a href="xref:projects/wish">raw</a> HTML [@jones-brown-2015, p. 3].

        ## Practice

        <div>
        <a href="xref:curricula/peer-basics/listening#practice">the practice</a>
        </div>

        :::facilitator
        Read [](xref:values/shared-power) first [@smith-2010].
        :::
        """;

    /// <summary>Pages of different depths, so each gets different relative links.</summary>
    private static readonly string[] Pages = ["values/shared-power/", "", "curricula/peer-basics/trainer/listening/", "curricula/peer-basics/print/"];

    private static readonly Lazy<RenderContext> Context = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(Build.ValidContent, diagnostics);
        return new RenderContext(site, MarkdownStage.Parse(site, diagnostics), new AssetPaths("a.css", "p.css", "a.js", "s.js", "l.js"), diagnostics);
    });

    private static MarkdownDocument Parse() => MarkdownPipelines.Parse(Body, MarkdownPipelines.Trainer);

    private static string Render(MarkdownDocument document, string page) =>
        MarkdownHtml.Render(document, page, Context.Value, MarkdownPipelines.Trainer).Html;

    private static string Text(MarkdownDocument document) =>
        PlainText.Of(document, PlainText.SearchBodyChars, key => Context.Value.Site.ByKey.GetValueOrDefault(key)?.Title);

    [Fact]
    public void Pages_of_different_depths_get_different_links()
    {
        var html = Pages.Select(page => Render(Parse(), page)).ToList();
        Assert.Equal(Pages.Length, html.Distinct().Count());
        Assert.Contains("href=\"../../values/mutuality/", html[0]);
        Assert.Contains("href=\"values/mutuality/", html[1]);
    }

    [Fact]
    public void One_parse_renders_page_after_page_as_fresh_parses_do()
    {
        var shared = Parse();
        foreach (var page in Pages.Concat(Pages.Reverse()).Concat(Pages))
            Assert.Equal(Render(Parse(), page), Render(shared, page));
    }

    [Fact]
    public void One_parse_renders_for_several_pages_at_once_as_fresh_parses_do()
    {
        var expected = Pages.Select(page => Render(Parse(), page)).ToArray();
        var shared = Parse();
        var rendered = new string[400];
        Parallel.For(0, rendered.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => rendered[i] = Render(shared, Pages[i % Pages.Length]));
        for (var i = 0; i < rendered.Length; i++) Assert.Equal(expected[i % Pages.Length], rendered[i]);
    }

    [Fact]
    public void Search_text_is_the_same_before_and_after_rendering()
    {
        var shared = Parse();
        var before = Text(shared);
        foreach (var page in Pages) Render(shared, page);
        Assert.Equal(before, Text(shared));
        // An xref written without text reads as its target's title; a broken one adds nothing.
        Assert.Contains("See Mutuality, its tensions and.", before);
        Assert.DoesNotContain("xref:", before);
    }
}
