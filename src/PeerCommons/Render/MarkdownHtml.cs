using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Sanitizer;

namespace PeerCommons.Render;

/// <summary>
/// Renders an entry's parsed Markdown to HTML for the page it appears on; links and citations are
/// bound while rendering (see <see cref="PageLinks"/>), and the document is left as parsed.
/// </summary>
public static class MarkdownHtml
{
    /// <summary>The keys the document cites that the bibliography has, in order of first citation.</summary>
    public static IReadOnlyList<string> Cited(MarkdownDocument document, IPageLinks links) => CitationsExtension.Cited(document, links);

    /// <summary>Renders the whole document as seen from <paramref name="page"/>; returns the keys cited too.</summary>
    public static (string Html, IReadOnlyList<string> Cited) Render(MarkdownDocument document, string page, RenderContext context, MarkdownPipeline pipeline)
    {
        var links = new PageLinks(page, context);
        return (RenderBlocks(document, pipeline, links), Cited(document, links));
    }

    /// <summary>
    /// Renders the document in sections: the text before the first heading, then each heading
    /// with what follows it up to the next heading. Returns (heading id or "", html) pairs.
    /// </summary>
    public static IReadOnlyList<(string HeadingId, string Html)> RenderSections(MarkdownDocument document, MarkdownPipeline pipeline, IPageLinks links)
    {
        var sections = new List<(string, string)>();
        using var rented = PageHtmlRenderer.Rent(pipeline, links);
        var renderer = rented.Renderer;
        var current = "";
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                Flush();
                current = heading.TryGetAttributes()?.Id ?? "";
            }
            renderer.Render(block);
        }
        Flush();
        return sections;

        void Flush()
        {
            var html = Confined(document, rented.TakeText());
            if (html.Length > 0 || sections.Count == 0) sections.Add((current, html));
        }
    }

    /// <summary>Renders the whole document; without <paramref name="links"/>, as no page (every xref written as text).</summary>
    public static string RenderBlocks(MarkdownDocument document, MarkdownPipeline pipeline, IPageLinks? links = null)
    {
        using var rented = PageHtmlRenderer.Rent(pipeline, links ?? UnboundLinks.Instance);
        rented.Renderer.Render(document);
        return Confined(document, rented.TakeText());
    }

    /// <summary>Contributor HTML closes inside the part of the page it was written in (see <see cref="HtmlConfinement"/>).</summary>
    private static string Confined(MarkdownDocument document, string html) =>
        SanitizerExtension.HasRawHtml(document) ? HtmlConfinement.Confine(html) : html;
}
