using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>Renders a resolved citation as "(Author Year, p. 12; Other Year)" with each work linked.</summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        renderer.Write("<span class=\"citation\">(");
        for (var i = 0; i < citation.Works.Count; i++)
        {
            var work = citation.Works[i];
            if (i > 0) renderer.Write("; ");
            if (work.Href is not null)
            {
                renderer.Write("<a href=\"").WriteEscapeUrl(work.Href).Write("\">");
                renderer.WriteEscape(work.Label ?? work.Key);
                renderer.Write("</a>");
            }
            else renderer.WriteEscape(work.Label ?? work.Key);
            if (work.Locator is not null) renderer.Write(", ").WriteEscape(work.Locator);
        }
        renderer.Write(")</span>");
    }
}
