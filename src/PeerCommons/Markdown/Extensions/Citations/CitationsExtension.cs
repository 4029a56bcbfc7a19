using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;
using PeerCommons.Markdown.Binding;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>Pandoc-style citations; the page being rendered gives each cited work its label and link (see <see cref="CitationRenderer"/>).</summary>
public sealed class CitationsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
            html.ObjectRenderers.Insert(0, new CitationRenderer());
    }

    /// <summary>The keys the document cites that <paramref name="links"/> knows, in order of first citation.</summary>
    public static IReadOnlyList<string> Cited(MarkdownDocument document, IPageLinks links)
    {
        var cited = new List<string>();
        foreach (var work in DocumentIndex.Of(document).Citations.SelectMany(c => c.Works))
            if (!cited.Contains(work.Key) && links.Citation(work.Key) is not null) cited.Add(work.Key);
        return cited;
    }

    /// <summary>Each cited key <paramref name="links"/> does not know, at its citation's position.</summary>
    public static IReadOnlyList<SourceFinding> Findings(MarkdownDocument document, IPageLinks links) =>
        DocumentIndex.Of(document).Citations
            .SelectMany(citation => citation.Works.Where(work => links.Citation(work.Key) is null)
                .Select(work => new SourceFinding("unknown-citation", citation.Line, citation.Column,
                    $"citation key '{work.Key}' is not in sources.yaml", work.Key)))
            .ToList();
}

public static class CitationsPipelineExtensions
{
    /// <summary><c>[@key]</c> citations linked to the page's list of sources.</summary>
    public static MarkdownPipelineBuilder UseSourceCitations(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CitationsExtension>();
        return pipeline;
    }
}
