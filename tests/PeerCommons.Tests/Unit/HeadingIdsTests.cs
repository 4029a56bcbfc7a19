using PeerCommons.Markdown.Extensions;
using PeerCommons.Markdown.Extensions.HeadingIds;

namespace PeerCommons.Tests.Unit;

public sealed class HeadingIdsTests
{
    [Fact]
    public void Explicit_ids_win_and_duplicates_get_numbered()
    {
        var document = Md.Parse("""
            # Title

            ## Tensions

            ## Other {#tensions}

            ## Tensions

            ## A *styled* `code` heading

            ## Tensions
            """);
        var headings = HeadingIdsExtension.Headings(document);
        Assert.Equal(["title", "tensions-2", "tensions", "tensions-3", "a-styled-code-heading", "tensions-4"], headings.Select(h => h.Id));
        Assert.Equal("Other", headings[2].Text);
        Assert.Equal([0, 2, 4, 6, 8, 10], headings.Select(h => h.Line));

        var html = Md.Html(Md.Render(document));
        Assert.Equal("Other", html.QuerySelector("#tensions")!.TextContent);
        Assert.DoesNotContain("{#", html.TextContent);
    }

    [Fact]
    public void Explicit_ids_cannot_carry_other_attributes()
    {
        var html = Md.ParseAndRender("## Hi {#ok onclick=alert(1)}\n");
        var h2 = html.QuerySelector("h2")!;
        Assert.Null(h2.GetAttribute("onclick"));
        Assert.Equal(HeadingSlug.From(h2.TextContent), h2.Id);
    }

    [Fact]
    public void A_duplicate_explicit_id_is_a_finding_on_the_second_heading()
    {
        var document = Md.Parse("## A {#x}\n\ntext\n\n## B {#x}\n");
        var finding = Assert.Single(SourceFindings.Of(document));
        Assert.Equal(("duplicate-heading-id", 4, 0), (finding.Kind, finding.Line, finding.Column));
    }
}
