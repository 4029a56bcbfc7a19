using Markdig.Renderers;
using Markdig.Renderers.Html;
using PeerCommons.Markdown.Binding;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>
/// Renders a citation as "(Author Year, p. 12; Other Year)", each work labelled and linked as the
/// page being rendered says; a work the page does not know shows its key.
/// </summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        var links = PageHtmlRenderer.LinksOf(renderer);
        renderer.Write("<span class=\"citation\">(");
        for (var i = 0; i < citation.Works.Count; i++)
        {
            var work = citation.Works[i];
            if (i > 0) renderer.Write("; ");
            if (links.Citation(work.Key) is var (label, href))
            {
                renderer.Write("<a href=\"").WriteEscapeUrl(href).Write("\">");
                renderer.WriteEscape(label);
                renderer.Write("</a>");
            }
            else renderer.WriteEscape(work.Key);
            if (work.Locator is not null) renderer.Write(", ").WriteEscape(work.Locator);
        }
        renderer.Write(")</span>");
    }
}
