using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 18 on a phone: no page of any template scrolls sideways at 320 px (WCAG 1.4.10), the navigation
/// collapses into a menu that needs no script, the breadcrumb keeps to one line, and copy-link controls
/// appear only where people link, large enough to tap (WCAG 2.5.8).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(SiteFixture site)
{
    private const string Widths = """
        () => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length && !e.closest('.visually-hidden'))
            .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}`);
          return { scrollWidth: document.documentElement.scrollWidth, wide };
        }
        """;

    private sealed record Width(int ScrollWidth, string[] Wide);

    [Theory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task No_page_of_any_template_is_wider_than_a_320px_viewport(string key)
    {
        await using var page = await site.OpenAsync(SiteFixture.NarrowPhone);
        await page.GotoAsync(key);
        await AssertFitsAsync(page, key);
    }

    [Fact]
    public async Task The_redirect_page_is_not_wider_than_a_320px_viewport()
    {
        using var renamed = AliasedSite.Build(site);
        await using var page = await site.OpenAsync(SiteFixture.NarrowPhone);
        // The page itself, as written, but without its immediate refresh, so that it stays to be measured.
        var html = File.ReadAllText(Path.Combine(renamed.Output, AliasedSite.OldModule, "index.html"));
        var still = System.Text.RegularExpressions.Regex.Replace(html, "<meta http-equiv=\"refresh\"[^>]*>", "");
        Assert.NotEqual(html, still);
        await page.Page.RouteAsync("**/" + AliasedSite.OldModule + "index.html", route => route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = still }));
        await page.Page.GotoAsync(site.Url($"{renamed.Folder}/{AliasedSite.OldModule}index.html"));
        Assert.Contains("template-redirect", await page.Page.GetAttributeAsync("body", "class"));
        await AssertFitsAsync(page, "redirect");
    }

    private static async Task AssertFitsAsync(SitePage page, string key)
    {
        var width = await page.EvaluateAsync<Width>(Widths);
        Assert.True(width.ScrollWidth <= 320, $"{key} is {width.ScrollWidth} px wide at a 320-px viewport: {string.Join("; ", width.Wide)}");
    }

    [Fact]
    public async Task On_a_phone_the_navigation_is_a_menu_that_opens_by_keyboard_without_script()
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone, javaScript: false);
        await page.GotoAsync("entry-project");
        var firstLink = page.Page.Locator(".site-nav a").First;
        Assert.False(await firstLink.IsVisibleAsync(), "the navigation is not collapsed on a phone");
        var header = await page.Page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 150, $"the header is {header.Height} px tall on a phone");

        await page.Page.Locator(".site-menu > summary").FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.True(await firstLink.IsVisibleAsync(), "Enter on the menu button does not show the navigation");
        Assert.Equal("true", await page.Page.EvaluateAsync<string>("() => String(document.querySelector('.site-menu').open)"));
        // A screen reader meets it as a named navigation landmark inside an expandable control.
        Assert.Equal(1, await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).CountAsync());
    }

    [Fact]
    public async Task On_a_desktop_the_navigation_is_shown_without_a_menu_button()
    {
        foreach (var javaScript in new[] { true, false })
        {
            await using var page = await site.OpenAsync(SiteFixture.Desktop, javaScript: javaScript);
            await page.GotoAsync("entry-project");
            Assert.True(await page.Page.Locator(".site-nav a").Last.IsVisibleAsync(), $"navigation hidden on a desktop (script {javaScript})");
            Assert.False(await page.Page.Locator(".site-menu > summary").IsVisibleAsync());
        }
    }

    [Fact]
    public async Task The_breadcrumb_of_a_module_takes_one_line_on_a_phone()
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        await page.GotoAsync("module-trainer");
        var crumbs = page.Page.Locator(".breadcrumbs li");
        Assert.True(await crumbs.CountAsync() >= 3);
        var tops = await page.Page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.breadcrumbs li')].map(li => li.getBoundingClientRect().top)");
        Assert.True(tops.Max() - tops.Min() < 1, "the breadcrumb wraps onto more than one line: " + string.Join(", ", tops));
        var text = await page.Page.Locator(".breadcrumbs ol").InnerTextAsync();
        Assert.DoesNotContain("/", text);
        var title = await page.Page.Locator("main h1").BoundingBoxAsync();
        Assert.True(title!.Y < 300, $"the module title starts at y={title.Y} on a phone");
    }

    [Theory]
    [InlineData("module-learner", true)]
    [InlineData("curriculum", true)]
    [InlineData("entry-value", true)]
    [InlineData("entry-page", false)]
    [InlineData("entry-project", false)]
    public async Task Copy_link_controls_appear_only_where_people_link_and_are_at_least_24px(string key, bool expected)
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        await page.GotoAsync(key);
        var sizes = await page.Page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('button.copy-link')].map(b => { const r = b.getBoundingClientRect(); return [r.width, r.height]; })");
        if (!expected)
        {
            Assert.Empty(sizes);
            return;
        }
        Assert.NotEmpty(sizes);
        Assert.All(sizes, s => Assert.True(s[0] >= 24 && s[1] >= 24, $"a copy-link button is {s[0]} x {s[1]} px"));
    }
}
