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
