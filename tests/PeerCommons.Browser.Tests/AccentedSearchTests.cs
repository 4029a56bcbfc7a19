using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;
using PeerCommons.Pipeline;

namespace PeerCommons.Browser.Tests;

/// <summary>Accented words where lunr.js's own trimmer would cut them, searched on a small fixture site opened from disk.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccentedSearchTests(SiteFixture site)
{
    /// <summary>
    /// A small site (the test fixture content plus one project) whose title and summary carry accented
    /// words at the ends of words, where lunr.js's own trimmer would cut them: built, opened from disk,
    /// searched for each word as typed and as the whole phrase.
    /// </summary>
    [Theory]
    [InlineData("Öffnung", "Öffnung")]
    [InlineData("öffnung", "Öffnung")]
    [InlineData("Crisis café", "café")]
    [InlineData("Māori", "Māori")]
    public async Task Accented_words_at_the_ends_of_words_are_found_in_a_fixture_site(string query, string marked)
    {
        var dir = AccentedSite.Value;
        var context = await site.Browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(dir, "search", "index.html")).AbsoluteUri + "?q=" + Uri.EscapeDataString(query));
            await SearchTests.WaitForSearchAsync(page);
            var results = await SearchTests.ReadResultsAsync(page);
            var hit = Assert.Single(results, r => r.Title == AccentedTitle);
            Assert.Contains(hit.Marks, m => m.Contains(marked, StringComparison.Ordinal));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private const string AccentedTitle = "Crisis café Öffnung";

    private static readonly Lazy<string> AccentedSite = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "peercommons-search-accents-" + Guid.NewGuid().ToString("N"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(root, recursive: true); } catch (IOException) { } };
        var content = Path.Combine(root, "content");
        var source = Repo.Path("tests", "PeerCommons.Tests", "fixtures", "valid", "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(content, "projects", "crisis-cafe.md"), $"""
            ---
            title: {AccentedTitle}
            summary: "A crisis café for Māori whānau, with a later Öffnung in Köln."
            tags: [crisis]
            updated: 2026-02-01
            region: Auckland
            country: New Zealand
            status: active
            organisation_type: user-led
            populations: [Māori]
            support_formats: [group]
            roles: [volunteer]
            started: 2019
            funding: [Charitable trusts]
            contributors: [Fixture Editors]
            ---

            An evening crisis café run by peers. The Öffnung of a second café followed.
            """);
        var output = Path.Combine(root, "_site");
        var build = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = content,
            ThemeDirectory = Repo.Path("theme"),
            OutputDirectory = output,
            WriteOutput = true,
        });
        if (!build.Succeeded || !build.Written)
            throw new InvalidOperationException("building the accented fixture site failed: " + (build.FatalError ??
                string.Join(Environment.NewLine, build.Diagnostics.Select(d => d.ToString()))));
        return output;
    });
}
