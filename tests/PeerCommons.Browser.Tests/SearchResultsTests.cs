using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 14, what results show: an excerpt around the matched words with the words marked, a link to the
/// section the words are in, named; loaded per result (search/docs/ parts for the results shown, nothing
/// more), over http and from file://, with no request leaving the site; a keystroke that leaves the results
/// as they were leaves the list as it is; the page with results stays accessible and fits a 320-px phone. The query is the heading most sections of the starter content
/// share, taken from the built store, so the tests follow the content.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchResultsTests(SiteFixture site)
{
    /// <summary>The store's most frequent one-word section heading (such as "Tensions"), lower-cased as a visitor types it.</summary>
    private string Query() => SearchStoreFiles.Read(site.SiteDirectory)
        .SelectMany(d => d.Sections).Where(s => s.Heading is { Length: >= 5 } h && h.All(char.IsLetter))
        .GroupBy(s => s.Heading!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key.ToLowerInvariant();

    private const string InView = """
        id => { const e = document.getElementById(id); if (!e) return false;
                const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }
        """;

    /// <summary>Checks the results for the query, then opens a result that leads to a section and lands on it.</summary>
    private async Task ExcerptsAndSectionLinksAsync(IPage page, string query, Func<string, string> urlOf)
    {
        var results = await SearchTests.ReadResultsAsync(page);
        Assert.NotEmpty(results);
        var store = SearchStoreFiles.Read(site.SiteDirectory);
        var stem = query[..5];
        // Marks are only on the query's word (and its other forms), in excerpts and in section names.
        var marks = results.SelectMany(r => r.Marks).ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith(stem, m.Trim().ToLowerInvariant()));

        // A result whose words are in a section links to that section and names it as the store does.
        var inSection = results.Where(r => r.Href.Contains('#') && r.Section.Length > 0).ToList();
        Assert.NotEmpty(inSection);
        foreach (var result in inSection)
        {
            var (path, id) = (result.Href[..result.Href.IndexOf('#')], result.Href[(result.Href.IndexOf('#') + 1)..]);
            var document = Assert.Single(store, d => urlOf(d.Url) == path);
            Assert.Equal(result.Title, document.Title);
            Assert.Equal(document.Sections.Single(s => s.Id == id).Heading, result.Section);
        }
        // Excerpts come from where the words are, not only from the summary: some excerpt marks the word and is no summary.
        Assert.Contains(results, r => r.Marks.Length > 0 && !store.Any(d => d.Summary == r.Snippet));

        var target = inSection[0];
        var anchor = target.Href[(target.Href.IndexOf('#') + 1)..];
        await page.Locator(".search-result-link").Nth(Array.IndexOf(results, target)).ClickAsync();
        await Arrival.AtAsync(page, target.Href);
        Assert.Equal("#" + anchor, await page.EvaluateAsync<string>("() => location.hash"));
        var inView = true;
        try { await page.WaitForFunctionAsync(InView, anchor, new PageWaitForFunctionOptions { Timeout = 5000 }); }
        catch (TimeoutException) { inView = false; }
        Assert.True(inView, $"#{anchor} is missing or not scrolled into view on {target.Href}");
    }

    [Fact]
    public async Task Over_http_results_show_marked_excerpts_and_lead_to_their_section()
    {
        var query = Query();
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html?q=" + Uri.EscapeDataString(query)));
        await SearchTests.WaitForSearchAsync(page.Page);
        await ExcerptsAndSectionLinksAsync(page.Page, query, site.Url);
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.PageErrors);
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task From_disk_results_show_marked_excerpts_and_lead_to_their_section()
    {
        var query = Query();
        string FileUrl(string sitePath) => new Uri(Path.Combine(site.SiteDirectory, sitePath)).AbsoluteUri;
        await OnDisk.VisitAsync(site, async page =>
        {
            await page.GotoAsync(FileUrl("search/index.html") + "?q=" + Uri.EscapeDataString(query));
            await SearchTests.WaitForSearchAsync(page);
            await ExcerptsAndSectionLinksAsync(page, query, FileUrl);
        });
    }

    [Fact]
    public async Task A_marked_word_leaves_the_punctuation_around_it_unmarked()
    {
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html?q=mutuality"));
        await SearchTests.WaitForSearchAsync(page.Page);
        var results = await SearchTests.ReadResultsAsync(page.Page);
        // The starter content often writes "mutuality,": the comma stays in the excerpt, outside the mark.
        Assert.Contains(results, r => r.Snippet.Contains("mutuality,", StringComparison.OrdinalIgnoreCase));
        var marks = results.SelectMany(r => r.Marks).ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Matches(@"^\p{L}(.*\p{L})?$", m));

        // Quotes and brackets around the word, as contributors write them: the text is whole, only the word is marked.
        var shown = await page.Page.EvaluateAsync<string[]>("""
            () => { const li = PeerCommonsSearchExcerpt.item({ title: "T", url: "t/", kind: "Value", sections: [],
                        summary: "Peers ask \u201cmutuality\u201d? Yes (mutuality)." }, PeerCommonsSearchExcerpt.stems("mutuality"), "");
                    return [li.querySelector(".search-result-snippet").textContent, ...[...li.querySelectorAll("mark")].map(m => m.textContent)]; }
            """);
        Assert.Equal(["Peers ask \u201cmutuality\u201d? Yes (mutuality).", "mutuality", "mutuality"], shown);
        Assert.Empty(page.PageErrors);
    }

    [Fact]
    public async Task A_keystroke_that_leaves_the_results_as_they_were_keeps_the_list_a_new_word_replaces_it()
    {
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html"));
        var box = page.Page.Locator("#pc-search-page-input");
        await box.PressSequentiallyAsync("support");
        await SearchTests.WaitForSearchOfAsync(page.Page, "support");
        var before = await SearchTests.ReadResultsAsync(page.Page);
        Assert.NotEmpty(before);
        // The list's first item, marked in the page: the same element afterwards means the list was not built again.
        await page.Page.EvalOnSelectorAsync("[data-search-results] li", "li => { li.keptFromBefore = true; }");

        // "supports" is the same search ("support" after the stemmer) with the words marked alike: the list stays,
        // so a screen reader or a visitor reading it does not see it replaced by the same results.
        await box.PressSequentiallyAsync("s");
        await SearchTests.WaitForSearchOfAsync(page.Page, "supports");
        Assert.True(await page.Page.EvalOnSelectorAsync<bool>("[data-search-results] li", "li => li.keptFromBefore === true"));
        Assert.Equal(before.Select(r => r.Href), (await SearchTests.ReadResultsAsync(page.Page)).Select(r => r.Href));

        // Another word shows its own results in a new list.
        await box.FillAsync("mutuality");
        await SearchTests.WaitForSearchOfAsync(page.Page, "mutuality");
        Assert.False(await page.Page.EvalOnSelectorAsync<bool>("[data-search-results] li", "li => li.keptFromBefore === true"));
        Assert.Contains(await SearchTests.ReadResultsAsync(page.Page), r => r.Marks.Length > 0);
        Assert.Empty(page.PageErrors);
    }

    [Fact]
    public async Task A_first_search_loads_the_index_the_facets_and_the_documents_of_the_results_shown_only()
    {
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html?q=peer"));
        await SearchTests.WaitForSearchAsync(page.Page);
        var results = await SearchTests.ReadResultsAsync(page.Page);
        Assert.Equal(10, results.Length);
        string[] Fetched(string folder) => page.Requests.Where(u => u.StartsWith(site.Url(folder), StringComparison.Ordinal)).ToArray();
        // The index's manifest and the one posting part of the word, the facets, one part per result shown,
        // and no tag part until a tag is chosen.
        Assert.Single(Fetched("search/index.js"));
        Assert.Single(SearchTests.PartRequests(page));
        Assert.Single(Fetched("search/facets.js"));
        Assert.Equal(results.Length, Fetched("search/docs/").Distinct().Count());
        Assert.Equal(results.Length, Fetched("search/docs/").Length);
        Assert.Empty(Fetched("search/tags/"));
        // Under search/: the page itself, the manifest, the posting part, the facets and the parts of the results shown; nothing else.
        Assert.Equal(4 + results.Length, Fetched("search/").Length);

        // More results load the parts of the next page only, and the keyboard goes on from its first result.
        Assert.True(await page.Page.Locator("[data-search-more]").IsVisibleAsync());
        await page.Page.Locator("[data-search-more]").ClickAsync();
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-search-results] .search-result').length > 10");
        var more = await SearchTests.ReadResultsAsync(page.Page);
        Assert.Equal(results.Select(r => r.Href), more.Take(10).Select(r => r.Href));
        Assert.Equal(more.Length, Fetched("search/docs/").Length);
        Assert.Equal(more[10].Href, await page.Page.EvaluateAsync<string>("() => document.activeElement.href"));

        // Choosing a tag loads that tag's part, once; the facets and the index are not fetched again.
        var tag = await page.Page.EvalOnSelectorAsync<string>("[data-filter=tag] option:nth-child(2)", "o => o.value");
        await page.Page.SelectOptionAsync("[data-filter=tag]", tag);
        await page.Page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('tag') !== null");
        await SearchTests.WaitForSearchAsync(page.Page);
        Assert.Single(Fetched("search/tags/"));
        Assert.Single(Fetched("search/facets.js"));
        Assert.Single(Fetched("search/index.js"));
        Assert.Single(SearchTests.PartRequests(page));
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.PageErrors);
    }

    [Fact]
    public async Task The_search_page_with_results_is_accessible_and_fits_a_320px_phone()
    {
        var query = Query();
        await using var page = await site.OpenAsync(SiteFixture.NarrowPhone);
        await page.Page.GotoAsync(site.Url("search/index.html?q=" + Uri.EscapeDataString(query)));
        await SearchTests.WaitForSearchAsync(page.Page);
        Assert.NotEmpty(await page.Page.Locator(".search-result-section").AllAsync());
        Assert.NotEmpty(await page.Page.Locator(".search-result-snippet mark").AllAsync());

        var axe = await Axe.RunAsync(page.Page);
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
        var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"the search page with results is {width} px wide at a 320-px viewport");
    }
}
