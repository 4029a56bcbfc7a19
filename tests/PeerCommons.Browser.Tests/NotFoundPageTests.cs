using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 18: the host serves 404.html at whatever address was missing. It must bring its styles, its
/// scripts, a working help link and quick exit at the host's root, under a sub-path (GitHub Pages at
/// /peercommons/) at any depth, and opened from disk.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotFoundPageTests(SiteFixture site)
{
    private sealed record Loaded(bool Styled, bool Scripted, string Help, string Home, string Exit);

    // Styled: site.css sets the quick exit's background; scripted: site.js adds its status region.
    private const string Read = """
        () => ({
          styled: getComputedStyle(document.querySelector('.quick-exit')).backgroundColor !== 'rgba(0, 0, 0, 0)',
          scripted: !!document.querySelector('body > p.visually-hidden[role=status]'),
          help: document.querySelector('.help-link').href,
          home: document.querySelector('a.site-title').href,
          exit: document.querySelector('[data-quick-exit]').href,
        })
        """;

    [Theory]
    [InlineData(null, "no-such-page")]
    [InlineData(null, "projects/no-such-project/")]
    [InlineData("/peercommons/", "no-such-page")]
    [InlineData("/peercommons/", "projects/no-such-project/")]
    [InlineData("/peercommons/", "curricula/a/trainer/b/c/")]
    public async Task The_404_page_loads_its_styles_scripts_and_links_at_any_depth(string? subPath, string missing)
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone, subPath: subPath);
        var root = SiteFixture.Origin + (subPath ?? "/");
        var response = await page.Page.GotoAsync(root + missing);
        Assert.Equal(404, response!.Status);
        await page.Page.WaitForFunctionAsync("() => window.PeerCommonsRoot && document.querySelector('body > p.visually-hidden[role=status]')",
            null, new PageWaitForFunctionOptions { Timeout = 10000 });
        var loaded = await page.EvaluateAsync<Loaded>(Read);
        Assert.True(loaded.Styled, "site.css did not load");
        Assert.True(loaded.Scripted, "site.js did not run");
        Assert.Equal(root + "pages/help/index.html", loaded.Help);
        Assert.Equal(root + "index.html", loaded.Home);
        Assert.Equal(site.QuickExitUrl, loaded.Exit);
        Assert.Empty(await page.CspViolationsAsync());

        // The help link leads to the help page, and no request left the host.
        var help = await page.Page.GotoAsync(loaded.Help);
        Assert.Equal(200, help!.Status);
        Assert.DoesNotContain(page.ForeignRequests, u => u != site.QuickExitUrl);
    }

    [Fact]
    public async Task The_404_page_has_no_base_element_and_works_from_disk()
    {
        var html = File.ReadAllText(Path.Combine(site.SiteDirectory, "404.html"));
        Assert.DoesNotContain("<base", html);
        // Its own context: the fixture's routing answers only the site's https origin.
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = SiteFixture.Phone });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(site.SiteDirectory, "404.html")).AbsoluteUri);
            await page.WaitForFunctionAsync("() => document.querySelector('body > p.visually-hidden[role=status]')");
            var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(Read);
            Assert.True(json.GetProperty("styled").GetBoolean(), "site.css did not load from disk");
            Assert.Equal(new Uri(Path.Combine(site.SiteDirectory, "pages", "help", "index.html")).AbsoluteUri, json.GetProperty("help").GetString());
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
