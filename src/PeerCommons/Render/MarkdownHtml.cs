using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Sanitizer;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>Resolves an entry's xrefs and citations for the page it appears on, and renders it to HTML.</summary>
public static class MarkdownHtml
{
    /// <summary>Gives the document's links and citations their targets as seen from <paramref name="page"/>; returns the keys cited.</summary>
    public static IReadOnlyList<string> Resolve(MarkdownDocument document, string page, RenderContext context)
    {
        XrefsExtension.Resolve(document, (key, anchor) =>
        {
            if (!context.Site.ByKey.TryGetValue(key, out var target) || target.Kind == EntryKind.Annotation)
                return (null, XrefProblem.UnknownKey);
            if (anchor is not null && !context.Parsed.HasAnchor(target, anchor))
                return (null, XrefProblem.UnknownAnchor);
            return (new XrefTarget(context.EntryLink(page, target, anchor), target.Title), XrefProblem.None);
        });
        return CitationsExtension.Resolve(document, key =>
            context.Site.Bibliography.TryGetValue(key, out var source) ? (SourceFormatter.CitationLabel(source), "#cite-" + key) : null);
    }

    /// <summary>Resolves and renders the whole document.</summary>
    public static (string Html, IReadOnlyList<string> Cited) Render(MarkdownDocument document, string page, RenderContext context, MarkdownPipeline pipeline)
    {
        var cited = Resolve(document, page, context);
        return (RenderBlocks(document, pipeline), cited);
    }

    /// <summary>
    /// Renders the document in sections: the text before the first heading, then each heading
    /// with what follows it up to the next heading. Returns (heading id or "", html) pairs.
    /// </summary>
    public static IReadOnlyList<(string HeadingId, string Html)> RenderSections(MarkdownDocument document, MarkdownPipeline pipeline)
    {
        var sections = new List<(string, string)>();
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        var current = "";
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                Flush();
                current = heading.GetAttributes().Id ?? "";
            }
            renderer.Render(block);
        }
        Flush();
        return sections;

        void Flush()
        {
            renderer.Writer.Flush();
            var html = Confined(document, writer.ToString());
            writer.GetStringBuilder().Clear();
            if (html.Length > 0 || sections.Count == 0) sections.Add((current, html));
        }
    }

    public static string RenderBlocks(MarkdownDocument document, MarkdownPipeline pipeline)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        return Confined(document, writer.ToString());
    }

    /// <summary>Contributor HTML closes inside the part of the page it was written in (see <see cref="HtmlConfinement"/>).</summary>
    private static string Confined(MarkdownDocument document, string html) =>
        SanitizerExtension.HasRawHtml(document) ? HtmlConfinement.Confine(html) : html;
}
