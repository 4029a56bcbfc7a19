using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Binding;

namespace PeerCommons.Markdown.Extensions.Xrefs;

/// <summary>
/// Markdig's link renderer, except that an <c>xref:</c> link is written with its target's address as
/// seen from the page being rendered. A broken one is written as its text (or, when it has none, as
/// the reference itself), so a page never links nowhere.
/// </summary>
public sealed class XrefLinkRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage || !XrefsExtension.IsXref(link.Url))
        {
            base.Write(renderer, link);
            return;
        }
        var (target, _) = XrefsExtension.Lookup(PageHtmlRenderer.LinksOf(renderer), link.Url![XrefsExtension.Scheme.Length..]);
        if (target is null)
        {
            if (link.FirstChild is null) renderer.WriteEscape(link.Url);
            else renderer.WriteChildren(link);
            return;
        }
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("<a href=\"").WriteEscapeUrl(target.Href).Write('"').WriteAttributes(link);
            if (!string.IsNullOrEmpty(link.Title)) renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
            if (!string.IsNullOrWhiteSpace(Rel)) renderer.Write(" rel=\"").Write(Rel).Write('"');
            renderer.Write('>');
        }
        // A link written without text shows its target's title.
        if (link.FirstChild is null) renderer.WriteEscape(target.Title);
        else renderer.WriteChildren(link);
        if (renderer.EnableHtmlForInline) renderer.Write("</a>");
    }
}
