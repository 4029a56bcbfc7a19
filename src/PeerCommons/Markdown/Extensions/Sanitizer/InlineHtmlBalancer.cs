using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// Keeps contributor HTML tags inside a paragraph (or heading, or table cell) balanced: an inline
/// <c>&lt;b&gt;</c> or <c>&lt;a href&gt;</c> left open is closed at the end of its paragraph, an end tag
/// that closes nothing is dropped, and each repair is a located warning. Without it the browser
/// carries an open <c>&lt;b&gt;</c> on over the rest of the page, into "Related" and the footer.
/// Runs after the sanitizer, so each tag is one clean <c>&lt;name ...&gt;</c> or <c>&lt;/name&gt;</c>.
/// </summary>
public static class InlineHtmlBalancer
{
    /// <summary>No prose nests inline HTML this deep; deeper tags are removed (the HTML parser slows with depth).</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "wbr", "img" };

    public static void Balance(MarkdownDocument document, List<SourceFinding> findings)
    {
        foreach (var leaf in TreeWalk.Descendants<LeafBlock>(document))
            if (leaf.Inline is { } inlines) Balance(leaf, inlines, findings);
    }

    private static void Balance(LeafBlock leaf, ContainerInline inlines, List<SourceFinding> findings)
    {
        var open = new List<(string Name, HtmlInline Tag)>();
        foreach (var inline in TreeWalk.Descendants<HtmlInline>(inlines))
        {
            var tag = inline.Tag ?? "";
            if (tag.Length < 3) continue; // removed by the sanitizer
            var closing = tag[1] == '/';
            var name = NameOf(tag, closing ? 2 : 1);
            if (!closing)
            {
                if (Void.Contains(name)) continue;
                if (open.Count >= MaxDepth)
                {
                    Report(findings, inline, $"removed <{name}>: inline HTML nested more than {MaxDepth} deep");
                    inline.Tag = "";
                    continue;
                }
                open.Add((name, inline));
                continue;
            }
            var at = open.FindLastIndex(o => o.Name == name);
            if (at < 0)
            {
                Report(findings, inline, $"removed </{name}>: no <{name}> is open before it in this {What(leaf)}");
                inline.Tag = "";
                continue;
            }
            var closers = "";
            for (var i = open.Count - 1; i > at; i--)
            {
                Report(findings, open[i].Tag, $"<{open[i].Name}> is not closed before </{name}>; it is closed there");
                closers += $"</{open[i].Name}>";
            }
            inline.Tag = closers + tag;
            open.RemoveRange(at, open.Count - at);
        }
        for (var i = open.Count - 1; i >= 0; i--)
        {
            Report(findings, open[i].Tag, $"<{open[i].Name}> is not closed in its {What(leaf)}; it is closed at the end of it, so it cannot spread over the rest of the page");
            inlines.AppendChild(new HtmlInline($"</{open[i].Name}>"));
        }
    }

    private static string NameOf(string tag, int from)
    {
        var end = from;
        while (end < tag.Length && char.IsAsciiLetterOrDigit(tag[end])) end++;
        return tag[from..end].ToLowerInvariant();
    }

    private static string What(LeafBlock leaf) => leaf switch
    {
        HeadingBlock => "heading",
        _ when leaf.Parent is Markdig.Extensions.Tables.TableCell => "table cell",
        _ => "paragraph",
    };

    private static void Report(List<SourceFinding> findings, HtmlInline tag, string message) =>
        findings.Add(new SourceFinding("html-unbalanced", tag.Line, tag.Column, message));
}
