using Markdig;
using Markdig.Renderers;

namespace PeerCommons.Markdown.Binding;

/// <summary>An HTML renderer that writes a document as seen from one page (see <see cref="IPageLinks"/>).</summary>
public sealed class PageHtmlRenderer : HtmlRenderer
{
    private PageHtmlRenderer(TextWriter writer, IPageLinks links) : base(writer) => Links = links;

    public IPageLinks Links { get; private set; }

    /// <summary>A renderer set up with <paramref name="pipeline"/>'s renderers, bound to <paramref name="links"/>.</summary>
    public static PageHtmlRenderer Create(TextWriter writer, MarkdownPipeline pipeline, IPageLinks links)
    {
        var renderer = new PageHtmlRenderer(writer, links);
        pipeline.Setup(renderer);
        return renderer;
    }

    /// <summary>The links a renderer is bound to; <see cref="UnboundLinks"/> for any other renderer.</summary>
    public static IPageLinks LinksOf(HtmlRenderer renderer) => renderer is PageHtmlRenderer bound ? bound.Links : UnboundLinks.Instance;

    /// <summary>
    /// A renderer writing to its own text buffer, bound to <paramref name="links"/>, for one rendering: dispose it
    /// when done. Each thread keeps one per pipeline between renderings, because a build renders every body
    /// several times (sections, annotations, print pages) and setting a renderer up (the pipeline's renderers,
    /// its type lookups) and growing a fresh buffer each time were a good part of the build's allocations.
    /// A renderer taken while the thread's own is in use is a new one.
    /// </summary>
    public static Rented Rent(MarkdownPipeline pipeline, IPageLinks links)
    {
        if (t_idle is { } idle && idle.Remove(pipeline, out var renderer)) renderer.Links = links;
        else renderer = Create(new StringWriter(), pipeline, links);
        return new Rented(renderer, pipeline);
    }

    /// <summary>A buffer grown beyond this (a very long body) is not kept for the next rendering.</summary>
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic] private static Dictionary<MarkdownPipeline, PageHtmlRenderer>? t_idle;

    /// <summary>One rendering's renderer and the text it has written so far.</summary>
    public readonly struct Rented(PageHtmlRenderer renderer, MarkdownPipeline pipeline) : IDisposable
    {
        public PageHtmlRenderer Renderer => renderer;

        /// <summary>What was written since the last <see cref="TakeText"/>, which it empties.</summary>
        public string TakeText()
        {
            var text = ((StringWriter)renderer.Writer).GetStringBuilder();
            var html = text.ToString();
            text.Clear();
            return html;
        }

        public void Dispose()
        {
            renderer.Reset(); // the buffer emptied and the writing state (indents, line starts) as new
            renderer.Links = UnboundLinks.Instance;
            if (((StringWriter)renderer.Writer).GetStringBuilder().Capacity > KeptCapacity) return;
            (t_idle ??= [])[pipeline] = renderer;
        }
    }
}
