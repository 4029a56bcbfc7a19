using System.Text.Json;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 12: at scale the search store holds several documents a file (search/docs/, facets.js's perPart), and
/// theme/assets/search-parts.js finds each result's document in its file. The starter content built with 3
/// documents a file (<see cref="GroupedStoreSite"/>) must search exactly as the starter site does with one a
/// file: the same results in the same order, excerpts, marks, section links, voice lines, the kind, community and
/// tag filters and the second page of results, over http under a sub-path and from disk.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupedSearchStoreTests(SiteFixture site)
{
    private const int DocumentsPerPart = 3;
    private const string SubPath = "/peercommons/";
    /// <summary>A word of most kinds, tags and communities of the starter content (as the filter tests use).</summary>
    private const string Query = "peer";

    /// <summary>One result as shown, its link taken from the site's root, its marked words (joined by " | ") and its voice line ("" when none).</summary>
    public sealed record Shown(string Title, string Section, string Link, string Meta, string Snippet, string Marks, string Voice);

    /// <summary>What a visitor sees along one visit (see <see cref="VisitAsync"/>).</summary>
    public sealed record Transcript(string Status, Shown[] First, Shown[] WithMore, Shown[] Annotations, Shown[] OneCommunity, Shown[] OneTag);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private const string ReadShown = """
        root => [...document.querySelectorAll('[data-search-results] .search-result')].map(li => {
          const a = li.querySelector('a'), href = a.href;
          return {
            title: a.firstChild.textContent,
            section: (li.querySelector('.search-result-section') || { textContent: '' }).textContent.replace(/^\s*\u203a\s*/, ''),
            link: href.startsWith(root) ? href.slice(root.length) : 'outside the site: ' + href,
            meta: li.querySelector('.search-result-meta').textContent,
            snippet: li.querySelector('.search-result-snippet').textContent,
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent).join(' | '),
            voice: (li.querySelector('.search-result-voice') || { textContent: '' }).textContent,
          };
        })
        """;

    /// <summary>
    /// Searches <see cref="Query"/> on the search page of the site at <paramref name="root"/> (an address ending
    /// in "/"), shows the second page of results, then filters by kind (annotations), by the first community
    /// offered and by the first tag offered, one at a time.
    /// </summary>
    private static async Task<Transcript> VisitAsync(IPage page, string root)
    {
        async Task<Shown[]> ShownAsync() =>
            JsonSerializer.Deserialize<Shown[]>(await page.EvaluateAsync<JsonElement>(ReadShown, root), JsonOptions)!;
        async Task ChooseAsync(string filter, string value)
        {
            var before = await page.TextContentAsync("[data-search-status]");
            await page.SelectOptionAsync($"[data-filter={filter}]", value);
            await page.WaitForFunctionAsync(
                "t => { const s = document.querySelector('[data-search-status]').textContent; return s !== t && /results? for|No results/.test(s); }", before);
        }
        async Task<string> FirstOptionAsync(string filter) =>
            await page.EvalOnSelectorAsync<string>($"[data-filter={filter}] option:nth-child(2)", "o => o.value");

        await page.GotoAsync(root + "search/index.html?q=" + Query);
        await SearchTests.WaitForSearchAsync(page);
        var status = (await page.TextContentAsync("[data-search-status]"))!;
        var first = await ShownAsync();

        await page.Locator("[data-search-more]").ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-search-results] .search-result').length > n", first.Length);
        var withMore = await ShownAsync();

        await ChooseAsync("kind", "Annotation");
        var annotations = await ShownAsync();
        await ChooseAsync("kind", "");
        await ChooseAsync("community", await FirstOptionAsync("community"));
        var community = await ShownAsync();
        await ChooseAsync("community", "");
        await ChooseAsync("tag", await FirstOptionAsync("tag"));
        var tag = await ShownAsync();
        return new Transcript(status, first, withMore, annotations, community, tag);
    }

    /// <summary>The visit on the starter site (one document a file), over http at the host's root.</summary>
    private async Task<Transcript> OneDocumentAFileAsync()
    {
        await using var page = await site.OpenAsync();
        var transcript = await VisitAsync(page.Page, site.Url(""));
        Assert.Equal(1, PerPart(site.SiteDirectory));
        return transcript;
    }

    private static int PerPart(string siteDirectory)
    {
        using var facets = SearchStoreFiles.Facets(siteDirectory);
        return facets.RootElement.GetProperty("perPart").GetInt32();
    }

    /// <summary>The transcript shows what the comparison needs: every step with results, sections, voices and all three filters.</summary>
    private static void AssertTellsSomething(Transcript t)
    {
        Assert.Equal(10, t.First.Length);
        Assert.True(t.WithMore.Length > 10, $"{t.WithMore.Length} results after 'Show more results'");
        Assert.Equal(t.First, t.WithMore.Take(10));
        Assert.Contains(t.WithMore, r => r.Section.Length > 0 && r.Link.Contains('#'));
        Assert.Contains(t.WithMore, r => r.Marks.Length > 0);
        Assert.NotEmpty(t.Annotations);
        Assert.Contains(t.Annotations, r => r.Voice.Length > 0);
        Assert.NotEmpty(t.OneCommunity);
        Assert.NotEmpty(t.OneTag);
        Assert.DoesNotContain(t.WithMore.Concat(t.Annotations).Concat(t.OneCommunity).Concat(t.OneTag), r => r.Link.StartsWith("outside", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grouped_documents_search_as_one_a_file_does_under_a_sub_path()
    {
        using var grouped = GroupedStoreSite.Build(site, DocumentsPerPart);
        Assert.Equal(DocumentsPerPart, PerPart(grouped.Output));
        var expected = await OneDocumentAFileAsync();
        AssertTellsSomething(expected);

        await using var page = await site.OpenAsync(subPath: SubPath);
        var root = SiteFixture.Origin + SubPath + grouped.Folder + "/";
        var actual = await VisitAsync(page.Page, root);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.First, actual.First);
        Assert.Equal(expected.WithMore, actual.WithMore);
        Assert.Equal(expected.Annotations, actual.Annotations);
        Assert.Equal(expected.OneCommunity, actual.OneCommunity);
        Assert.Equal(expected.OneTag, actual.OneTag);

        // The documents came from grouped files: each file fetched once, and fewer files than documents shown
        // whenever two results shared a file (a file holds refs 3n to 3n+2).
        var files = page.Requests.Where(u => u.StartsWith(root + "search/docs/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(files);
        Assert.Equal(files.Length, files.Distinct().Count());
        Assert.Empty(page.ForeignRequests);
        Assert.Empty(page.PageErrors);
        Assert.Empty(await page.ScriptErrorsAsync());
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task Grouped_documents_search_as_one_a_file_does_from_disk()
    {
        using var grouped = GroupedStoreSite.Build(site, DocumentsPerPart);
        var expected = await OneDocumentAFileAsync();
        AssertTellsSomething(expected);

        var root = new Uri(grouped.Output + Path.DirectorySeparatorChar).AbsoluteUri;
        Transcript? actual = null;
        await OnDisk.VisitAsync(site, async page => actual = await VisitAsync(page, root));
        Assert.Equal(expected.First, actual!.First);
        Assert.Equal(expected.WithMore, actual.WithMore);
        Assert.Equal(expected.Annotations, actual.Annotations);
        Assert.Equal(expected.OneCommunity, actual.OneCommunity);
        Assert.Equal(expected.OneTag, actual.OneTag);
    }
}
