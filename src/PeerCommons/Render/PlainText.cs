using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Xrefs;

namespace PeerCommons.Render;

/// <summary>The words a reader sees in an entry's body, for search: no markup, no code, no facilitator notes.</summary>
public static class PlainText
{
    /// <summary>How much of a body the search index keeps: enough to find an entry by its words, not the whole page.</summary>
    public const int SearchBodyChars = 3000;

    /// <param name="titleOf">The title of an entry by key, for cross-references written without text
    /// (which show the target's title on the page).</param>
    public static string Of(MarkdownDocument document, int maxChars, Func<string, string?> titleOf)
    {
        var text = new StringBuilder();
        Walk(document, text, maxChars, titleOf);
        return text.ToString();
    }

    private static void Walk(ContainerBlock container, StringBuilder text, int maxChars, Func<string, string?> titleOf)
    {
        foreach (var block in container)
        {
            if (text.Length >= maxChars) return;
            switch (block)
            {
                case CustomContainer: continue; // facilitator notes are for the trainer view only
                case ContainerBlock nested: Walk(nested, text, maxChars, titleOf); break;
                case LeafBlock { Inline: { } inline }:
                    Inlines(inline, text, titleOf);
                    text.Append('\n');
                    break;
            }
        }
    }

    private static void Inlines(ContainerInline container, StringBuilder text, Func<string, string?> titleOf)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case LineBreakInline: text.Append(' '); break;
                case CitationInline: break;
                case LinkInline { FirstChild: null } link when XrefsExtension.IsXref(link.Url):
                    text.Append(titleOf(link.Url![XrefsExtension.Scheme.Length..].Split('#')[0].Trim('/')));
                    break;
                case ContainerInline nested: Inlines(nested, text, titleOf); break;
            }
        }
    }
}
