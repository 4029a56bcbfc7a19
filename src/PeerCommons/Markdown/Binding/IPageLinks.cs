using PeerCommons.Markdown.Extensions.Xrefs;

namespace PeerCommons.Markdown.Binding;

/// <summary>
/// What the page being rendered knows and a parsed document does not: where each cross-reference
/// and citation leads from that page, and what its headings carry. A parsed document is never
/// changed after parsing; the renderers ask this while they write, so one parse serves every page
/// it appears on (its own, a trainer view, a print view, an annotation's target), on any thread.
/// </summary>
public interface IPageLinks
{
    /// <summary>The target of <c>xref:key#anchor</c> as linked from this page, or why there is none.</summary>
    (XrefTarget? Target, XrefProblem Problem) Xref(string key, string? anchor);

    /// <summary>The label and link of a cited work, or null for a key the bibliography does not have.</summary>
    (string Label, string Href)? Citation(string key);

    /// <summary>Raw HTML written at the end of a top-level heading of the document, by heading id; null for none.</summary>
    string? HeadingEnd(string headingId);
}

/// <summary>
/// A render that no page binds (Markdig's own <c>ToHtml</c>, for example): every xref is unknown and
/// so written as text, citations show their keys, headings carry nothing. No page ships an
/// <c>xref:</c> address a browser cannot follow.
/// </summary>
public sealed class UnboundLinks : IPageLinks
{
    public static readonly UnboundLinks Instance = new();

    private UnboundLinks() { }

    public (XrefTarget? Target, XrefProblem Problem) Xref(string key, string? anchor) => (null, XrefProblem.UnknownKey);

    public (string Label, string Href)? Citation(string key) => null;

    public string? HeadingEnd(string headingId) => null;
}
