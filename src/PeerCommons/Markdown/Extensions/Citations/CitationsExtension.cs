using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Syntax;

namespace PeerCommons.Markdown.Extensions.Citations;

/// <summary>Pandoc-style citations. Resolving keys to labels and links is done by <see cref="Resolve"/>.</summary>
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

    /// <summary>
    /// Gives every citation its label and link. <paramref name="describe"/> returns (label, href)
    /// for a known key or null for an unknown one, which is reported as a finding.
    /// Returns the keys cited, in order of first citation.
    /// </summary>
    public static IReadOnlyList<string> Resolve(MarkdownDocument document, Func<string, (string Label, string Href)?> describe)
    {
        var cited = new List<string>();
        foreach (var citation in document.Descendants<CitationInline>())
        {
            foreach (var work in citation.Works)
            {
                if (describe(work.Key) is { } found)
                {
                    (work.Label, work.Href) = found;
                    if (!cited.Contains(work.Key)) cited.Add(work.Key);
                }
                else
                {
                    SourceFindings.Of(document).Add(new SourceFinding("unknown-citation", citation.Line, citation.Column,
                        $"citation key '{work.Key}' is not in sources.yaml", work.Key));
                }
            }
        }
        return cited;
    }
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
