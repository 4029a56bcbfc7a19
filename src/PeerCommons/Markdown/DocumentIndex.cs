using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Xrefs;

namespace PeerCommons.Markdown;

/// <summary>
/// The parts of a parsed document that pages look up again and again: its citations, its Markdown
/// xref links and the raw HTML that holds an xref, each in document order. Found once when the
/// document is parsed (<see cref="MarkdownPipelines.Parse"/>) instead of by a walk over the whole
/// tree for every view, print page and annotation the entry appears in (about 2% of a build's CPU).
/// </summary>
public sealed class DocumentIndex
{
    private static readonly object DataKey = new();

    private DocumentIndex(MarkdownDocument document)
    {
        // Plain arrays (the empty ones shared): the index lives as long as its document, for the whole
        // build, and most documents have no xref in raw HTML and few links, where a list and its
        // read-only wrapper were three objects a collection each per document.
        Citations = TreeWalk.Descendants<CitationInline>(document).ToArray();
        var xrefLinks = TreeWalk.Descendants<LinkInline>(document);
        xrefLinks.RemoveAll(l => l.IsImage || !XrefsExtension.IsXref(l.Url));
        XrefLinks = xrefLinks.ToArray();
        List<(string, int, int)>? rawHtml = null;
        foreach (var inline in TreeWalk.Descendants<HtmlInline>(document))
            if (RawHtmlXrefs.HasXref(inline.Tag)) (rawHtml ??= []).Add((inline.Tag!, inline.Line, inline.Column));
        foreach (var block in TreeWalk.Descendants<HtmlBlock>(document))
        {
            var html = block.Lines.ToString();
            if (RawHtmlXrefs.HasXref(html)) (rawHtml ??= []).Add((html, block.Line, block.Column));
        }
        RawHtmlWithXrefs = rawHtml?.ToArray() ?? [];
    }

    /// <summary>Every citation, in document order.</summary>
    public IReadOnlyList<CitationInline> Citations { get; }

    /// <summary>Every Markdown link (not image) to an <c>xref:</c> address, in document order.</summary>
    public IReadOnlyList<LinkInline> XrefLinks { get; }

    /// <summary>Raw HTML that holds an xref, with its 0-based line and column: the inline tags in order, then the blocks.</summary>
    public IReadOnlyList<(string Html, int Line, int Column)> RawHtmlWithXrefs { get; }

    /// <summary>Kept with the document; called once its extensions have finished with the tree, which stays read-only after.</summary>
    internal static void Attach(MarkdownDocument document) => document.SetData(DataKey, new DocumentIndex(document));

    /// <summary>The document's index; for a document not parsed by <see cref="MarkdownPipelines.Parse"/>, found now (and not kept).</summary>
    public static DocumentIndex Of(MarkdownDocument document) =>
        document.GetData(DataKey) as DocumentIndex ?? new DocumentIndex(document);
}
