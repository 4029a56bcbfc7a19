using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>
/// Where an entry's cross-references and citations lead from one page of the site, and what that
/// page adds to the entry's headings (<paramref name="headingEnds"/>, by heading id). One per page
/// rendered: the parsed documents themselves are shared by every page and never changed.
/// </summary>
public sealed class PageLinks(string page, RenderContext context, IReadOnlyDictionary<string, string>? headingEnds = null) : IPageLinks
{
    public (XrefTarget? Target, XrefProblem Problem) Xref(string key, string? anchor)
    {
        if (!context.Site.ByKey.TryGetValue(key, out var target) || target.Kind == EntryKind.Annotation)
            return (null, XrefProblem.UnknownKey);
        if (anchor is not null && !context.Parsed.HasAnchor(target, anchor))
            return (null, XrefProblem.UnknownAnchor);
        return (new XrefTarget(context.EntryLink(page, target, anchor), target.Title), XrefProblem.None);
    }

    public (string Label, string Href)? Citation(string key) => context.Citation(key);

    public string? HeadingEnd(string headingId) => headingEnds?.GetValueOrDefault(headingId);
}
