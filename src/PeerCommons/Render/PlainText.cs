using System.Globalization;
using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Markdown.Extensions.Xrefs;

namespace PeerCommons.Render;

/// <summary>The words a reader sees in an entry's body, for search: no markup, no code (but the code in a heading), no facilitator notes.</summary>
public static class PlainText
{
    /// <summary>How much of a body the search index keeps: enough to find an entry by its words, not the whole page.</summary>
    public const int SearchBodyChars = 3000;

    /// <param name="titleOf">The title of an entry by key, for cross-references written without text
    /// (which show the target's title on the page).</param>
    public static string Of(MarkdownDocument document, int maxChars, Func<string, string?> titleOf)
    {
        var text = new StringBuilder();
        Write(document, maxChars, titleOf, text);
        return text.ToString();
    }

    /// <summary><see cref="Of"/> into <paramref name="text"/> (cleared first), so a caller that reads every
    /// entry's text once can keep one builder instead of a builder and a string per entry.</summary>
    public static void Write(MarkdownDocument document, int maxChars, Func<string, string?> titleOf, StringBuilder text)
    {
        text.Clear();
        Walk(document, text, maxChars, titleOf);
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
                // A heading reads as the page's heading id was made from (its code included), so that search
                // finds it as the start of its section (SearchDocument.Sectioned) and links to that id.
                case HeadingBlock heading:
                    text.Append(HeadingIdsExtension.PlainText(heading.Inline)).Append('\n');
                    break;
                case LeafBlock { Inline: { } inline }:
                    var dropped = false;
                    Inlines(inline, text, titleOf, ref dropped);
                    if (dropped) TrimEndSpaces(text);
                    text.Append('\n');
                    break;
            }
        }
    }

    /// <param name="dropped">Whether the last inline left nothing in the text (a citation, code, an xref to
    /// an unknown key): the text around it is then joined as the reader would read it without it.</param>
    private static void Inlines(ContainerInline container, StringBuilder text, Func<string, string?> titleOf, ref bool dropped)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal: Append(text, literal.Content.AsSpan(), ref dropped); break;
                case HtmlEntityInline entity: Append(text, entity.Transcoded.AsSpan(), ref dropped); break;
                case LineBreakInline: Append(text, " ", ref dropped); break;
                case CitationInline or CodeInline: dropped = true; break;
                case LinkInline { FirstChild: null } link when XrefsExtension.IsXref(link.Url):
                    var title = titleOf(link.Url![XrefsExtension.Scheme.Length..].Split('#')[0].Trim('/'));
                    if (string.IsNullOrEmpty(title)) dropped = true; else Append(text, title, ref dropped);
                    break;
                case ContainerInline nested: Inlines(nested, text, titleOf, ref dropped); break;
            }
        }
    }

    /// <summary>
    /// Appends a piece of text. After a dropped inline: "as shown [@x]." reads "as shown.", "see [@x] and"
    /// keeps one space, and words on both sides of it ("shown[@x]next") stay two words.
    /// </summary>
    private static void Append(StringBuilder text, ReadOnlySpan<char> piece, ref bool dropped)
    {
        if (piece.IsEmpty) return;
        if (dropped)
        {
            var last = text.Length > 0 ? text[^1] : '\n';
            if (ClosesPhrase(piece[0])) TrimEndSpaces(text);
            else if (char.IsWhiteSpace(piece[0]) && (last == ' ' || last == '\n')) piece = piece.TrimStart();
            else if (char.IsLetterOrDigit(last) && char.IsLetterOrDigit(piece[0])) text.Append(' ');
        }
        dropped = false;
        text.Append(piece);
    }

    /// <summary>Punctuation that is written against the word before it.</summary>
    private static bool ClosesPhrase(char c) =>
        ".,;:!?…".Contains(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation;

    private static void TrimEndSpaces(StringBuilder text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] == ' ') end--;
        text.Length = end;
    }
}
