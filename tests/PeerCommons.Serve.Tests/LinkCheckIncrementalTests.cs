namespace PeerCommons.Serve.Tests;

/// <summary>
/// serve checks internal links after every edit as build does: a body edit that adds a link to a
/// page the site does not have is reported (and not served), and mending it clears the error. When no
/// file comes or goes only the re-rendered pages are checked again, so this is the edit where that
/// shortcut must still see the new link.
/// </summary>
public sealed class LinkCheckIncrementalTests
{
    [Fact]
    public void A_link_to_a_missing_page_added_in_a_body_is_reported_and_cleared_when_mended()
    {
        using var site = new EditedSite();
        var value = site.File("values/mutuality.md");
        site.EditWithNewError(value, t => t + "\nSee [the old page](../no-such-value/index.html).\n");
        Assert.Contains(site.Engine.Diagnostics, d => d.Path.EndsWith("mutuality.md", StringComparison.Ordinal) && d.Message.Contains("no-such-value"));
        site.Edit(value, t => t.Replace("\nSee [the old page](../no-such-value/index.html).\n", ""));
        Assert.DoesNotContain(site.Engine.Diagnostics, d => d.Message.Contains("no-such-value"));
        // The same link again, once the served site has been checked with the shortcut.
        site.Edit(value, t => t + "\nAnother paragraph.\n");
        site.EditWithNewError(value, t => t + "\nSee [the old page](../no-such-value/index.html).\n");
        Assert.Contains(site.Engine.Diagnostics, d => d.Message.Contains("no-such-value"));
    }
}
