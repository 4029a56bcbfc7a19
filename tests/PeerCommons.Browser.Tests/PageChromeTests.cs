using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>Issue 18's small things: the favicon loads (no 404 on every visit), the safety bar is in a landmark, the list filter can be submitted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageChromeTests(SiteFixture site)
{
    [Fact]
    public async Task The_favicon_is_an_svg_of_the_site_that_loads()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("entry-project");
        var href = await page.Page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').href");
        Assert.StartsWith(SiteFixture.Origin + "/assets/favicon.", href);
        // Fetched by the page, through the site's routing (connect-src 'self' allows it).
        var answer = await page.Page.EvaluateAsync<string>("h => fetch(h).then(r => r.status + ' ' + r.headers.get('content-type'))", href);
        Assert.Equal("200 image/svg+xml", answer);
    }

    [Theory]
    [InlineData("home")]
    [InlineData("entry-page")]
    public async Task The_safety_bar_is_a_named_landmark(string key)
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync(key);
        var landmark = await page.Page.EvaluateAsync<string>(
            "() => { const bar = document.querySelector('.safety-bar'); const l = bar.closest('aside, header, nav, main, footer, [role=region]'); return l ? l.tagName.toLowerCase() + ':' + (l.getAttribute('aria-label') || '') : ''; }");
        Assert.Equal("aside:Help and quick exit", landmark);
    }

    [Fact]
    public async Task The_list_filter_has_a_submit_button_that_applies_it()
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        await page.GotoAsync("list-projects");
        var form = page.Page.Locator("form[data-list-filter]");
        var button = form.Locator("button[type=submit]");
        Assert.True(await button.IsVisibleAsync(), "the list filter has no visible submit button");
        var all = await page.Page.Locator("main .entry-list > li:visible").CountAsync();
        var community = await form.Locator("select option").Nth(1).GetAttributeAsync("value");
        await page.Page.EvaluateAsync("v => { document.querySelector('#pc-community-filter').value = v; }", community);
        await button.ClickAsync();
        var shown = await page.Page.Locator("main .entry-list > li:visible").CountAsync();
        Assert.True(shown > 0 && shown < all, $"submitting the filter shows {shown} of {all}");
        Assert.EndsWith("/projects/index.html", page.Page.Url);
    }
}
