using System.Text.Json;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>Everything works by keyboard: skip link first, every control reachable with a visible focus indicator, no trap, quick exit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(SiteFixture site)
{
    // Records, for every element that receives focus, whether its focus style differs from its resting style.
    private const string FocusProbe = """
        () => {
          const tabbable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]')]
            .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
          const look = e => { const s = getComputedStyle(e); return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), shadow: s.boxShadow, background: s.backgroundColor }; };
          const resting = new Map(tabbable.map(e => [e, look(e)]));
          const log = [];
          Object.defineProperty(window, '__pcFocus', { value: log, configurable: true });
          document.addEventListener('focusin', ev => {
            const e = ev.target, before = resting.get(e), now = look(e);
            const outline = now.outlineStyle !== 'none' && now.outlineWidth >= 2 && !now.outline.endsWith('rgba(0, 0, 0, 0)') && (!before || now.outline !== before.outline);
            const shadow = now.shadow !== 'none' && (!before || now.shadow !== before.shadow);
            log.push({ index: tabbable.indexOf(e), html: e.outerHTML.slice(0, 120), indicator: outline || shadow });
          });
          return tabbable.map(e => e.outerHTML.slice(0, 120));
        }
        """;

    public sealed record Focused(int Index, string Html, bool Indicator);

    [Theory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Every_control_is_reachable_by_Tab_in_order_with_a_visible_focus_indicator(string key)
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync(key);
        var tabbable = await page.Page.EvaluateAsync<string[]>(FocusProbe);
        Assert.NotEmpty(tabbable);

        for (var i = 0; i <= tabbable.Length; i++) await page.Page.Keyboard.PressAsync("Tab");
        var log = await page.EvaluateAsync<Focused[]>("() => window.__pcFocus");

        var where = $"{site.Pages[key]} ({key})";
        var reached = log.Take(tabbable.Length).Select(f => f.Index).ToArray();
        var missed = Enumerable.Range(0, tabbable.Length).Except(reached).Select(i => tabbable[i]).ToList();
        Assert.True(missed.Count == 0, $"not reached by Tab on {where}:\n" + string.Join("\n", missed.Take(10)));
        Assert.True(reached.SequenceEqual(Enumerable.Range(0, tabbable.Length)), $"Tab order differs from document order on {where}: {string.Join(",", reached.Take(30))}");
        var invisible = log.Where(f => !f.Indicator).Select(f => f.Html).Distinct().ToList();
        Assert.True(invisible.Count == 0, $"no visible focus indicator on {where}:\n" + string.Join("\n", invisible.Take(10)));
        // No keyboard trap: one more Tab after the last control leaves it (focus goes back to the browser, or round to the start).
        Assert.True(log.Length == tabbable.Length || log[tabbable.Length].Index <= 0, $"focus stuck after the last control on {where}");
    }

    [Theory]
    [InlineData("home", "desktop")]
    [InlineData("entry-project", "phone")]
    [InlineData("module-trainer", "desktop")]
    public async Task First_Tab_focuses_the_visible_skip_link_which_moves_focus_to_main(string key, string size)
    {
        await using var page = await site.OpenAsync(size == "phone" ? SiteFixture.Phone : SiteFixture.Desktop);
        await page.GotoAsync(key);
        await page.Page.Keyboard.PressAsync("Tab");

        var focused = await page.Page.EvaluateAsync<JsonElement>("""
            () => { const e = document.activeElement, r = e.getBoundingClientRect();
                    return { cls: e.className, href: e.getAttribute('href') || '', text: e.textContent.trim(),
                             visible: r.width > 10 && r.height > 10 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && getComputedStyle(e).visibility === 'visible' }; }
            """);
        Assert.Equal("skip-link", focused.GetProperty("cls").GetString());
        Assert.Equal("#main", focused.GetProperty("href").GetString());
        Assert.True(focused.GetProperty("visible").GetBoolean(), "the focused skip link is not visible in the viewport");
        var box = await page.Page.Locator(".skip-link").BoundingBoxAsync();
        Assert.NotNull(box);

        await page.Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Quick_exit_works_by_keyboard_focus_and_Enter_replacing_the_page()
    {
        await using var page = await site.OpenAsync();
        var historyBefore = await VisitTwoPagesAsync(page);

        string? focused = null;
        for (var i = 0; i < 6 && focused != "quick-exit"; i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
            focused = await page.Page.EvaluateAsync<string>("() => document.activeElement.id");
        }
        Assert.Equal("quick-exit", focused);
        Assert.True(await page.Page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.boxShadow !== 'none' || s.outlineStyle !== 'none'; }"),
            "the focused quick-exit control shows no focus indicator");

        await ExpectExitAsync(page, historyBefore, () => page.Page.Keyboard.PressAsync("Enter"));
    }

    [Fact]
    public async Task Quick_exit_by_click_replaces_the_page()
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        var historyBefore = await VisitTwoPagesAsync(page);
        await ExpectExitAsync(page, historyBefore, () => page.Page.Locator("[data-quick-exit]").ClickAsync());
    }

    [Theory]
    [InlineData("body")]
    [InlineData(".site-nav a")]
    public async Task Escape_three_times_anywhere_on_the_page_exits(string focusWhere)
    {
        await using var page = await site.OpenAsync();
        var historyBefore = await VisitTwoPagesAsync(page);
        if (focusWhere != "body") await page.Page.Locator(focusWhere).First.FocusAsync();

        await ExpectExitAsync(page, historyBefore, async () =>
        {
            for (var i = 0; i < 3; i++) await page.Page.Keyboard.PressAsync("Escape");
        });
    }

    [Fact]
    public async Task Escape_presses_spread_over_more_than_two_seconds_do_not_exit()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("entry-project");
        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.WaitForTimeoutAsync(2300);
        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.WaitForTimeoutAsync(500);

        Assert.Empty(page.Blocked);
        Assert.StartsWith(SiteFixture.Origin, page.Page.Url);
        Assert.True(await page.Page.Locator("main h1").IsVisibleAsync());
    }

    [Fact]
    public async Task The_history_check_tells_replace_from_assign()
    {
        // Guards the quick-exit tests: with the exit host aborted, a plain assign would add a history entry.
        await using var page = await site.OpenAsync();
        var before = await VisitTwoPagesAsync(page);
        var request = page.Page.WaitForRequestAsync(r => r.Url.StartsWith(site.QuickExitUrl, StringComparison.Ordinal));
        await page.Page.EvaluateAsync("url => { setTimeout(() => location.assign(url), 0); }", site.QuickExitUrl);
        await request;
        await page.Page.WaitForTimeoutAsync(400);
        Assert.Equal(before + 1, await SettledHistoryLengthAsync(page));
    }

    private async Task<int> VisitTwoPagesAsync(SitePage page)
    {
        await page.GotoAsync("home");
        await page.GotoAsync("entry-project");
        return await HistoryLengthAsync(page);
    }

    private static Task<int> HistoryLengthAsync(SitePage page) => page.Page.EvaluateAsync<int>("() => history.length");

    private async Task ExpectExitAsync(SitePage page, int historyBefore, Func<Task> act)
    {
        var exitHost = new Uri(site.QuickExitUrl).Host;
        var request = page.Page.WaitForRequestAsync(r => Uri.TryCreate(r.Url, UriKind.Absolute, out var u) && u.Host == exitHost,
            new PageWaitForRequestOptions { Timeout = 5000 });
        await act();
        var sent = await request;
        Assert.True(sent.IsNavigationRequest, "the quick exit should navigate the page to the neutral site");
        Assert.Equal(site.QuickExitUrl, sent.Url);
        await page.Page.WaitForTimeoutAsync(400);
        Assert.Contains(page.Blocked, u => u.StartsWith(site.QuickExitUrl, StringComparison.Ordinal));
        // location.replace: the exited page is not kept in the history, so Back cannot return to it.
        Assert.Equal(historyBefore, await SettledHistoryLengthAsync(page));
        Assert.DoesNotContain("peercommons.test", page.Page.Url);
    }

    /// <summary>
    /// The history length once the blocked navigation has settled: Chromium may still be swapping in
    /// its error page, which destroys the context an evaluation runs in; then it is asked again.
    /// </summary>
    private static async Task<int> SettledHistoryLengthAsync(SitePage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await page.Page.WaitForLoadStateAsync(LoadState.Load);
                return await HistoryLengthAsync(page);
            }
            catch (PlaywrightException e) when (attempt < 10 && e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal))
            {
                await page.Page.WaitForTimeoutAsync(200);
            }
        }
    }
}
