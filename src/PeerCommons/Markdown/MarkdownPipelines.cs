using Markdig;
using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions.BareUrls;
using PeerCommons.Markdown.Extensions.Brackets;
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
        var document = ParseOrRefuse(markdown, pipeline);
        DocumentIndex.Attach(document);
        return document;
    }

    private static Markdig.Syntax.MarkdownDocument ParseOrRefuse(string markdown, MarkdownPipeline pipeline)
    {
        // Markdig's link parsing slows down with the square of unclosed '[' (a megabyte of them takes
        // minutes); no prose has thousands, so such a text is refused before parsing.
        if (markdown.AsSpan().Count('[') > MaxBrackets)
            return Refused(pipeline, $"the text has more than {MaxBrackets:N0} '[' characters, far more than any page needs; the page is left empty");
        try
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            return Refused(pipeline, "the text is nested too deeply to be read (thousands of '>', list markers, brackets or emphasis marks); the page is left empty");
        }
    }

    private const int MaxBrackets = 10_000;

    private static Markdig.Syntax.MarkdownDocument Refused(MarkdownPipeline pipeline, string message)
    {
        var document = Markdig.Markdown.Parse("", pipeline);
        Extensions.SourceFindings.Of(document).Add(new Extensions.SourceFinding("too-deep", 0, 0, message));
        return document;
    }

    private static MarkdownPipeline Create(bool showFacilitatorNotes) =>
        new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseFootnotes()
            .UseTaskLists()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseDefinitionLists()
            .UseFlatUnmatchedBrackets()
            .UseBareUrls()
            .UseStableHeadingIds()
            .UseSourceCitations()
            .UseXrefs()
            .UseFacilitatorBlocks(showFacilitatorNotes)
            .UseSanitizer()
            .UsePageBinding()
            .Build();
}
