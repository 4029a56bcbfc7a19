using System.Collections.Concurrent;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Privacy: no request leaves the site, nothing is stored. Security: every page keeps to the
/// Content-Security-Policy that netlify.toml sends, and runs without script errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyAndSecurityTests(SiteFixture site)
{
    [Theory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Loading_and_using_a_page_stays_on_the_site_and_stores_nothing(string key)
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        var missing = new ConcurrentQueue<string>();
        page.Context.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/404.html")) missing.Enqueue($"{r.Status} {r.Url}"); };
        await page.GotoAsync(key);

        // Use it: move through it by keyboard, follow an in-page link, press Escape once, print, switch view.
        for (var i = 0; i < 8; i++) await page.Page.Keyboard.PressAsync("Tab");
        var inPage = page.Page.Locator("main a[href^='#']");
        if (await inPage.CountAsync() > 0) await inPage.First.ClickAsync();
        await page.Page.Keyboard.PressAsync("Escape");
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var viewSwitch = page.Page.Locator("a[data-view-switch]");
        if (await viewSwitch.CountAsync() > 0)
        {
            await viewSwitch.First.ClickAsync();
            await page.Page.WaitForLoadStateAsync(LoadState.Load);
        }
        await page.Page.Mouse.WheelAsync(0, 2000);
        await page.Page.WaitForTimeoutAsync(200);

        var where = $"{site.Pages[key]} ({key})";
        Assert.True(!page.ForeignRequests.Any(), $"requests to other hosts from {where}:\n" + string.Join("\n", page.ForeignRequests));
        Assert.True(missing.Count == 0, $"missing files asked for by {where}:\n" + string.Join("\n", missing));
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
        Assert.Equal("", await page.Page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Contains(page.Requests, u => u.StartsWith(SiteFixture.Origin + "/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task A_page_keeps_to_the_netlify_Content_Security_Policy_and_has_no_script_errors(string key)
    {
        await using var page = await site.OpenAsync();
        var response = await page.GotoAsync(key);
        Assert.Equal(site.Headers.ContentSecurityPolicy, await response.HeaderValueAsync("content-security-policy"));
        // Let deferred script run, and anything late (print styles, lazy work) report.
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.Page.WaitForTimeoutAsync(150);

        var where = $"{site.Pages[key]} ({key})";
        var violations = await page.CspViolationsAsync();
        Assert.True(violations.Length == 0, $"CSP violations on {where}:\n" + string.Join("\n", violations));
        Assert.True(page.CspConsole.IsEmpty, $"CSP errors in the console of {where}:\n" + string.Join("\n", page.CspConsole));
        var errors = (await page.ScriptErrorsAsync()).Concat(page.PageErrors).ToList();
        Assert.True(errors.Count == 0, $"script errors on {where}:\n" + string.Join("\n", errors));
        Assert.True(page.ConsoleErrors.IsEmpty, $"console errors on {where}:\n" + string.Join("\n", page.ConsoleErrors));
        // What the policy forbids is also absent from the markup: inline script, event handler attributes, style attributes.
        var inline = await page.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('*')].flatMap(e =>
              [...e.attributes].filter(a => a.name.startsWith('on') || a.name === 'style').map(a => `${e.tagName.toLowerCase()} ${a.name}`)
              .concat(e.tagName === 'SCRIPT' && !e.src && e.type !== 'application/ld+json' ? ['inline script'] : []))
            """);
        Assert.True(inline.Length == 0, $"inline script or style on {where}: {string.Join(", ", inline.Distinct())}");
    }

    [Fact]
    public async Task The_CSP_check_catches_inline_script_style_attributes_and_event_handlers()
    {
        // Proves the detector works, so a zero above means something: a page that breaks the policy three ways.
        var probe = Path.Combine(site.SiteDirectory, "csp-probe.html");
        await File.WriteAllTextAsync(probe, """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>probe</title>
            <script>document.title = 'inline ran';</script></head>
            <body><p style="color: red">styled</p><img src="x.png" alt="" onerror="document.title = 'handler ran'"></body></html>
            """);
        try
        {
            await using var page = await site.OpenAsync();
            await page.GotoAsync("csp-probe.html");
            await page.Page.WaitForTimeoutAsync(300);
            var violations = await page.CspViolationsAsync();
            Assert.Equal("probe", await page.Page.TitleAsync());
            Assert.Contains(violations, v => v.StartsWith("script-src-elem", StringComparison.Ordinal) || v.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("style-src-attr", StringComparison.Ordinal) || v.StartsWith("style-src ", StringComparison.Ordinal));
            Assert.Contains(violations, v => v.StartsWith("script-src-attr", StringComparison.Ordinal) || v.StartsWith("script-src ", StringComparison.Ordinal));
        }
        finally { File.Delete(probe); }
    }

    [Fact]
    public async Task The_routing_records_and_blocks_requests_to_other_hosts()
    {
        // Proves the privacy check works: a request to another host is recorded and never leaves the test.
        await using var page = await site.OpenAsync();
        await page.GotoAsync("home");
        await Assert.ThrowsAnyAsync<PlaywrightException>(() => page.Page.GotoAsync("https://example.org/elsewhere"));
        Assert.Contains("https://example.org/elsewhere", page.Blocked);
        Assert.Contains("https://example.org/elsewhere", page.ForeignRequests);
    }
}
