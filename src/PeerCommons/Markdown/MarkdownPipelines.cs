using Markdig;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Facilitator;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Markdown.Extensions.Sanitizer;
using PeerCommons.Markdown.Extensions.Xrefs;

namespace PeerCommons.Markdown;

/// <summary>
/// The Markdown dialect of the content model: CommonMark with tables, footnotes, task lists and
/// auto-links, plus our extensions. Two pipelines that differ only in facilitator notes.
/// </summary>
public static class MarkdownPipelines
{
    public static readonly MarkdownPipeline Learner = Create(showFacilitatorNotes: false);
    public static readonly MarkdownPipeline Trainer = Create(showFacilitatorNotes: true);

    /// <summary>
    /// Parses contributor Markdown. Markdig refuses input nested deeper than it can handle (thousands
    /// of '>' or list markers) by throwing; that must not stop the build, so the entry gets an empty
    /// document with a "too-deep" finding, which the render stage reports as an error on the file.
    /// </summary>
    public static Markdig.Syntax.MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            var document = Markdig.Markdown.Parse("", pipeline);
            Extensions.SourceFindings.Of(document).Add(new Extensions.SourceFinding("too-deep", 0, 0,
                "the text is nested too deeply to be read (thousands of '>', list markers, brackets or emphasis marks); the page is left empty"));
            return document;
        }
    }

    private static MarkdownPipeline Create(bool showFacilitatorNotes) =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseFootnotes()
            .UseTaskLists()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseDefinitionLists()
            .UseStableHeadingIds()
            .UseSourceCitations()
            .UseXrefs()
            .UseFacilitatorBlocks(showFacilitatorNotes)
            .UseSanitizer()
            .Build();
}
