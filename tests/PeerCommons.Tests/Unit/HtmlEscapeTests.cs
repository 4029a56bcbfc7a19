using PeerCommons.Render;

namespace PeerCommons.Tests.Unit;

/// <summary>Text placed in a page (titles, summaries, links) shows as written and can never become markup.</summary>
public sealed class HtmlEscapeTests
{
    [Theory]
    [InlineData("Peer support & you", "Peer support &amp; you")]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    [InlineData("\"Nothing about us\"", "&quot;Nothing about us&quot;")]
    [InlineData("&&", "&amp;&amp;")]
    [InlineData("Café Ünity & Ōtautahi's", "Café Ünity &amp; Ōtautahi&#39;s")]
    public void Markup_characters_are_escaped_and_everything_else_kept(string text, string escaped) =>
        Assert.Equal(escaped, Html.Escape(text));

    [Fact]
    public void Text_without_markup_characters_is_given_back_as_it_is()
    {
        const string text = "Hearing Voices Network, 1988";
        Assert.Same(text, Html.Escape(text));
        Assert.Equal("", Html.Escape(null));
    }
}
