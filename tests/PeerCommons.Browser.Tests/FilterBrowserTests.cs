using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>Issue 5 in Chromium: filter an entry's annotations by community and type, and a list by community.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilterBrowserTests(SiteFixture site)
{
    private sealed record Note(string Id, string Community, string Type, bool Visible, bool Placed);

    /// <summary>The page of the starter site with annotations from the most communities, some placed beside sections.</summary>
    private string MostAnnotatedPage() =>
        Directory.EnumerateFiles(site.SiteDirectory, "index.html", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(site.SiteDirectory, f).Replace('\\', '/'), Html: File.ReadAllText(f)))
            .Where(p => p.Html.Contains("annotation-placed", StringComparison.Ordinal))
            .OrderByDescending(p => Regex.Matches(p.Html, "data-community=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Count())
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => p.Path).First();

    private static async Task<Note[]> NotesAsync(SitePage page) =>
        await page.EvaluateAsync<Note[]>("""
            () => [...document.querySelectorAll('article.annotation')].map(n => ({
              id: n.id, community: n.dataset.community, type: n.dataset.type,
              visible: n.getClientRects().length > 0, placed: n.classList.contains('annotation-placed') }))
            """);

    [Fact]
    public async Task Annotations_can_be_filtered_by_community_and_type()
    {
        var path = MostAnnotatedPage();
        await using var page = await site.OpenAsync();
        await page.GotoAsync(path);
        var all = await NotesAsync(page);
        Assert.True(all.Select(n => n.Community).Distinct().Count() >= 3, $"{path} has annotations from fewer than three communities");
        Assert.All(all, n => Assert.True(n.Visible, n.Id));

        // The selects are labelled, and offer each community and type on the page (placed notes included).
        var community = page.Page.GetByLabel("Community", new PageGetByLabelOptions { Exact = true });
        var type = page.Page.GetByLabel("Type of note");
        var offered = await community.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.Equal(all.Select(n => n.Community).Distinct().Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));

        // A community with a note beside a section: only its notes stay, wherever they are.
        var chosen = all.First(n => n.Placed).Community;
        await community.SelectOptionAsync(chosen);
        var shown = await NotesAsync(page);
        Assert.All(shown, n => Assert.Equal(n.Community == chosen, n.Visible));
        Assert.Contains(shown, n => n.Visible && n.Placed);
        var count = shown.Count(n => n.Visible);
        Assert.Contains($"{count} of {all.Length} notes shown", await page.Page.Locator("[data-annotation-filters]").TextContentAsync());
        // The index of notes beside sections follows.
        var index = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.annotation-index li')].map(li => ({ href: li.querySelector('a').getAttribute('href'), visible: li.getClientRects().length > 0 }))
            """);
        foreach (var item in index.EnumerateArray())
        {
            var id = item.GetProperty("href").GetString()!.TrimStart('#');
            Assert.Equal(shown.Single(n => n.Id == id).Visible, item.GetProperty("visible").GetBoolean());
        }

        // Community and type together; then back to everything.
        var noteType = shown.First(n => n.Visible).Type;
        await type.SelectOptionAsync(noteType);
        Assert.All(await NotesAsync(page), n => Assert.Equal(n.Community == chosen && n.Type == noteType, n.Visible));
        await community.SelectOptionAsync("");
        Assert.All(await NotesAsync(page), n => Assert.Equal(n.Type == noteType, n.Visible));
        await type.SelectOptionAsync("");
        Assert.All(await NotesAsync(page), n => Assert.True(n.Visible, n.Id));

        var axe = await Axe.RunAsync(page.Page);
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(x => x.Target))}")));
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task A_list_can_be_filtered_to_entries_annotated_by_one_community()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("list-projects");
        var form = page.Page.Locator("form[data-list-filter]");
        Assert.True(await form.IsVisibleAsync(), "the list filter is not revealed by the script");
        var select = page.Page.GetByLabel("Show entries annotated by");
        var items = page.Page.Locator("main .entry-list > li");
        var total = await items.CountAsync();

        var options = await select.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.NotEmpty(options);
        foreach (var community in options.Take(3))
        {
            await select.SelectOptionAsync(community);
            var state = await page.EvaluateAsync<JsonElement>("""
                () => [...document.querySelectorAll('main .entry-list > li')].map(li => ({
                  communities: (li.dataset.communities || '').split(' ').filter(Boolean), visible: li.getClientRects().length > 0 }))
                """);
            var shown = 0;
            foreach (var li in state.EnumerateArray())
            {
                var has = li.GetProperty("communities").EnumerateArray().Any(c => c.GetString() == community);
                Assert.Equal(has, li.GetProperty("visible").GetBoolean());
                if (has) shown++;
            }
            Assert.True(shown > 0, $"no entry shown for {community}, though the filter offers it");
            Assert.Contains($"{shown} of {total} shown", await form.TextContentAsync());
        }
        await select.SelectOptionAsync("");
        Assert.Equal(total, await page.Page.Locator("main .entry-list > li:visible").CountAsync());
        // Choosing does not submit the form or leave the page.
        Assert.Equal(site.PageUrl("list-projects"), page.Page.Url);
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task On_one_page_of_a_long_list_the_filter_says_so_and_links_to_the_community_s_full_list()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync(SitePages.PagedListKey);
        var select = page.Page.GetByLabel("Show entries on this page annotated by");
        var all = page.Page.Locator("form[data-list-filter] a[data-filter-all]");
        Assert.False(await all.IsVisibleAsync(), "the link to a community's list shows before a community is chosen");
        var community = (await select.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)")).First();
        await select.SelectOptionAsync(community);
        Assert.True(await all.IsVisibleAsync());
        Assert.StartsWith("Every entry annotated by ", await all.TextContentAsync());
        await all.ClickAsync();
        await Arrival.AtEndingAsync(page.Page, "/communities/" + community + "/index.html");
        // The community's page lists its notes with the entries they are on.
        Assert.True(await page.Page.Locator("main").GetByText("On ").First.IsVisibleAsync());
        Assert.Empty(await page.CspViolationsAsync());
    }
}
