using PeerCommons.Markdown;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// A document parsed by the build keeps its citations and xrefs from parsing; what pages report and
/// list from them is what a walk of the whole document finds, in the same order, on every call.
/// </summary>
public sealed class DocumentIndexTests
{
    private const string Text = """
        Intro cites [@known-2010] and [@missing-1999; @known-2010, p. 4].

        - A list with [a dead link](xref:values/nowhere) and [@other-2001].

        <div class="note"><a href="xref:values/gone">raw</a></div>

        | table | cell |
        |---|---|
        | [](xref:values/lost) | <a href="xref:values/absent">inline</a> [@missing-1999] |
        """;

    private static readonly TestLinks Links = new(
        xref: (_, _) => (null, XrefProblem.UnknownKey),
        citation: key => key.StartsWith("missing", StringComparison.Ordinal) ? null : (key, "#" + key));

    [Fact]
    public void Findings_and_cited_works_of_a_parsed_document_are_those_of_a_fresh_walk()
    {
        var kept = MarkdownPipelines.Parse(Text, MarkdownPipelines.Learner);
        var walked = Markdig.Markdown.Parse(Text, MarkdownPipelines.Learner); // no index kept: found on each call

        Assert.Equal(["known-2010", "other-2001"], CitationsExtension.Cited(kept, Links));
        Assert.Equal(CitationsExtension.Cited(walked, Links), CitationsExtension.Cited(kept, Links));
        Assert.Equal(
            CitationsExtension.Findings(walked, Links).Select(f => (f.Line, f.Column, f.Message)),
            CitationsExtension.Findings(kept, Links).Select(f => (f.Line, f.Column, f.Message)));
        Assert.Equal(2, CitationsExtension.Findings(kept, Links).Count);

        var xrefs = XrefsExtension.Findings(kept, Links);
        Assert.Equal(["values/nowhere", "values/lost", "values/absent", "values/gone"], xrefs.Select(f => f.Subject));
        Assert.Equal(
            XrefsExtension.Findings(walked, Links).Select(f => (f.Line, f.Column, f.Message)),
            xrefs.Select(f => (f.Line, f.Column, f.Message)));
        // Asked again (another page), the same.
        Assert.Equal(xrefs.Select(f => f.Message), XrefsExtension.Findings(kept, Links).Select(f => f.Message));
    }
}
