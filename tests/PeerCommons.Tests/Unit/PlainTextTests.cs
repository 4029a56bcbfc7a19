using PeerCommons.Render;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// The plain text search indexes and shows in excerpts (Render/PlainText): what a citation, inline code
/// or an xref to an unknown key leaves out must not leave a stray space before punctuation, nor join
/// the words on either side of it.
/// </summary>
public sealed class PlainTextTests
{
    private static string Text(string markdown) =>
        PlainText.Of(Md.Parse(markdown), PlainText.SearchBodyChars, key => key == "values/mutuality" ? "Mutuality" : null);

    [Theory]
    [InlineData("As shown [@smith-2010].", "As shown.")]
    [InlineData("As shown [@smith-2010, p. 3]; and again [@jones-2015]!", "As shown; and again!")]
    [InlineData("Peers (as shown [@smith-2010]) agree.", "Peers (as shown) agree.")]
    [InlineData("Read [](xref:values/nowhere).", "Read.")]
    [InlineData("Run `peercommons check`, then build.", "Run, then build.")]
    public void Punctuation_after_a_left_out_marker_follows_the_word_before_it(string markdown, string expected) =>
        Assert.Equal(expected + "\n", Text(markdown));

    [Theory]
    [InlineData("Paid roles [@smith-2010] strain it.", "Paid roles strain it.")]
    [InlineData("shown[@smith-2010]next", "shown next")]
    [InlineData("Use the `help` page.", "Use the page.")]
    [InlineData("[@smith-2010] Peers agree", "Peers agree")]
    [InlineData("Peers agree [@smith-2010]", "Peers agree")]
    public void Words_around_a_left_out_marker_stay_apart_by_one_space(string markdown, string expected) =>
        Assert.Equal(expected + "\n", Text(markdown));

    [Theory]
    [InlineData("See [](xref:values/mutuality).", "See Mutuality.")]
    [InlineData("Peers &amp; allies, caf&eacute; talks.", "Peers & allies, café talks.")]
    [InlineData("Wait , then go .", "Wait , then go .")]
    [InlineData("## Using the `help` page {#help}", "Using the help page")]
    public void Text_the_reader_sees_is_kept_as_written(string markdown, string expected) =>
        Assert.Equal(expected + "\n", Text(markdown));
}
