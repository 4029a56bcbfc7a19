using Markdig;
using Markdig.Renderers;

namespace PeerCommons.Markdown.Binding;

/// <summary>An HTML renderer that writes a document as seen from one page (see <see cref="IPageLinks"/>).</summary>
public sealed class PageHtmlRenderer : HtmlRenderer
{
    private PageHtmlRenderer(TextWriter writer, IPageLinks links) : base(writer) => Links = links;

    public IPageLinks Links { get; }

    /// <summary>A renderer set up with <paramref name="pipeline"/>'s renderers, bound to <paramref name="links"/>.</summary>
    public static PageHtmlRenderer Create(TextWriter writer, MarkdownPipeline pipeline, IPageLinks links)
    {
        var renderer = new PageHtmlRenderer(writer, links);
        pipeline.Setup(renderer);
        return renderer;
    }

    /// <summary>The links a renderer is bound to; <see cref="UnboundLinks"/> for any other renderer.</summary>
    public static IPageLinks LinksOf(HtmlRenderer renderer) => renderer is PageHtmlRenderer bound ? bound.Links : UnboundLinks.Instance;
}
