using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>The valid fixture, built once into a temp folder for all tests of <see cref="ValidSiteTests"/>.</summary>
public class BuiltValidSite : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, IHtmlDocument> _documents = new(StringComparer.Ordinal);

    public BuiltValidSite() : this(Build.ValidContent) { }

    /// <summary>Builds another fixture's content the same way.</summary>
    protected BuiltValidSite(string content)
    {
        Output = _temp.Path("_site");
        Result = Build.Write(content, Output);
        if (Directory.Exists(Output))
            foreach (var file in Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories))
                _documents[Rel(file)] = new HtmlParser().ParseDocument(File.ReadAllText(file));
    }

    public string Output { get; }
    public BuildResult Result { get; }

    /// <summary>Every HTML page, by path below the site root ('/' separators).</summary>
    public IReadOnlyDictionary<string, IHtmlDocument> Pages => _documents;

    public IHtmlDocument Page(string path) =>
        _documents.TryGetValue(path, out var document) ? document : throw new Xunit.Sdk.XunitException($"no page {path}; pages: {string.Join(", ", _documents.Keys)}");

    public string Rel(string full) => Path.GetRelativePath(Output, full).Replace('\\', '/');

    public bool Exists(string path) => File.Exists(Path.Combine(Output, path));

    /// <summary>Resolves a relative link from a page to a path below the site root (fragment removed), or null above the root.</summary>
    public static string? Resolve(string page, string href)
    {
        var cut = href.IndexOfAny(['#', '?']);
        var path = cut < 0 ? href : href[..cut];
        if (path.Length == 0) return page;
        var baseUri = new Uri("http://site.invalid/" + page);
        var resolved = new Uri(baseUri, Uri.UnescapeDataString(path).Replace("%", "%25"));
        if (resolved.Host != "site.invalid") return null;
        var local = Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/'));
        // climbing above the root is clamped by Uri; detect it by counting
        var depth = page.Count(c => c == '/');
        var ups = 0;
        foreach (var segment in path.Split('/')) if (segment == "..") ups++; else break;
        return ups > depth ? null : local;
    }

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ValidSiteTests(BuiltValidSite site) : IClassFixture<BuiltValidSite>
{
    [Fact]
    public void The_valid_fixture_builds_without_diagnostics()
    {
        Assert.True(site.Result.Succeeded, Build.Describe(site.Result.Diagnostics) + site.Result.FatalError);
        Assert.Empty(site.Result.Diagnostics);
        Assert.True(site.Result.Written);
    }

    public static TheoryData<string> EntryPages() =>
    [
        "projects/wish/index.html", "projects/listening-space/index.html",
        "values/mutuality/index.html", "values/shared-power/index.html",
        "history/first-group/index.html", "history/growth-decade/index.html",
        "curricula/peer-basics/index.html", "curricula/peer-basics/trainer/index.html",
        "curricula/peer-basics/listening/index.html", "curricula/peer-basics/boundaries/index.html", "curricula/peer-basics/endings/index.html",
        "curricula/peer-basics/trainer/listening/index.html", "curricula/peer-basics/trainer/boundaries/index.html", "curricula/peer-basics/trainer/endings/index.html",
        "communities/hearing-voices-group/index.html", "communities/carers-network/index.html",
        "pages/about/index.html",
        // lists, tags, home, bibliography, 404, the alias redirect
        "index.html", "404.html", "projects/index.html", "values/index.html", "history/index.html", "curricula/index.html", "communities/index.html",
        "tags/index.html", "tags/power/index.html", "tags/values/index.html", "tags/training/index.html", "sources/index.html",
        "values/reciprocity/index.html",
    ];

    [Theory]
    [MemberData(nameof(EntryPages))]
    public void Every_expected_page_exists_and_is_a_complete_document(string path)
    {
        var page = site.Page(path);
        Assert.NotNull(page.QuerySelector("html[lang='en-GB'] head title"));
        Assert.NotEmpty(page.Title!);
        Assert.NotNull(page.QuerySelector("main"));
    }

    [Fact]
    public void Entry_pages_show_their_titles()
    {
        Assert.Equal("WISH peer project", site.Page("projects/wish/index.html").QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Listening", site.Page("curricula/peer-basics/listening/index.html").QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("About this commons", site.Page("pages/about/index.html").QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public void Annotations_get_no_page_of_their_own()
    {
        Assert.False(Directory.Exists(Path.Combine(site.Output, "annotations")));
    }

    [Fact]
    public void Kind_lists_link_every_entry_of_the_kind()
    {
        var hrefs = Links(site.Page("values/index.html"), "main a").Select(h => BuiltValidSite.Resolve("values/index.html", h)).ToHashSet();
        Assert.Contains("values/mutuality/index.html", hrefs);
        Assert.Contains("values/shared-power/index.html", hrefs);
        var history = Links(site.Page("history/index.html"), "main a").Select(h => BuiltValidSite.Resolve("history/index.html", h)).ToList();
        // history is listed by date: 1975-03 before 1990/2000
        Assert.True(history.IndexOf("history/first-group/index.html") < history.IndexOf("history/growth-decade/index.html"));
    }

    [Fact]
    public void Tag_pages_list_the_tagged_entries()
    {
        var targets = Links(site.Page("tags/power/index.html"), "main a").Select(h => BuiltValidSite.Resolve("tags/power/index.html", h)).ToHashSet();
        Assert.Contains("values/mutuality/index.html", targets);
        Assert.Contains("projects/wish/index.html", targets);
        Assert.DoesNotContain("values/shared-power/index.html", targets);
    }

    [Fact]
    public void Empty_xref_text_shows_the_target_title_and_links_to_an_existing_page()
    {
        const string from = "projects/wish/index.html";
        var body = site.Page(from).QuerySelector(".entry-body")!;
        var link = body.QuerySelectorAll("a").First(a => a.TextContent == "Mutuality");
        var href = link.GetAttribute("href")!;
        Assert.False(href.StartsWith('/'));
        Assert.Equal("values/mutuality/index.html", BuiltValidSite.Resolve(from, href));
        Assert.True(site.Exists(BuiltValidSite.Resolve(from, href)!));

        var history = body.QuerySelectorAll("a").First(a => a.TextContent == "The first self-help group");
        Assert.Equal("history/first-group/index.html", BuiltValidSite.Resolve(from, history.GetAttribute("href")!));

        // an xref with text and an #anchor keeps both, and the anchor names a heading of the target
        var anchored = body.QuerySelectorAll("a").First(a => a.TextContent == "the tensions");
        Assert.EndsWith("#tensions", anchored.GetAttribute("href"));
        var target = site.Page(BuiltValidSite.Resolve(from, anchored.GetAttribute("href")!)!);
        var heading = target.GetElementById("tensions")!;
        Assert.Equal("h2", heading.LocalName);
        Assert.StartsWith("Tensions", heading.TextContent.Trim());
    }

    [Fact]
    public void Module_xref_from_a_module_resolves_to_the_module_page()
    {
        const string from = "curricula/peer-basics/boundaries/index.html";
        var link = site.Page(from).QuerySelector(".entry-body a, main article a[href*='listening']")!;
        var resolved = BuiltValidSite.Resolve(from, link.GetAttribute("href")!);
        Assert.Equal("curricula/peer-basics/listening/index.html", resolved);
        Assert.EndsWith("#practice", link.GetAttribute("href"));
        Assert.Equal("Listening", link.TextContent);
    }

    [Fact]
    public void Headings_get_stable_ids_with_explicit_ids_winning()
    {
        var page = site.Page("values/mutuality/index.html");
        var ids = page.QuerySelectorAll("main h2[id], main h3[id]").Select(h => h.Id).ToList();
        Assert.Contains("what-it-means-in-practice", ids);
        Assert.Contains("tensions", ids);
        Assert.Contains("tensions-2", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Citations_link_to_the_page_source_list_which_links_to_the_bibliography()
    {
        const string from = "values/mutuality/index.html";
        var page = site.Page(from);
        var citations = page.QuerySelectorAll(".citation a").ToList();
        Assert.NotEmpty(citations);
        foreach (var a in citations)
        {
            var href = a.GetAttribute("href")!;
            Assert.StartsWith("#cite-", href);
            var li = page.GetElementById(href[1..]);
            Assert.NotNull(li);
            Assert.Equal("li", li.LocalName);
            // the page's list shows the work as the bibliography does, and the bibliography has it
            var key = href["#cite-".Length..];
            var inBibliography = site.Page("sources/index.html").GetElementById(key);
            Assert.NotNull(inBibliography);
            Assert.Equal(inBibliography.TextContent, li.TextContent);
        }
        // one link to the bibliography for the whole list, not one per work
        var toBibliography = page.QuerySelectorAll(".cited-sources a")
            .Select(a => a.GetAttribute("href")!).Where(h => h.Contains("sources/")).ToList();
        Assert.Equal("sources/index.html", BuiltValidSite.Resolve(from, Assert.Single(toBibliography)));
        // [@smith-2010; @jones-brown-2015] is one citation with two works; [@jones-brown-2015, p. 3] keeps its locator
        Assert.Contains(page.QuerySelectorAll(".citation"), c => c.QuerySelectorAll("a").Length == 2);
        Assert.Contains(page.QuerySelectorAll(".citation"), c => c.TextContent.Contains("p. 3"));
        Assert.Equal(["cite-jones-brown-2015", "cite-smith-2010"],
            page.QuerySelectorAll("li[id^='cite-']").Select(li => li.Id!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_bibliography_lists_every_work()
    {
        var page = site.Page("sources/index.html");
        foreach (var key in new[] { "smith-2010", "jones-brown-2015", "doe-etal-2020" })
            Assert.NotNull(page.GetElementById(key));
    }

    [Fact]
    public void A_project_has_a_facts_box_with_its_fields()
    {
        var facts = site.Page("projects/wish/index.html").QuerySelector(".facts dl")!;
        var labels = facts.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
        foreach (var label in new[] { "Region", "Country", "Status", "Organisation", "Started", "Populations", "Support formats", "Roles", "Funding", "Website", "Values" })
            Assert.Contains(label, labels);
        string Value(string label) => facts.QuerySelectorAll("dt").First(dt => dt.TextContent.Trim() == label).NextElementSibling!.TextContent.Trim();
        Assert.Equal("London", Value("Region"));
        Assert.Equal("1987", Value("Started"));
        Assert.Contains("Shared power", Value("Values"));
    }

    [Fact]
    public void A_history_event_shows_its_date_and_place()
    {
        var facts = site.Page("history/first-group/index.html").QuerySelector(".facts")!;
        Assert.Contains("March 1975", facts.TextContent);
        Assert.Contains("Manchester", facts.TextContent);
    }

    [Fact]
    public void The_learner_module_has_no_facilitator_text_and_the_trainer_module_has_it()
    {
        var learner = site.Page("curricula/peer-basics/listening/index.html");
        Assert.DoesNotContain("SECRET-FACILITATOR-NOTE", learner.DocumentElement.OuterHtml);
        Assert.Contains("Then swap roles.", learner.Body!.TextContent);
        var trainer = site.Page("curricula/peer-basics/trainer/listening/index.html");
        var aside = trainer.QuerySelector("aside.facilitator")!;
        Assert.Contains("SECRET-FACILITATOR-NOTE", aside.TextContent);
        // no learner-facing page anywhere carries the note
        foreach (var (path, page) in site.Pages.Where(p => !p.Key.Contains("/trainer/")))
            Assert.False(page.DocumentElement.OuterHtml.Contains("SECRET-FACILITATOR-NOTE"), path);
    }

    [Fact]
    public void Annotations_appear_on_their_target_with_a_link_to_their_community()
    {
        const string from = "values/mutuality/index.html";
        var page = site.Page(from);
        var annotation = page.GetElementById("annotation-hearing-voices-group-mutuality-tensions")!;
        Assert.Contains("HEARING-VOICES-ANNOTATION", annotation.TextContent);
        var community = annotation.QuerySelectorAll("a").Select(a => BuiltValidSite.Resolve(from, a.GetAttribute("href")!)).ToList();
        Assert.Contains("communities/hearing-voices-group/index.html", community);
        // aimed at the #tensions section: it links to that heading
        Assert.Contains(annotation.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#tensions");

        var module = site.Page("curricula/peer-basics/listening/index.html");
        Assert.Contains("CARERS-QUESTION", module.Body!.TextContent);
        Assert.Contains(module.QuerySelectorAll("a"), a => BuiltValidSite.Resolve("curricula/peer-basics/listening/index.html", a.GetAttribute("href") ?? "#") == "communities/carers-network/index.html");
    }

    [Fact]
    public void A_community_compiled_from_research_says_so()
    {
        Assert.Contains("compiled from published research", site.Page("communities/carers-network/index.html").Body!.TextContent);
        Assert.DoesNotContain("compiled from published research", site.Page("communities/hearing-voices-group/index.html").Body!.TextContent);
    }

    [Fact]
    public void An_alias_becomes_a_redirect_to_its_entry()
    {
        const string from = "values/reciprocity/index.html";
        var page = site.Page(from);
        var refresh = page.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content")!;
        var url = refresh[(refresh.IndexOf("url=", StringComparison.OrdinalIgnoreCase) + 4)..];
        Assert.Equal("values/mutuality/index.html", BuiltValidSite.Resolve(from, url));
    }

    [Fact]
    public void The_feed_is_atom_with_the_updated_entries_newest_first()
    {
        var feed = XDocument.Load(Path.Combine(site.Output, "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal(["Tensions we felt", "Peer basics", "WISH peer project", "Mutuality", "The first self-help group"],
            entries.Select(e => e.Element(atom + "title")!.Value));
        var updated = entries.Select(e => DateTime.Parse(e.Element(atom + "updated")!.Value)).ToList();
        Assert.Equal(updated.OrderByDescending(d => d), updated);
        foreach (var entry in entries)
        {
            var href = entry.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value;
            var target = BuiltValidSite.Resolve("feed.xml", href);
            Assert.NotNull(target);
            Assert.True(site.Exists(target), href);
        }
    }

    [Fact]
    public void The_sitemap_lists_every_public_page_and_no_trainer_page()
    {
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        foreach (var loc in locs)
            Assert.True(site.Exists(PeerCommons.Render.SitePaths.FileOf(loc)), loc);
        foreach (var expected in new[] { "", "values/mutuality/", "curricula/peer-basics/listening/", "tags/power/", "sources/", "pages/about/" })
            Assert.Contains(expected, locs);
        Assert.DoesNotContain(locs, l => l.Contains("/trainer/"));
    }

    [Fact]
    public void Every_link_is_relative_and_resolves_to_a_file_of_the_site()
    {
        var problems = new List<string>();
        foreach (var (path, page) in site.Pages)
        {
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                foreach (var name in new[] { "href", "src" })
                {
                    var value = element.GetAttribute(name);
                    if (value is null) continue;
                    if (value.StartsWith('/')) { problems.Add($"{path}: {element.LocalName} {name}='{value}' is root-relative"); continue; }
                    if (System.Text.RegularExpressions.Regex.IsMatch(value, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
                    {
                        // Only links (never loaded resources) may go to other hosts.
                        var ok = name == "href" && element.LocalName is "a" && (value.StartsWith("https://") || value.StartsWith("http://") || value.StartsWith("mailto:"));
                        if (!ok) problems.Add($"{path}: {element.LocalName} {name}='{value}' is absolute");
                        continue;
                    }
                    var target = BuiltValidSite.Resolve(path, value);
                    // The 404 page's root probes climb on purpose: one per depth of a missing address (see not-found.js).
                    if (target is null && path == "404.html" && element.HasAttribute("data-root-probe") && value.EndsWith(".js", StringComparison.Ordinal))
                        target = BuiltValidSite.Resolve(path, value.Replace("../", ""));
                    if (target is null) { problems.Add($"{path}: '{value}' climbs above the site root"); continue; }
                    if (!site.Exists(target)) { problems.Add($"{path}: '{value}' -> {target} does not exist"); continue; }
                    var hash = value.IndexOf('#');
                    if (hash >= 0 && target.EndsWith(".html") && site.Pages.TryGetValue(target, out var targetPage)
                        && targetPage.GetElementById(Uri.UnescapeDataString(value[(hash + 1)..])) is null)
                        problems.Add($"{path}: '{value}' -> no id '{value[(hash + 1)..]}' in {target}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void External_links_come_only_from_content_and_site_settings()
    {
        var hosts = site.Pages.Values.SelectMany(p => p.QuerySelectorAll("a[href^='http']"))
            .Select(a => new Uri(a.GetAttribute("href")!).Host).ToHashSet();
        // example.org (content, websites, sources' url), doi.org (sources' doi), github.com (repo_url), the quick-exit site
        Assert.Subset(new HashSet<string> { "example.org", "doi.org", "github.com", "www.bbc.co.uk" }, hosts);
        Assert.Contains("doi.org", hosts);
    }

    [Fact]
    public void Pages_have_no_inline_script_no_event_handlers_and_no_style_attributes()
    {
        foreach (var (path, page) in site.Pages)
        {
            foreach (var script in page.QuerySelectorAll("script"))
                Assert.True(script.HasAttribute("src") || script.GetAttribute("type") == "application/ld+json",
                    $"{path}: inline <script> {script.OuterHtml[..Math.Min(80, script.OuterHtml.Length)]}");
            foreach (var element in page.QuerySelectorAll("*"))
            {
                Assert.False(element.HasAttribute("style"), $"{path}: <{element.LocalName} style>");
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            }
            Assert.Empty(page.QuerySelectorAll("iframe, object, embed"));
        }
    }

    [Fact]
    public void Home_links_to_every_kind_list()
    {
        var targets = Links(site.Page("index.html"), "a").Select(h => BuiltValidSite.Resolve("index.html", h)).ToHashSet();
        foreach (var list in new[] { "projects/index.html", "values/index.html", "history/index.html", "curricula/index.html", "communities/index.html" })
            Assert.Contains(list, targets);
    }

    private static IEnumerable<string> Links(IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")).OfType<string>().Where(h => !h.Contains(':'));
}
