using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The theme's stylesheet is kept in parts by subject (theme/assets/site/*.css) and published as one
/// site.css, so visitors make one request and a site can replace a single part (docs/theming.md).
/// </summary>
public sealed class StylesheetPartsTests
{
    private static readonly string BundledParts = Repo.Path("theme", "assets", "site");

    private static BuildResult BuildSite(string output, string? overrides) =>
        Build.Write(Build.ValidContent, output, themeOverridesDirectory: overrides);

    /// <summary>The one published site.*.css of a built site.</summary>
    private static byte[] PublishedStylesheet(string site) => File.ReadAllBytes(Assert.Single(
        Directory.GetFiles(Path.Combine(site, "assets"), "site.*.css")));

    private static string[] BundledPartNames() =>
        Directory.GetFiles(BundledParts, "*.css").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void The_parts_are_published_as_one_stylesheet_in_the_order_of_their_names()
    {
        using var temp = new TempFolder();
        var result = BuildSite(temp.Path("out"), overrides: null);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var names = BundledPartNames();
        Assert.True(names.Length > 1, "the stylesheet is kept in parts");
        var joined = names.SelectMany(n => File.ReadAllBytes(Path.Combine(BundledParts, n))).ToArray();
        Assert.Equal(joined, PublishedStylesheet(temp.Path("out")));
        // The parts themselves are not published: a page links the one stylesheet.
        Assert.False(Directory.Exists(temp.Path("out", "assets", "site")));
        var page = File.ReadAllText(temp.Path("out", "values", "mutuality", "index.html"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, @"<link[^>]+rel=""stylesheet""[^>]*>"), m => !m.Value.Contains("media=\"print\""));
        // Each part stays readable: the project's rule of at most 400 lines a file.
        foreach (var name in names)
            Assert.True(File.ReadAllLines(Path.Combine(BundledParts, name)).Length <= 400, $"theme/assets/site/{name} is over 400 lines");
    }

    [Fact]
    public void A_site_that_replaces_one_part_or_adds_one_keeps_every_other_part_in_its_place()
    {
        using var temp = new TempFolder();
        var names = BundledPartNames();
        var replaced = names[2];
        Directory.CreateDirectory(temp.Path("own", "assets", "site"));
        // Without a final line break: joining must not run it into the next part's first rule.
        File.WriteAllText(temp.Path("own", "assets", "site", replaced), ".facts { color: teal; }");
        File.WriteAllText(temp.Path("own", "assets", "site", "35-riverside.css"), ".riverside { margin: 0; }\n");

        var result = BuildSite(temp.Path("out"), temp.Path("own"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var expected = names.Take(2).Select(n => File.ReadAllText(Path.Combine(BundledParts, n)))
            .Append(".facts { color: teal; }\n")
            .Append(".riverside { margin: 0; }\n")
            .Concat(names.Skip(3).Select(n => File.ReadAllText(Path.Combine(BundledParts, n))));
        Assert.Equal(string.Concat(expected), System.Text.Encoding.UTF8.GetString(PublishedStylesheet(temp.Path("out"))));
    }

    [Fact]
    public void A_sites_whole_site_css_replaces_all_the_parts()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("own", "assets"));
        File.WriteAllText(temp.Path("own", "assets", "site.css"), "body { margin: 0; }\n");

        var result = BuildSite(temp.Path("out"), temp.Path("own"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        Assert.Equal("body { margin: 0; }\n", System.Text.Encoding.UTF8.GetString(PublishedStylesheet(temp.Path("out"))));
    }
}
