using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace PeerCommons.Markdown.Extensions.Facilitator;

/// <summary>
/// <c>:::facilitator</c> ... <c>:::</c> notes for trainers. The learner view leaves them out of
/// the HTML entirely (not hidden with CSS), so they cannot leak into a print-out or a copy.
/// Other container names are reported and rendered as their plain content.
/// </summary>
public sealed class FacilitatorExtension(bool showNotes) : IMarkdownExtension
{
    public const string ContainerName = "facilitator";

    public bool ShowNotes { get; } = showNotes;

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += ReportUnknownContainers;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        html.ObjectRenderers.RemoveAll(r => r is HtmlCustomContainerRenderer);
        html.ObjectRenderers.Insert(0, new FacilitatorRenderer(ShowNotes));
    }

    public static bool HasNotes(MarkdownDocument document) => TreeWalk.Descendants<CustomContainer>(document).Any(IsFacilitator);

    internal static bool IsFacilitator(CustomContainer container) =>
        string.Equals(container.Info?.Trim(), ContainerName, StringComparison.Ordinal);

    private static void ReportUnknownContainers(MarkdownDocument document)
    {
        foreach (var container in TreeWalk.Descendants<CustomContainer>(document).Where(c => !IsFacilitator(c)))
            SourceFindings.Of(document).Add(new SourceFinding("unknown-container", container.Line, container.Column,
                $"':::{container.Info}' is not a known block; the only one is ':::facilitator'", container.Info));
    }

    private sealed class FacilitatorRenderer(bool showNotes) : HtmlObjectRenderer<CustomContainer>
    {
        protected override void Write(HtmlRenderer renderer, CustomContainer container)
        {
            if (!IsFacilitator(container))
            {
                renderer.WriteChildren(container);
                return;
            }
            if (!showNotes) return;
            renderer.EnsureLine();
            renderer.Write("<aside class=\"facilitator\" aria-label=\"Facilitator notes\">").WriteLine();
            renderer.Write("<p class=\"facilitator-label\">Facilitator notes</p>").WriteLine();
            renderer.WriteChildren(container);
            renderer.Write("</aside>").WriteLine();
        }
    }
}

public static class FacilitatorPipelineExtensions
{
    /// <summary>Trainers' notes; <paramref name="showNotes"/> is true for the trainer view.</summary>
    public static MarkdownPipelineBuilder UseFacilitatorBlocks(this MarkdownPipelineBuilder pipeline, bool showNotes)
    {
        // The ::: syntax itself is Markdig's custom containers; this extension decides what they mean.
        pipeline.UseCustomContainers();
        pipeline.Extensions.ReplaceOrAdd<FacilitatorExtension>(new FacilitatorExtension(showNotes));
        return pipeline;
    }
}
