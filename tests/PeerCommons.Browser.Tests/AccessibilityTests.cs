using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any page template, in both colour schemes, on a phone and a desktop.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(SiteFixture site, ITestOutputHelper output)
{
    private static readonly (string Scheme, ColorScheme Value)[] Schemes = [("light", ColorScheme.Light), ("dark", ColorScheme.Dark)];
    private static readonly (string Size, ViewportSize Value)[] Sizes = [("phone", SiteFixture.Phone), ("desktop", SiteFixture.Desktop)];

    /// <summary>One page load per template; axe runs four times on it, once per colour scheme and viewport.</summary>
    [Theory]
    [MemberData(nameof(SitePages.All), MemberType = typeof(SitePages))]
    public async Task Axe_reports_no_WCAG_A_or_AA_violations_in_light_and_dark_on_phone_and_desktop(string key)
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        await page.GotoAsync(key);
        var failures = new List<string>();
        var runs = 0;
        foreach (var (size, viewport) in Sizes)
        {
            await page.Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var (scheme, colors) in Schemes)
            {
                await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = colors });
                var dark = await page.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches");
                Assert.Equal(scheme == "dark", dark);
                var clock = Stopwatch.StartNew();
                var result = await Axe.RunAsync(page.Page);
                output.WriteLine($"{key} {scheme} {size}: axe {result.Version} {clock.ElapsedMilliseconds} ms, {result.Violations.Length} violation(s), {result.Passes} rules passed");
                // axe must have looked at something: a run in which no rule applied proves nothing.
                Assert.True(result.Passes > 10, $"axe checked almost nothing on {key}: {result.Passes} rules passed");
                runs++;
                if (result.Violations.Length > 0) failures.Add(Describe(result, $"{site.Pages[key]} ({key}, {scheme}, {size})"));
            }
        }
        Assert.Equal(4, runs);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    /// <summary>A site's own footer (tests/PeerCommons.Browser.Tests/fixtures/own-theme) over the bundled theme keeps the pages accessible.</summary>
    [Theory]
    [InlineData("home")]
    [InlineData("entry-project")]
    [InlineData("list-values")]
    public async Task Axe_reports_no_violations_on_a_site_with_its_own_footer(string key)
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        await page.GotoAsync(SiteFixture.OwnThemePrefix + site.Pages[key]);
        Assert.Contains("kept by the Riverside peer support group", await page.Page.InnerTextAsync("footer.site-footer"));
        foreach (var (_, viewport) in Sizes)
        {
            await page.Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var (scheme, colors) in Schemes)
            {
                await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = colors });
                var result = await Axe.RunAsync(page.Page);
                Assert.True(result.Passes > 10, $"axe checked almost nothing on {key}");
                Assert.True(result.Violations.Length == 0, Describe(result, $"{SiteFixture.OwnThemePrefix}{site.Pages[key]} ({key}, {scheme}, {viewport.Width}px)"));
            }
        }
        Assert.Empty(page.Blocked);
    }

    [Fact]
    public async Task The_axe_check_finds_violations_when_there_are_some()
    {
        var probe = Path.Combine(site.SiteDirectory, "axe-probe.html");
        await File.WriteAllTextAsync(probe, """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title><link rel="stylesheet" href="axe-probe.css"></head>
            <body><main><p class="faint">faint text</p><img src="x.png"><a href="#"></a></main></body></html>
            """);
        await File.WriteAllTextAsync(Path.ChangeExtension(probe, ".css"), ".faint { color: #bbb; background: #fff; }");
        try
        {
            await using var page = await site.OpenAsync();
            await page.GotoAsync("axe-probe.html");
            var ids = (await Axe.RunAsync(page.Page)).Violations.Select(v => v.Id).ToList();
            Assert.Contains("color-contrast", ids);
            Assert.Contains("image-alt", ids);
            Assert.Contains("link-name", ids);
            Assert.Contains("html-has-lang", ids);
        }
        finally
        {
            File.Delete(probe);
            File.Delete(Path.ChangeExtension(probe, ".css"));
        }
    }

    private static string Describe(AxeReport result, string where)
    {
        var text = new StringBuilder($"{result.Violations.Length} axe violation(s) on {where}:");
        foreach (var violation in result.Violations)
        {
            text.AppendLine().Append($"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(8))
            {
                text.AppendLine().Append($"    target {node.Target}: {Trim(node.Html)}");
                if (node.Summary.Length > 0) text.AppendLine().Append("      ").Append(node.Summary.ReplaceLineEndings(" "));
            }
            if (violation.Nodes.Length > 8) text.AppendLine().Append($"    … and {violation.Nodes.Length - 8} more");
        }
        return text.ToString();
    }

    private static string Trim(string html) => html.Length > 160 ? html[..160] + "…" : html;
}
