using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>Resolves an entry's xrefs and citations for the page it appears on, and renders it to HTML.</summary>
public static class MarkdownHtml
{
    /// <summary>Renders <paramref name="document"/> as seen from <paramref name="page"/>; returns the HTML and the keys cited.</summary>
    public static (string Html, IReadOnlyList<string> Cited) Render(MarkdownDocument document, string page, RenderContext context, MarkdownPipeline pipeline)
    {
        XrefsExtension.Resolve(document, (key, anchor) =>
        {
            if (!context.Site.ByKey.TryGetValue(key, out var target) || target.Kind == EntryKind.Annotation)
                return (null, XrefProblem.UnknownKey);
            if (anchor is not null && !context.Parsed.HasAnchor(target, anchor))
                return (null, XrefProblem.UnknownAnchor);
            return (new XrefTarget(context.EntryLink(page, target, anchor), target.Title), XrefProblem.None);
        });
        var cited = CitationsExtension.Resolve(document, key =>
            context.Site.Bibliography.TryGetValue(key, out var source) ? (SourceFormatter.Label(source), "#cite-" + key) : null);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        return (writer.ToString(), cited);
    }
}
