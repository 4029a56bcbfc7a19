using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Brackets;

/// <summary>
/// A '[' that opens no link stays in Markdig's tree as a delimiter holding everything after it on
/// the line, so 129 of them nest deeper than Markdig's renderer allows and rendering throws.
/// Each such delimiter is replaced by its text, with what it held placed after it: the page reads
/// the same and the tree is flat. Runs first, so no later step walks the deep tree.
/// </summary>
public sealed class UnmatchedBracketsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Flatten;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private static void Flatten(MarkdownDocument document)
    {
        foreach (var leaf in TreeWalk.Descendants<LeafBlock>(document))
            if (leaf.Inline is { } inlines) Flatten(inlines);
    }

    /// <summary>Without recursion: each inline is moved up at most once, so this is linear in the line's length.</summary>
    private static void Flatten(ContainerInline root)
    {
        var pending = new Stack<ContainerInline>();
        pending.Push(root);
        while (pending.TryPop(out var container))
        {
            for (var child = container.FirstChild; child is not null;)
            {
                if (child is DelimiterInline delimiter)
                {
                    var literal = new LiteralInline(delimiter.ToLiteral()) { Line = delimiter.Line, Column = delimiter.Column, Span = delimiter.Span };
                    delimiter.InsertBefore(literal);
                    Inline last = literal;
                    while (delimiter.FirstChild is { } held)
                    {
                        held.Remove();
                        last.InsertAfter(held);
                        last = held;
                    }
                    delimiter.Remove();
                    child = literal.NextSibling; // what it held is visited at this level now
                    continue;
                }
                if (child is ContainerInline nested) pending.Push(nested);
                child = child.NextSibling;
            }
        }
    }
}

public static class UnmatchedBracketsPipelineExtensions
{
    /// <summary>Brackets that open no link become plain text, however many there are.</summary>
    public static MarkdownPipelineBuilder UseFlatUnmatchedBrackets(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<UnmatchedBracketsExtension>();
        return pipeline;
    }
}
