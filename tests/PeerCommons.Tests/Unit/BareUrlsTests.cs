namespace PeerCommons.Tests.Unit;

/// <summary>Bare addresses in text become links a reader can follow; other text stays as written.</summary>
public sealed class BareUrlsTests
{
    [Theory]
    [InlineData("See https://example.org/guide for more.", "https://example.org/guide", "https://example.org/guide")]
    [InlineData("Old site: http://example.org/a, still up.", "http://example.org/a", "http://example.org/a")]
    [InlineData("Read it at https://example.org/list in full.", "https://example.org/list", "https://example.org/list")]
    [InlineData("Visit www.example.org today.", "http://www.example.org", "www.example.org")]
    [InlineData("Write to mailto:help@example.org please.", "mailto:help@example.org", "help@example.org")]
    [InlineData("Call tel:116123 any time.", "tel:116123", "116123")]
    [InlineData("(https://example.org/x)", "https://example.org/x", "https://example.org/x")]
    public void A_bare_address_becomes_a_link_showing_the_address(string markdown, string href, string shown)
    {
        var body = Md.ParseAndRender(markdown);
        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(shown, link.TextContent);
        // The text around the address is kept, in order.
        Assert.Equal(markdown.Replace("mailto:", "").Replace("tel:", ""), body.TextContent.Trim());
    }

    [Theory]
    [InlineData("Ratio 3:1 at the meeting, then the www group.")]
    [InlineData("Note: peer support is mutual.")]
    [InlineData("The whole text has no address at all, only words, hh and ww.")]
    [InlineData("A colon after a word is no scheme: https:// alone has no host.")]
    public void Text_without_an_address_gets_no_link(string markdown)
    {
        var body = Md.ParseAndRender(markdown);
        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal(markdown, body.TextContent.Trim());
    }

    [Fact]
    public void Several_addresses_in_one_text_each_become_a_link()
    {
        var body = Md.ParseAndRender("First www.example.org/a then https://example.org/b and tel:999 end.");
        Assert.Equal(["http://www.example.org/a", "https://example.org/b", "tel:999"], body.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("First www.example.org/a then https://example.org/b and 999 end.", body.TextContent.Trim());
    }
}
