using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace PeerCommons.Markdown.Binding;

/// <summary>Renders headings with what the page being rendered adds to them (see <see cref="HeadingEndRenderer"/>).</summary>
public sealed class PageBindingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HeadingEndRenderer>())
            html.ObjectRenderers.Replace<HeadingRenderer>(new HeadingEndRenderer());
    }
}

public static class PageBindingPipelineExtensions
{
    /// <summary>Headings that carry what the page adds to them.</summary>
    public static MarkdownPipelineBuilder UsePageBinding(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<PageBindingExtension>();
        return pipeline;
    }
}
