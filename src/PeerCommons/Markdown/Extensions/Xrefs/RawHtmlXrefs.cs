using System.Net;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Xrefs;

/// <summary>
/// <c>&lt;a href="xref:values/mutuality"&gt;</c> written in raw HTML: resolved like a Markdown xref, or,
/// when broken, reported and left without its href, so no page ships an <c>xref:</c> address a
/// browser cannot follow. The HTML has been through the sanitizer, which writes every attribute as
/// <c>name="value"</c>, so one pattern finds them all.
/// </summary>
public static partial class RawHtmlXrefs
{
    [GeneratedRegex(@"\shref=""xref:([^""]*)""")]
    private static partial Regex XrefHref();

    /// <param name="written">Data key under which each piece of HTML keeps the text it was written with, so it can be resolved again for another page.</param>
    /// <param name="find">Maps a reference (after <c>xref:</c>) at a 0-based line and column to its target, or null once it has reported it.</param>
    public static void Resolve(MarkdownDocument document, object written, Func<string, int, int, XrefTarget?> find)
    {
        foreach (var inline in document.Descendants<HtmlInline>())
        {
            var original = Original(inline, inline.Tag, written);
            if (original is not null) inline.Tag = Rewrite(original, inline.Line, inline.Column, find);
        }
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            var original = Original(block, block.Lines.ToString(), written);
            if (original is null) continue;
            var html = Rewrite(original, block.Line, block.Column, find);
            block.Lines = new StringLineGroup(1) { new StringSlice(html) };
        }
    }

    private static string? Original(MarkdownObject node, string? html, object written)
    {
        if (node.GetData(written) is string kept) return kept;
        if (html is null || !html.Contains("xref:", StringComparison.Ordinal)) return null;
        node.SetData(written, html);
        return html;
    }

    private static string Rewrite(string html, int line, int column, Func<string, int, int, XrefTarget?> find) =>
        XrefHref().Replace(html, match =>
        {
            var at = line + html.AsSpan(0, match.Index).Count('\n');
            var target = find(WebUtility.HtmlDecode(match.Groups[1].Value), at, at == line ? column : 0);
            return target is null ? "" : $" href=\"{WebUtility.HtmlEncode(target.Href)}\"";
        });
}
