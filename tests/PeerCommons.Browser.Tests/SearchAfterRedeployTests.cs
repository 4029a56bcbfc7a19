using PeerCommons.Browser.Tests.Support;
using PeerCommons.Pipeline;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// A visitor keeps the search page open (or has its manifest in the browser's cache) while the site is
/// rebuilt with other content: the posting parts the page's manifest names are gone (each build's parts
/// have their own folder) and the store's files now describe the new build. The next search must still
/// show results, not "Search could not be loaded": search.js loads the index and the store again, once,
/// past the browser's cache.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchAfterRedeployTests(SiteFixture site) : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "peercommons-redeploy-" + Guid.NewGuid().ToString("N"));
    private readonly string _folder = "redeployed-" + Guid.NewGuid().ToString("N")[..8];

    private string Output => Path.Combine(site.SiteDirectory, _folder);

    public void Dispose()
    {
        try { Directory.Delete(_temp, true); } catch (IOException) { }
        try { Directory.Delete(Output, true); } catch (IOException) { }
    }

    private static void Build(string content, string output)
    {
        var build = BuildPipeline.Run(new BuildOptions { ContentDirectory = content, ThemeDirectory = Repo.Path("theme"), OutputDirectory = output, WriteOutput = true });
        Assert.True(build.Succeeded && build.Written, build.FatalError + string.Join("\n", build.Diagnostics));
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The folder of the posting parts the manifest (search/index.js) names.</summary>
    private static string PartsFolder(string siteDirectory) =>
        System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(siteDirectory, "search", "index.js")), "\"folder\":\"([0-9a-f]+)\"").Groups[1].Value;

    [Fact]
    public async Task After_the_site_is_rebuilt_with_other_content_the_open_search_page_still_finds_results()
    {
        // The starter site as deployed first, and the same content with one entry changed, built apart.
        Build(Repo.Path("content"), Output);
        var content = Path.Combine(_temp, "content");
        Copy(Repo.Path("content"), content);
        var changed = Directory.EnumerateFiles(Path.Combine(content, "values"), "*.md").Order(StringComparer.Ordinal).First();
        File.AppendAllText(changed, "\n\nA paragraph added after the first deploy, about gardens and listening.\n");
        var rebuilt = Path.Combine(_temp, "_site");
        Build(content, rebuilt);
        Assert.NotEqual(PartsFolder(Output), PartsFolder(rebuilt));

        await using var page = await site.OpenAsync();
        await page.Page.GotoAsync(site.Url(_folder + "/search/index.html"));
        await page.Page.Locator("#pc-search-page-input").PressSequentiallyAsync("peer");
        await SearchTests.WaitForSearchOfAsync(page.Page, "peer");
        Assert.NotEmpty(await SearchTests.ReadResultsAsync(page.Page));

        // The new deploy replaces the search folder: the parts the page's manifest names are gone.
        var search = Path.Combine(Output, "search");
        var oldParts = PartsFolder(Output);
        Directory.Delete(search, true);
        Copy(Path.Combine(rebuilt, "search"), search);
        Assert.False(Directory.Exists(Path.Combine(search, oldParts)));

        // A word whose part the page has not loaded yet (another first letter than "peer").
        await page.Page.Locator("#pc-search-page-input").FillAsync("community");
        await page.Page.WaitForFunctionAsync("() => /for “community”|could not be loaded/.test(document.querySelector('[data-search-status]').textContent)");
        Assert.Matches(@"^\d+ results? for “community”", await page.Page.TextContentAsync("[data-search-status]"));
        var results = await SearchTests.ReadResultsAsync(page.Page);
        Assert.NotEmpty(results);
        // Each result is a document of the new store, with its title.
        var store = SearchTests.ReadStore(Output);
        string UrlOf(SearchTests.StoreEntry d) => site.Url(_folder + "/" + d.Url);
        Assert.All(results, r => Assert.Contains(store, d => d.Title == r.Title && (r.Href == UrlOf(d) || r.Href.StartsWith(UrlOf(d) + "#", StringComparison.Ordinal))));
        // The manifest was fetched again past the browser's cache, and the old build's parts were asked for no more.
        var manifests = page.Requests.Where(u => u.Contains("/" + _folder + "/search/index.js", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, manifests.Count);
        Assert.Contains("?v=", manifests[1], StringComparison.Ordinal);
        Assert.Contains(page.Requests, u => u.Contains("/search/" + PartsFolder(rebuilt) + "/", StringComparison.Ordinal));
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.ForeignRequests);
    }
}
