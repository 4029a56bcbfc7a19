using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 18: someone in crisis who searches for help, or lands on a missing page, is shown the help link
/// first, without having to look through results.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrisisHelpTests(SiteFixture site)
{
    private async Task SearchAsync(SitePage page, string query)
    {
        await page.Page.GotoAsync(site.Url("search/index.html?q=" + Uri.EscapeDataString(query)));
        await page.Page.WaitForFunctionAsync("() => { const s = document.querySelector('[data-search-status]'); return s && s.textContent && !s.textContent.startsWith('Searching'); }",
            null, new PageWaitForFunctionOptions { Timeout = 15000 });
    }

    [Theory]
    [InlineData("suicide")]
    [InlineData("suicidal thoughts")]
    [InlineData("Samaritans")]
    [InlineData("self-harm")]
    [InlineData("I want to kill myself")]
    public async Task A_search_for_a_crisis_word_shows_the_help_link_above_the_results(string query)
    {
        await using var page = await site.OpenAsync(SiteFixture.NarrowPhone);
        await SearchAsync(page, query);
        var help = page.Page.Locator("[data-search-help]");
        Assert.True(await help.IsVisibleAsync(), $"no help link shown for “{query}”");
        var link = help.Locator("a");
        Assert.EndsWith("/pages/help/index.html", await link.EvaluateAsync<string>("a => a.href"));
        // Above the results, and on the first screen of a phone.
        var box = await help.BoundingBoxAsync();
        Assert.True(box!.Y + box.Height < SiteFixture.NarrowPhone.Height, $"the help link is below the first screen (y={box.Y})");
        var firstResult = page.Page.Locator(".search-result").First;
        if (await firstResult.CountAsync() > 0)
            Assert.True(box.Y < (await firstResult.BoundingBoxAsync())!.Y, "the help link is not above the results");
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task An_ordinary_search_does_not_show_the_help_box_and_one_with_no_results_does()
    {
        await using var page = await site.OpenAsync();
        await SearchAsync(page, "peer support");
        Assert.True(await page.Page.Locator(".search-result").CountAsync() > 0);
        Assert.False(await page.Page.Locator("[data-search-help]").IsVisibleAsync(), "the crisis help box shows for an ordinary search");

        await SearchAsync(page, "zqxjvw");
        Assert.StartsWith("No results", await page.Page.TextContentAsync("[data-search-status]"));
        Assert.True(await page.Page.Locator("[data-search-help] a").IsVisibleAsync(), "a search with no results does not offer the help link");
    }

    [Fact]
    public async Task The_404_page_offers_the_help_link()
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        var response = await page.Page.GotoAsync(site.Url("no/such/page/"));
        Assert.Equal(404, response!.Status);
        var help = page.Page.Locator("main a", new() { HasTextString = "Need help now?" });
        Assert.True(await help.First.IsVisibleAsync());
        Assert.EndsWith("/pages/help/index.html", await help.First.EvaluateAsync<string>("a => a.href"));
    }
}
