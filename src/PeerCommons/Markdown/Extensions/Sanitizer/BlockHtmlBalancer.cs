using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// Lets raw HTML blocks wrap Markdown (a <c>&lt;div&gt;</c> or <c>&lt;details&gt;</c> line, a list, a
/// <c>&lt;/div&gt;</c> line) while keeping every element confined: what a block opens stays open until
/// a later block in the same list item, quote or page closes it, and is closed, with a located
/// warning, at the end of that container or before the page's next section heading. An end tag that
/// closes nothing is dropped with a warning. Runs after the sanitizer, which closed each block on its own.
/// </summary>
public static partial class BlockHtmlBalancer
{
    /// <summary>No prose wraps Markdown in more elements than this; deeper ones are closed in their own block.</summary>
    public const int MaxDepth = 32;

    private static readonly object StructureKey = new();

    /// <summary>Remembers how the block's source opens and closes elements, before the sanitizer rewrites it.</summary>
    public static void Remember(HtmlBlock block, string raw) => block.SetData(StructureKey, RawHtmlStructure.Of(raw));

    [GeneratedRegex(@"</([a-z][a-z0-9]*)>\s*$")]
    private static partial Regex TrailingEndTag();

    private sealed record Open(string Name, int Line);

    public static void Balance(ContainerBlock container, List<SourceFinding> findings)
    {
        var open = new List<Open>();
        var closedEarly = new List<string>();
        foreach (var child in container.ToList())
        {
            if (child is HeadingBlock heading && container is MarkdownDocument && open.Count > 0)
            {
                foreach (var element in open.AsEnumerable().Reverse())
                    findings.Add(new SourceFinding("html-unbalanced", element.Line, 0,
                        $"<{element.Name}> is not closed before the heading on line {heading.Line + 1}; it is closed there, since each section of a page stands alone"));
                closedEarly.AddRange(open.Select(o => o.Name));
                InsertBefore(container, heading, Closers(open, 0));
                open.Clear();
            }
            if (child is HtmlBlock block && block.GetData(StructureKey) is RawHtmlStructure structure)
                Rebalance(block, structure, open, closedEarly, findings);
            else if (child is ContainerBlock nested)
                Balance(nested, findings);
        }
        if (open.Count == 0) return;
        foreach (var element in open.AsEnumerable().Reverse())
            findings.Add(new SourceFinding("html-unbalanced", element.Line, 0,
                $"<{element.Name}> is never closed; it is closed at the end of the {What(container)}, so it cannot spread over the rest of the page"));
        container.Add(ClosingBlock(Closers(open, 0)));
    }

    private static void Rebalance(HtmlBlock block, RawHtmlStructure structure, List<Open> open, List<string> closedEarly, List<SourceFinding> findings)
    {
        var prefix = "";
        foreach (var stray in structure.Strays)
        {
            var line = block.Line + stray.Line - 1;
            var at = open.FindLastIndex(o => o.Name == stray.Name);
            if (at < 0)
            {
                // Already closed before a heading and reported there; or an element the sanitizer removed.
                if (closedEarly.Remove(stray.Name) || !HtmlFragmentSanitizer.IsAllowed(stray.Name)) continue;
                findings.Add(new SourceFinding("html-unbalanced", line, block.Column, $"removed </{stray.Name}>: no <{stray.Name}> is open before it"));
                continue;
            }
            for (var i = open.Count - 1; i > at; i--)
                findings.Add(new SourceFinding("html-unbalanced", open[i].Line, 0,
                    $"<{open[i].Name}> is not closed before </{stray.Name}> on line {line + 1}; it is closed there"));
            prefix += Closers(open, at);
            open.RemoveRange(at, open.Count - at);
        }

        // The sanitizer closed what the block left open; take those end tags off again so that the
        // Markdown after the block (up to the block that closes them) stays inside.
        var html = block.Lines.ToString();
        var stillOpen = structure.Unclosed.Where(t => HtmlFragmentSanitizer.IsAllowed(t.Name)).ToList();
        var reopened = new List<Open>();
        while (stillOpen.Count > 0 && open.Count + reopened.Count < MaxDepth && TrailingEndTag().Match(html) is { Success: true } end)
        {
            var name = end.Groups[1].Value;
            var at = stillOpen.FindLastIndex(t => t.Name == name);
            if (at >= 0)
            {
                // Elements whose end tag is optional (a cell, a row) stay open too, but need no closing later.
                if (!stillOpen[at].EndOptional) reopened.Insert(0, new Open(name, block.Line + stillOpen[at].Line - 1));
                stillOpen.RemoveAt(at);
            }
            else if (!RawHtmlStructure.OptionalEnd.Contains(name)) break; // not one the block left open
            html = html[..end.Index];
        }
        open.AddRange(reopened);
        block.Lines = new StringLineGroup(1) { new StringSlice(prefix + html) };
    }

    private static string Closers(List<Open> open, int from)
    {
        var closers = "";
        for (var i = open.Count - 1; i >= from; i--) closers += $"</{open[i].Name}>";
        return closers;
    }

    private static HtmlBlock ClosingBlock(string html) =>
        new(null) { Type = HtmlBlockType.NonInterruptingBlock, Lines = new StringLineGroup(1) { new StringSlice(html) } };

    private static void InsertBefore(ContainerBlock container, Block before, string html) =>
        container.Insert(container.IndexOf(before), ClosingBlock(html));

    private static string What(ContainerBlock container) => container switch
    {
        MarkdownDocument => "page",
        ListItemBlock => "list item",
        QuoteBlock => "quote",
        _ => "block",
    };
}
