using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// The extensions find nodes with <see cref="TreeWalk"/> instead of Markdig's own walk; what they change
/// and report depends on finding the same nodes in the same order, so both walks must agree.
/// </summary>
public sealed class TreeWalkTests
{
    private const string Text = """
        # Heading with *emphasis* and [a link](https://example.org) {#top}

        Paragraph with **strong _nested_ text**, `code`, <b>raw</b>, [xref](xref:values/mutuality) and [@cite-2001].

        > A quote with a list:
        > - item one with ![an image](img.png)
        > - item two with <https://example.org/auto>
        >   1. nested [link *inside*](page.html)

        | a | b |
        |---|---|
        | [cell](x.html) | <i>tag</i> |

        :::facilitator
        Notes with a [link](y.html).
        :::

        Term
        : Definition with *emphasis*.

        <div>raw block</div>

        Text with a footnote.[^1]

        [^1]: The note, with [a link](z.html).
        """;

    private static readonly MarkdownDocument Document = Markdig.Markdown.Parse(Text, MarkdownPipelines.Trainer);

    [Fact]
    public void Finds_every_node_of_a_type_in_the_order_markdigs_own_walk_does()
    {
        AssertSame(Document.Descendants<MarkdownObject>(), TreeWalk.Descendants<MarkdownObject>(Document));
        AssertSame(Document.Descendants<Inline>(), TreeWalk.Descendants<Inline>(Document));
        AssertSame(Document.Descendants<LinkInline>(), TreeWalk.Descendants<LinkInline>(Document));
        AssertSame(Document.Descendants<HtmlInline>(), TreeWalk.Descendants<HtmlInline>(Document));
        AssertSame(Document.Descendants<LeafBlock>(), TreeWalk.Descendants<LeafBlock>(Document));
        AssertSame(Document.Descendants<HeadingBlock>(), TreeWalk.Descendants<HeadingBlock>(Document));
        AssertSame(Document.Descendants<TableCell>(), TreeWalk.Descendants<TableCell>(Document));
        Assert.NotEmpty(TreeWalk.Descendants<LinkInline>(Document));
    }

    [Fact]
    public void Below_one_paragraph_finds_its_inlines_as_markdig_does()
    {
        foreach (var leaf in Document.Descendants<LeafBlock>())
            if (leaf.Inline is { } inlines)
                AssertSame(inlines.Descendants<Inline>(), TreeWalk.Descendants<Inline>(inlines));
    }

    private static void AssertSame<T>(IEnumerable<T> expected, IEnumerable<T> actual) where T : class
    {
        var want = expected.ToList();
        var got = actual.ToList();
        Assert.Equal(want.Count, got.Count);
        for (var i = 0; i < want.Count; i++) Assert.Same(want[i], got[i]);
    }
}
