using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PeerCommons.Browser.Tests.Support;

/// <summary>
/// The page templates the tests cover, each with one real page of the built starter site that uses it.
/// Pages are found in the output by the template and kind classes the layout puts on body, so the tests
/// follow the content instead of naming entries; where a template has many pages, the richest (largest)
/// is taken. A template with no page is an error, never a skipped test.
/// </summary>
public static class SitePages
{
    public static readonly string[] Keys =
    [
        "home",
        "list-projects", "list-values", "list-history", "list-curricula", "list-communities",
        "entry-project", "entry-value", "entry-history", "entry-page", "entry-community",
        "curriculum", "curriculum-trainer", "module-learner", "module-trainer",
        "tags", "tag", "sources", "search", "curriculum-print", "404", "help", "propose",
        PagedListKey, PagedValueKey, PagedValueListKey,
    ];

    /// <summary>Page 2 of a list split into pages: the starter lists fit on one, so <see cref="SiteFixture"/> builds a small site with one entry per page.</summary>
    public const string PagedListKey = "list-page-2";

    /// <summary>A value whose related list is split into pages (its page is page 1, with a pager), from the same small site.</summary>
    public const string PagedValueKey = "entry-value-paged";

    /// <summary>Page 2 of a value's related list, from the same small site.</summary>
    public const string PagedValueListKey = "value-list-page-2";

    /// <summary>The pages of the visual check.</summary>
    public static readonly string[] ScreenshotKeys = ["home", "entry-project", "module-trainer", "search"];

    /// <summary>The "search" page is opened with this query, so it shows results.</summary>
    public const string SearchQuery = "peer support";

    public static IEnumerable<object[]> All => Keys.Select(k => new object[] { k });

    public static (IReadOnlyDictionary<string, string> Pages, string QuickExitUrl) Discover(string siteDirectory)
    {
        var parser = new HtmlParser();
        var pages = new List<(string Path, long Size, string[] Classes, IDocument Doc)>();
        foreach (var file in Directory.EnumerateFiles(siteDirectory, "*.html", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(siteDirectory, file).Replace('\\', '/');
            var doc = parser.ParseDocument(File.ReadAllText(file));
            var classes = (doc.Body?.ClassName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            pages.Add((path, new FileInfo(file).Length, classes, doc));
        }
        pages.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        string Pick(string key, Func<(string Path, long Size, string[] Classes, IDocument Doc), bool> match)
        {
            var found = pages.Where(match).OrderByDescending(p => p.Size).ThenBy(p => p.Path, StringComparer.Ordinal).Select(p => p.Path).FirstOrDefault();
            return found ?? throw new InvalidOperationException($"the built site has no page for the template '{key}'");
        }
        bool Has(string[] classes, params string[] wanted) => wanted.All(classes.Contains);

        var map = new Dictionary<string, string>
        {
            ["home"] = Pick("home", p => Has(p.Classes, "template-home")),
            ["tags"] = Pick("tags", p => Has(p.Classes, "template-tags")),
            ["tag"] = Pick("tag", p => p.Path.StartsWith("tags/", StringComparison.Ordinal) && p.Path != "tags/index.html"),
            ["sources"] = Pick("sources", p => Has(p.Classes, "template-sources")),
            ["404"] = Pick("404", p => Has(p.Classes, "template-404")),
            ["search"] = Pick("search", p => Has(p.Classes, "template-search")),
            ["propose"] = Pick("propose", p => Has(p.Classes, "template-propose")),
            ["curriculum-print"] = Pick("curriculum-print", p => Has(p.Classes, "template-print")),
            ["curriculum"] = Pick("curriculum", p => Has(p.Classes, "template-curriculum", "view-learner")),
            ["curriculum-trainer"] = Pick("curriculum-trainer", p => Has(p.Classes, "template-curriculum", "view-trainer")),
            // The help page opens with the site's crisis lines, a box no other page has.
            ["help"] = Pick("help", p => p.Doc.QuerySelector(".crisis-lines") is not null),
        };
        foreach (var (kind, folder) in new[] { ("project", "projects"), ("value", "values"), ("history", "history"), ("curriculum", "curricula"), ("community", "communities") })
            map["list-" + folder] = Pick("list-" + folder, p => Has(p.Classes, "template-list", "kind-" + kind) && p.Path == folder + "/index.html");
        foreach (var kind in new[] { "project", "value", "history", "page", "community" })
            map["entry-" + kind] = Pick("entry-" + kind, p => Has(p.Classes, "template-entry", "kind-" + kind));

        // A trainer-view module with facilitator notes, and the same module in the learner view.
        var trainer = Pick("module-trainer", p => Has(p.Classes, "template-module", "view-trainer") && p.Doc.QuerySelector(".facilitator") is not null);
        map["module-trainer"] = trainer;
        var trainerDoc = pages.First(p => p.Path == trainer).Doc;
        var switchHref = trainerDoc.QuerySelector("a[data-view-switch]")?.GetAttribute("href")
            ?? throw new InvalidOperationException($"{trainer} has no view switch");
        var learner = new Uri(new Uri("http://x/" + trainer), switchHref).AbsolutePath.TrimStart('/');
        if (!pages.Any(p => p.Path == learner && Has(p.Classes, "template-module", "view-learner")))
            throw new InvalidOperationException($"the view switch of {trainer} leads to {learner}, which is not a learner-view module");
        map["module-learner"] = learner;

        // The paged pages come from the small site SiteFixture builds beside the starter.
        var missing = Keys.Except(map.Keys).Except([PagedListKey, PagedValueKey, PagedValueListKey]).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("no page found for " + string.Join(", ", missing));

        var home = pages.First(p => p.Path == map["home"]).Doc;
        var exit = home.QuerySelector("a[data-quick-exit]")?.GetAttribute("href")
            ?? throw new InvalidOperationException("the home page has no [data-quick-exit] link");
        return (map, exit);
    }
}
