using PeerCommons.Markdown.Extensions;

namespace PeerCommons.Tests.Unit;

public sealed class FacilitatorTests
{
    private const string Module = """
        Intro for everyone.

        :::facilitator
        SECRET note: **watch the time**.
        :::

        After the note.
        """;

    [Fact]
    public void Learner_html_has_no_note_text()
    {
        var html = Md.ParseAndRender(Module);
        Assert.DoesNotContain("SECRET", html.InnerHtml);
        Assert.DoesNotContain("watch the time", html.InnerHtml);
        Assert.Empty(html.QuerySelectorAll("aside"));
        Assert.Contains("After the note.", html.TextContent);
    }

    [Fact]
    public void Trainer_html_has_the_note_in_an_aside()
    {
        var html = Md.ParseAndRender(Module, trainer: true);
        var aside = Assert.Single(html.QuerySelectorAll("aside.facilitator"));
        Assert.Contains("SECRET note", aside.TextContent);
        Assert.Equal("watch the time", aside.QuerySelector("strong")!.TextContent);
        Assert.True(FacilitatorExtensionHasNotes(Module));
    }

    private static bool FacilitatorExtensionHasNotes(string text) =>
        PeerCommons.Markdown.Extensions.Facilitator.FacilitatorExtension.HasNotes(Md.Parse(text));

    [Fact]
    public void Unknown_containers_are_reported_and_shown_as_plain_content()
    {
        var document = Md.Parse("a\n\n:::warning\nCareful.\n:::\n");
        var finding = Assert.Single(SourceFindings.Of(document));
        Assert.Equal(("unknown-container", 2, 0), (finding.Kind, finding.Line, finding.Column));
        Assert.Contains("Careful.", Md.Html(Md.Render(document)).TextContent);
    }
}
