using System.Text.Json;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// The site's search (theme/assets/search.js over lunr.js, theme/assets/search-reader.js and the partitioned
/// index under search/: manifest index.js and posting parts; the store's facets.js and docs/), used as a visitor
/// would on the built starter site: the header box, the search page with highlighted results, the
/// filters, the keyboard, annotations landing on their anchor, accented words, and the same from file://.
/// Queries are taken from the built index's store where they depend on content, so that the tests follow
/// the content instead of naming entries.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    /// <summary>The index's manifest: loaded once, on the first query.</summary>
    private const string IndexPath = "/search/index.js";
    private const string LunrPrefix = "/assets/lunr.min.";

    /// <summary>One document of the search store (search/docs/), as a result shows it.</summary>
    public sealed record StoreEntry(string Title, string Url, string Kind, string Summary, string[] Tags, string? Community, string? CommunityTitle, string? Target);

    private IReadOnlyList<StoreEntry> Store() => ReadStore(site.SiteDirectory);

    internal static IReadOnlyList<StoreEntry> ReadStore(string siteDirectory) =>
        SearchStoreFiles.Read(siteDirectory)
            .Select(d => new StoreEntry(d.Title, d.Url, d.Kind, d.Summary, d.Tags, d.Community, d.CommunityTitle, d.Target)).ToList();

    /// <summary>The document a result's link leads to: the one of that URL (an annotation's has its anchor), else the entry of whose page the link names a section.</summary>
    private StoreEntry? LeadingTo(IReadOnlyList<StoreEntry> store, string href) =>
        store.FirstOrDefault(e => site.Url(e.Url) == href) ??
        store.FirstOrDefault(e => !e.Url.Contains('#') && href.StartsWith(site.Url(e.Url) + "#", StringComparison.Ordinal));

    private static int CountRequests(SitePage page, string pathPart) =>
        page.Requests.Count(u => u.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>The posting parts of the index fetched so far (search/&lt;folder&gt;/&lt;n&gt;.js).</summary>
    internal static string[] PartRequests(SitePage page) =>
        page.Requests.Where(u => System.Text.RegularExpressions.Regex.IsMatch(u, @"/search/[0-9a-f]{10}/\d+\.js$")).ToArray();

    /// <param name="Title">The document's title (the link's own text, without the section it leads to).</param>
    /// <param name="Section">The section the link leads to ("Practice › Tensions"), or "" for the page.</param>
    public sealed record ResultView(string Title, string Section, string Href, string Meta, string Snippet, string[] Marks);

    internal const string ReadResults = """
        () => [...document.querySelectorAll('[data-search-results] .search-result')].map(li => ({
          title: li.querySelector('a').firstChild.textContent,
          section: (li.querySelector('.search-result-section') || { textContent: '' }).textContent.replace(/^\s*\u203a\s*/, ''),
          href: li.querySelector('a').href,
          meta: li.querySelector('.search-result-meta').textContent,
          snippet: li.querySelector('.search-result-snippet').textContent,
          marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        }))
        """;

    private static Task<ResultView[]> ResultsAsync(IPage page) => ReadResultsAsync(page);

    internal static async Task<ResultView[]> ReadResultsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(ReadResults);
        return JsonSerializer.Deserialize<ResultView[]>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    /// <summary>Waits until the status line reports the outcome of the current query (not "Searching…").</summary>
    internal static async Task WaitForSearchAsync(IPage page) =>
        await page.WaitForFunctionAsync(
            "() => { const s = document.querySelector('[data-search-status]').textContent; return /results? for|No results/.test(s); }",
            null, new PageWaitForFunctionOptions { Timeout = 15000 });

    /// <summary>Waits for the results of the whole text, not of a part typed before a pause (each pause searches).</summary>
    internal static async Task WaitForSearchOfAsync(IPage page, string text) => await page.WaitForFunctionAsync(
        "t => document.querySelector('[data-search-status]').textContent.includes('for \u201c' + t + '\u201d')", text, new PageWaitForFunctionOptions { Timeout = 15000 });

    private static async Task AssertCleanAsync(SitePage page)
    {
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.PageErrors);
        Assert.Empty(await page.ScriptErrorsAsync());
        Assert.Empty(await page.CspViolationsAsync());
    }

    /// <summary>Presses ArrowDown from the focused box until the result with this title has focus.</summary>
    private static async Task ArrowToAsync(IPage page, string title, int max)
    {
        for (var i = 0; i < max; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.classList.contains('search-result-link') ? document.activeElement.textContent : ''");
            if (focused == title) return;
        }
        Assert.Fail($"ArrowDown never reached the result '{title}'");
    }

    [Fact]
    public async Task Header_search_loads_nothing_until_used_then_highlights_results_and_opens_one_with_the_keyboard()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("home");
        // Nothing of search is fetched with the page, nor on focusing or typing in the header box.
        await page.Page.Keyboard.PressAsync("/");
        Assert.Equal("pc-search", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Page.Keyboard.TypeAsync("peer support");
        await page.Page.WaitForTimeoutAsync(300);
        Assert.Equal(0, CountRequests(page, IndexPath));
        Assert.Equal(0, CountRequests(page, LunrPrefix));

        // Enter submits the header form to the search page.
        await page.Page.Keyboard.PressAsync("Enter");
        await Arrival.AtEndingAsync(page.Page, "/search/index.html?q=peer+support");
        await WaitForSearchAsync(page.Page);
        Assert.Equal(1, CountRequests(page, IndexPath));
        Assert.Equal(1, CountRequests(page, LunrPrefix));

        var results = await ResultsAsync(page.Page);
        Assert.NotEmpty(results);
        Assert.Equal("peer support", await page.Page.InputValueAsync("#pc-search-page-input"));
        // The search page has one search form: its own (the header's would be a second box for the same thing).
        Assert.Equal(1, await page.Page.Locator("form[role=search]").CountAsync());
        Assert.Matches(@"^\d+ results? for “peer support”", await page.Page.TextContentAsync("[data-search-status]"));
        // The query's words (and their stems' other forms) are marked in the snippets, nothing else is.
        var marks = results.SelectMany(r => r.Marks).ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Matches(@"^\W*(peer|support)", m.ToLowerInvariant()));
        Assert.All(results.Where(r => r.Snippet.Contains("peer", StringComparison.OrdinalIgnoreCase)), r => Assert.NotEmpty(r.Marks));

        // "/" on the search page focuses the page's own box; arrows move through results and back.
        await page.Page.Locator("h1").ClickAsync();
        await page.Page.Keyboard.PressAsync("/");
        Assert.Equal("pc-search-page-input", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(results[0].Href, await page.Page.EvaluateAsync<string>("() => document.activeElement.href"));
        await page.Page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(results[1].Href, await page.Page.EvaluateAsync<string>("() => document.activeElement.href"));
        await page.Page.Keyboard.PressAsync("ArrowUp");
        await page.Page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("pc-search-page-input", await page.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("ArrowDown");

        // Enter opens the focused result: the right page, whose heading is the result's title.
        await page.Page.Keyboard.PressAsync("Enter");
        await Arrival.AtAsync(page.Page, results[1].Href);
        var entry = LeadingTo(Store(), results[1].Href)!;
        if (entry.Kind != "Annotation")
            Assert.Equal(entry.Title, (await page.Page.TextContentAsync("h1"))!.Trim());
        // The index and lunr were fetched once, on the search page; nothing from another host.
        Assert.Equal(1, CountRequests(page, IndexPath));
        Assert.Equal(1, CountRequests(page, LunrPrefix));
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task The_search_page_loads_the_index_only_on_the_first_query_and_only_once()
    {
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html"));
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, CountRequests(page, IndexPath));
        Assert.Equal(0, CountRequests(page, LunrPrefix));
        Assert.True(await page.Page.Locator("[data-search-filters]").IsHiddenAsync());

        await page.Page.Locator("#pc-search-page-input").PressSequentiallyAsync("values");
        await WaitForSearchOfAsync(page.Page, "values");
        Assert.NotEmpty(await ResultsAsync(page.Page));
        // A one-word query fetches the manifest and the one part that holds its term, not the term list.
        Assert.Single(PartRequests(page));
        Assert.Equal(0, CountRequests(page, "/terms.js"));
        await page.Page.Locator("#pc-search-page-input").FillAsync("history");
        await page.Page.WaitForFunctionAsync("() => /for “history”/.test(document.querySelector('[data-search-status]').textContent)");
        Assert.NotEmpty(await ResultsAsync(page.Page));
        Assert.Equal(1, CountRequests(page, IndexPath));
        Assert.Equal(1, CountRequests(page, LunrPrefix));
        // Each part is fetched at most once, however many queries need it.
        Assert.True(PartRequests(page).Length <= 2, string.Join(", ", PartRequests(page)));
        Assert.Equal(PartRequests(page).Length, PartRequests(page).Distinct().Count());
        // The address follows the query (once the results are shown), so a result list can be shared and reloaded.
        await page.Page.WaitForFunctionAsync("() => location.search === '?q=history'");
        Assert.EndsWith("/search/index.html?q=history", page.Page.Url);
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Kind_tag_and_community_filters_narrow_the_results()
    {
        var store = Store();
        // A word common enough to match several kinds, tags and communities.
        const string query = "peer";
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html?q=" + query));
        await WaitForSearchAsync(page.Page);
        var all = await ResultsAsync(page.Page);
        Assert.True(all.Length >= 10, $"only {all.Length} results for '{query}'");
        // The page shows the first 10 results; filters apply to all of them, so counts come from the status line.
        async Task<int> CountAsync() => int.Parse(System.Text.RegularExpressions.Regex.Match(
            (await page.Page.TextContentAsync("[data-search-status]"))!, @"^\d+").Value);
        var allCount = await CountAsync();
        Assert.True(await page.Page.Locator("[data-search-filters]").IsVisibleAsync());
        StoreEntry Of(ResultView r) => LeadingTo(store, r.Href) ?? throw new Xunit.Sdk.XunitException("no document for " + r.Href);

        // A filter change searches again ("Searching…", then a count): wait for a count other than the one before.
        async Task ChooseAsync(string filter, string value)
        {
            var before = await page.Page.TextContentAsync("[data-search-status]");
            await page.Page.SelectOptionAsync($"[data-filter={filter}]", value);
            await page.Page.WaitForFunctionAsync(
                "t => { const s = document.querySelector('[data-search-status]').textContent; return s !== t && /results? for|No results/.test(s); }", before);
        }

        async Task<string[]> OptionsAsync(string filter) =>
            await page.Page.EvalOnSelectorAllAsync<string[]>($"[data-filter={filter}] option", "os => os.slice(1).map(o => o.value)");

        // Kind: every kind offered is one of the results' kinds; choosing one shows only that kind.
        var kinds = await OptionsAsync("kind");
        Assert.True(kinds.Length >= 3, "kinds offered: " + string.Join(", ", kinds));
        await ChooseAsync("kind", "Value");
        var values = await ResultsAsync(page.Page);
        Assert.NotEmpty(values);
        Assert.True(await CountAsync() < allCount);
        Assert.All(values, r => Assert.Equal("Value", Of(r).Kind));
        await page.Page.WaitForFunctionAsync("() => new URLSearchParams(location.search).get('kind') === 'Value'");
        Assert.Contains("kind=Value", page.Page.Url);

        // Tag: back to all kinds, choose a tag; every result carries it.
        await ChooseAsync("kind", "");
        var tags = await OptionsAsync("tag");
        Assert.NotEmpty(tags);
        var tag = tags.OrderByDescending(t => all.Count(r => Of(r).Tags.Contains(t))).ThenBy(t => t, StringComparer.Ordinal).First();
        await ChooseAsync("tag", tag);
        var tagged = await ResultsAsync(page.Page);
        Assert.NotEmpty(tagged);
        Assert.True(await CountAsync() < allCount);
        if (allCount <= all.Length) Assert.Equal(all.Count(r => Of(r).Tags.Contains(tag)), tagged.Length);
        Assert.All(tagged, r => Assert.Contains(tag, Of(r).Tags));

        // Community: only annotations from that community, named in each result.
        await ChooseAsync("tag", "");
        var communities = await OptionsAsync("community");
        Assert.NotEmpty(communities);
        var community = communities[0];
        await ChooseAsync("community", community);
        var fromCommunity = await ResultsAsync(page.Page);
        Assert.NotEmpty(fromCommunity);
        Assert.True(await CountAsync() < allCount);
        if (allCount <= all.Length) Assert.Equal(all.Count(r => Of(r).Community == community), fromCommunity.Length);
        var communityTitle = store.First(e => e.Community == community).CommunityTitle!;
        Assert.All(fromCommunity, r =>
        {
            Assert.Equal("Annotation", Of(r).Kind);
            Assert.Contains("from " + communityTitle, r.Meta);
        });

        // The filters are in the address: reloading it shows the same narrowed list.
        await page.Page.WaitForFunctionAsync("c => new URLSearchParams(location.search).get('community') === c", community);
        var url = page.Page.Url;
        await page.Page.ReloadAsync();
        await WaitForSearchAsync(page.Page);
        Assert.Equal(url, page.Page.Url);
        Assert.Equal(community, await page.Page.InputValueAsync("[data-filter=community]"));
        Assert.Equal(fromCommunity.Select(r => r.Href), (await ResultsAsync(page.Page)).Select(r => r.Href));
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task An_annotation_result_opens_its_target_page_at_the_annotation()
    {
        var annotation = Store().First(e => e.Kind == "Annotation" && e.Url.Contains('#') && e.Title.Split(' ').Length >= 4);
        var anchor = annotation.Url[(annotation.Url.IndexOf('#') + 1)..];
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html"));
        await page.Page.Keyboard.PressAsync("/");
        await page.Page.Keyboard.TypeAsync(annotation.Title);
        await WaitForSearchOfAsync(page.Page, annotation.Title);
        var results = await ResultsAsync(page.Page);
        var hit = Array.FindIndex(results, r => r.Title == annotation.Title);
        Assert.True(hit >= 0, $"'{annotation.Title}' is not among the results for its own title");
        Assert.Contains(", on " + annotation.Target, results[hit].Meta);
        Assert.Contains("from " + annotation.CommunityTitle, results[hit].Meta);

        await ArrowToAsync(page.Page, annotation.Title, hit + 1);
        await page.Page.Keyboard.PressAsync("Enter");
        // Waits on the page itself: Playwright's WaitForURL missed this navigation to a fragment now and then
        // (it timed out on a page already loaded at that very URL).
        await page.Page.WaitForFunctionAsync("u => location.href === u && document.readyState === 'complete'", site.Url(annotation.Url));
        Assert.Equal("#" + anchor, await page.Page.EvaluateAsync<string>("() => location.hash"));
        // The browser scrolls to the fragment once the page has laid out.
        const string InView = """
            id => { const e = document.getElementById(id); if (!e) return false;
                    const r = e.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }
            """;
        var inView = true;
        try { await page.Page.WaitForFunctionAsync(InView, anchor, new PageWaitForFunctionOptions { Timeout = 5000 }); }
        catch (TimeoutException) { inView = false; }
        Assert.True(inView, $"#{anchor} is missing or not scrolled into view on {annotation.Url}");
        await AssertCleanAsync(page);
    }

    [Theory]
    [InlineData("Palacký", "palacký")]
    [InlineData("Māori", "māori")]
    [InlineData("Māori peer", "māori")]
    public async Task Accented_words_are_found(string query, string word)
    {
        // The starter content has these words; lunr.js alone would index "Māori" as "m" and "ori" and find nothing.
        var files = Directory.EnumerateFiles(Repo.Path("content"), "*.md", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(files);
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html?q=" + Uri.EscapeDataString(query)));
        await WaitForSearchAsync(page.Page);
        var results = await ResultsAsync(page.Page);
        Assert.NotEmpty(results);
        var store = Store();
        // Every result's entry has the word (title, body or summary), and some snippets mark it where they show it.
        var withWord = results.Where(r => r.Snippet.Contains(word, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(withWord.Where(r => r.Snippet.Contains(word, StringComparison.OrdinalIgnoreCase)),
            r => Assert.Contains(r.Marks, m => m.Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.All(results, r => Assert.NotNull(LeadingTo(store, r.Href)));
        await AssertCleanAsync(page);
    }

    [Theory]
    [InlineData("māori?", true)]
    [InlineData("Māori.", true)]
    [InlineData("(peer)", true)]
    [InlineData("\"peer support\"", true)]
    [InlineData("peer:", true)]
    [InlineData("what is peer support?", true)]
    [InlineData("title:peer", true)]
    [InlineData("sup*", true)]
    [InlineData("-", false)]
    [InlineData("*", false)]
    [InlineData("the", false)]
    public async Task Punctuation_and_query_syntax_as_visitors_type_them(string query, bool expectResults)
    {
        // lunr.js's query parser takes "māori?" and "(peer)" as whole terms and finds nothing, and takes
        // "-" or "*" as "every document"; search.js falls back to the plain words and ignores a query without any.
        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url("search/index.html?q=" + Uri.EscapeDataString(query)));
        await WaitForSearchAsync(page.Page);
        var results = await ResultsAsync(page.Page);
        Assert.Equal(expectResults, results.Length > 0);
        // Only words of the query are marked, never stop words like "what" or "is".
        Assert.DoesNotContain(results.SelectMany(r => r.Marks), m => m.Trim().ToLowerInvariant() is "what" or "is" or "the");
        await AssertCleanAsync(page);
    }

    [Fact]
    public async Task Search_works_from_disk()
    {
        var searchPage = new Uri(Path.Combine(site.SiteDirectory, "search", "index.html")).AbsoluteUri;
        await OnDisk.VisitAsync(site, async page =>
        {
            // From the home page's header box, as a visitor who opened index.html from a folder.
            await page.GotoAsync(new Uri(Path.Combine(site.SiteDirectory, "index.html")).AbsoluteUri);
            await page.Keyboard.PressAsync("/");
            await page.Keyboard.TypeAsync("peer support");
            await page.Keyboard.PressAsync("Enter");
            await Arrival.AtAsync(page, searchPage + "?q=peer+support");
            await WaitForSearchAsync(page);
            var results = await ReadResultsAsync(page);
            Assert.NotEmpty(results);
            Assert.NotEmpty(results.SelectMany(r => r.Marks));

            // Straight to search/index.html?q=…, then open a result with the keyboard.
            await page.GotoAsync(searchPage + "?q=" + Uri.EscapeDataString("Māori"));
            await WaitForSearchAsync(page);
            results = await ReadResultsAsync(page);
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.StartsWith("file://", r.Href));
            await page.Locator("#pc-search-page-input").FocusAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Arrival.AtAsync(page, results[0].Href);
            Assert.True(File.Exists(new Uri(results[0].Href).LocalPath), results[0].Href + " is not a file of the site");
        });
    }
}
