using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace PeerCommons.Markdown.Binding;

/// <summary>
/// Markdig's heading renderer, with what the page adds at the end of a top-level heading
/// (<see cref="IPageLinks.HeadingEnd"/>, such as a marker of the community notes on that section)
/// written inside the heading element.
/// </summary>
public sealed class HeadingEndRenderer : HeadingRenderer
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
    {
        var end = heading.Parent is MarkdownDocument && heading.Inline is not null && heading.TryGetAttributes()?.Id is { } id
            ? PageHtmlRenderer.LinksOf(renderer).HeadingEnd(id)
            : null;
        if (end is null || !renderer.EnableHtmlForBlock)
        {
            base.Write(renderer, heading);
            return;
        }
        var tag = "h" + heading.Level.ToString(CultureInfo.InvariantCulture);
        renderer.Write('<').Write(tag).WriteAttributes(heading).Write('>');
        renderer.WriteLeafInline(heading);
        renderer.Write(end);
        renderer.Write("</").Write(tag).WriteLine('>');
        renderer.EnsureLine();
    }
}
