using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Extensions.Citations;

namespace PeerCommons.Index;

/// <summary>The words a reader sees in an entry's body, for search: no markup, no code, no facilitator notes.</summary>
public static class PlainText
{
    public static string Of(MarkdownDocument document, int maxChars)
    {
        var text = new StringBuilder();
        Walk(document, text, maxChars);
        return text.ToString();
    }

    private static void Walk(ContainerBlock container, StringBuilder text, int maxChars)
    {
        foreach (var block in container)
        {
            if (text.Length >= maxChars) return;
            switch (block)
            {
                case CustomContainer: continue; // facilitator notes are for the trainer view only
                case ContainerBlock nested: Walk(nested, text, maxChars); break;
                case LeafBlock { Inline: { } inline }:
                    Inlines(inline, text);
                    text.Append('\n');
                    break;
            }
        }
    }

    private static void Inlines(ContainerInline container, StringBuilder text)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case LineBreakInline: text.Append(' '); break;
                case CitationInline: break;
                case ContainerInline nested: Inlines(nested, text); break;
            }
        }
    }
}
