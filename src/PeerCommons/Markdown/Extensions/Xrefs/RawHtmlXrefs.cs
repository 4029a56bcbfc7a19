using System.Net;
using System.Text.RegularExpressions;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Binding;

namespace PeerCommons.Markdown.Extensions.Xrefs;

/// <summary>
/// <c>&lt;a href="xref:values/mutuality"&gt;</c> written in raw HTML: written with the target's
/// address like a Markdown xref, or, when broken, reported and written without its href, so no page
/// ships an <c>xref:</c> address a browser cannot follow. The HTML has been through the sanitizer,
/// which writes every attribute as <c>name="value"</c>, so one pattern finds them all.
/// </summary>
public static partial class RawHtmlXrefs
{
    [GeneratedRegex(@"\shref=""xref:([^""]*)""")]
    private static partial Regex XrefHref();

    /// <summary>Calls <paramref name="visit"/> with each reference (after <c>xref:</c>) in the document's raw HTML and its 0-based line and column.</summary>
    public static void Visit(DocumentIndex document, Action<string, int, int> visit)
    {
        foreach (var (html, line, column) in document.RawHtmlWithXrefs) VisitIn(html, line, column, visit);
    }

    private static void VisitIn(string html, int line, int column, Action<string, int, int> visit)
    {
        foreach (Match match in XrefHref().Matches(html))
        {
            var at = line + html.AsSpan(0, match.Index).Count('\n');
            visit(WebUtility.HtmlDecode(match.Groups[1].Value), at, at == line ? column : 0);
        }
    }

    internal static bool HasXref(string? html) => html is not null && html.Contains(XrefsExtension.Scheme, StringComparison.Ordinal);

    /// <summary>The HTML with each xref's href bound for the page <paramref name="links"/> stands for (dropped when broken).</summary>
    private static string Bind(string html, IPageLinks links) =>
        XrefHref().Replace(html, match =>
            XrefsExtension.Lookup(links, WebUtility.HtmlDecode(match.Groups[1].Value)).Target is { } target
                ? $" href=\"{WebUtility.HtmlEncode(target.Href)}\""
                : "");

    /// <summary>Markdig's inline HTML renderer, binding the xrefs in the tag.</summary>
    public sealed class InlineRenderer : HtmlInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline inline)
        {
            if (!renderer.EnableHtmlForInline || !HasXref(inline.Tag)) base.Write(renderer, inline);
            else renderer.Write(Bind(inline.Tag!, PageHtmlRenderer.LinksOf(renderer)));
        }
    }

    /// <summary>Markdig's HTML block renderer, binding the xrefs in the block.</summary>
    public sealed class BlockRenderer : HtmlBlockRenderer
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock block)
        {
            var html = renderer.EnableHtmlForBlock ? block.Lines.ToString() : null;
            if (!HasXref(html))
            {
                base.Write(renderer, block);
                return;
            }
            // The sanitizer left the block as one line of HTML; Markdig writes a block's lines each followed by a line end.
            renderer.Write(Bind(html!, PageHtmlRenderer.LinksOf(renderer))).WriteLine();
        }
    }
}
