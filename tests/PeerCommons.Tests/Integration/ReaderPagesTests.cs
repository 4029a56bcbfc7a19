using PeerCommons.Diagnostics;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// Issue 18 in the generated HTML: the crisis words site.yaml gives the search page, the home page for a
/// first visit, the history list's count, the 404 page without a base element, and the favicon.
/// </summary>
public sealed class ReaderPagesTests
{
    private const string HelpLink = "help_link:\n  url: https://example.org/help\n  text: Help\n";

    private static TempFolder Content(string site, params (string Path, string Text)[] files)
    {
        var temp = new TempFolder();
        temp.Write("content/site.yaml", site);
        foreach (var (path, text) in files) temp.Write("content/" + path, text);
        return temp;
    }

    private static string Entry(string title, string extra = "") => $"---\ntitle: {title}\nsummary: \"About {title}.\"\n{extra}---\nBody.\n";

    private static string BuildPage(TempFolder temp, string page)
    {
        var result = Build.Write(temp.Path("content"), temp.Path("_site"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        return File.ReadAllText(temp.Path("_site", page));
    }

    [Fact]
    public void The_search_page_carries_the_crisis_words_of_site_yaml_or_the_default_ones()
    {
        using (var temp = Content("title: T\n" + HelpLink + "crisis_words: [Suicide, \"self harm\", overdose]\n", ("values/a.md", Entry("A"))))
            Assert.Contains("data-crisis-words=\"suicide|self harm|overdose\"", BuildPage(temp, "search/index.html"));
        using (var temp = Content("title: T\n" + HelpLink, ("values/a.md", Entry("A"))))
        {
            var html = BuildPage(temp, "search/index.html");
            Assert.Contains("data-crisis-words=\"suicide|suicidal|kill myself", html);
            Assert.Contains("<a href=\"https://example.org/help\">Help</a>", html);
        }
    }

    [Theory]
    [InlineData("crisis_words: suicide\n", 2, 15)]
    [InlineData("crisis_words: [suicide, \"\"]\n", 2, 15)]
    [InlineData("crisis_words: []\n", 2, 15)]
    public void Crisis_words_that_are_not_a_list_of_words_are_a_located_error(string line, int row, int column)
    {
        using var temp = Content("title: T\n" + line, ("values/a.md", Entry("A")));
        var d = Assert.Single(Build.Check(temp.Path("content")).Diagnostics);
        Assert.Equal((Codes.WrongType, row, column), (d.Code, d.Line, d.Column));
        Assert.Contains("'crisis_words' must be a list", d.Message);
    }

    [Fact]
    public void The_home_page_gives_counts_see_all_links_and_the_help_link_and_recency_only_where_dates_differ()
    {
        using var temp = Content("title: T\n" + HelpLink,
            ("values/a.md", Entry("Alpha", "updated: 2026-01-01\n")), ("values/b.md", Entry("Beta", "updated: 2026-01-01\n")),
            ("projects/x.md", Entry("Xylo", "updated: 2025-05-01\n")), ("projects/y.md", Entry("Yarrow", "updated: 2026-03-01\n")),
            ("projects/z.md", Entry("Zed", "updated: 2024-01-01\n")));
        var html = BuildPage(temp, "index.html");
        Assert.Contains("See all 2 values", html);
        Assert.Contains("See all 3 projects", html);
        Assert.Contains("href=\"values/index.html\"", html);
        Assert.Contains("needs support now: <a href=\"https://example.org/help\">Help</a>", html);
        var projects = html[html.IndexOf("id=\"home-projects\"", StringComparison.Ordinal)..html.IndexOf("id=\"home-values\"", StringComparison.Ordinal)];
        Assert.Contains("Recently updated", projects);
        Assert.True(projects.IndexOf("Yarrow", StringComparison.Ordinal) < projects.IndexOf("Xylo", StringComparison.Ordinal), "projects are not newest first");
        // Every value has the same date: listing them as "recent" would only be alphabetical.
        var values = html[html.IndexOf("id=\"home-values\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Recently updated", values[..values.IndexOf("</section>", StringComparison.Ordinal)]);
        Assert.DoesNotContain("Alpha", values[..values.IndexOf("</section>", StringComparison.Ordinal)]);
    }

    [Fact]
    public void The_history_list_counts_history_entries()
    {
        using var temp = Content("title: T\n",
            ("history/a.md", Entry("A", "date: 1990\n")), ("history/b.md", Entry("B", "date: 1991\n")));
        Assert.Contains("<p class=\"summary\">2 history entries</p>", BuildPage(temp, "history/index.html"));
    }

    [Fact]
    public void The_404_page_has_no_base_element_even_with_a_base_url_and_every_page_links_the_favicon()
    {
        using var temp = Content("title: T\nbase_url: https://example.org/elsewhere/\n", ("values/a.md", Entry("A")));
        var notFound = BuildPage(temp, "404.html");
        Assert.DoesNotContain("<base", notFound);
        Assert.Matches("<script data-root-probe src=\"assets/not-found\\.[0-9a-f]{10}\\.js\" defer>", notFound);
        Assert.Matches("<script data-root-probe src=\"(\\.\\./){6}assets/not-found\\.[0-9a-f]{10}\\.js\" defer>", notFound);
        var value = File.ReadAllText(temp.Path("_site", "values", "a", "index.html"));
        var favicon = System.Text.RegularExpressions.Regex.Match(value, "<link rel=\"icon\" href=\"\\.\\./\\.\\./(assets/favicon\\.[0-9a-f]{10}\\.svg)\" type=\"image/svg\\+xml\">");
        Assert.True(favicon.Success, "no favicon link on an entry page");
        Assert.True(File.Exists(temp.Path("_site", favicon.Groups[1].Value)));
    }
}
