using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The valid fixture, copied and given what a published site has: a base_url, an alias on a renamed
/// module, and a second annotation aimed at a section of a module. Built once for
/// <see cref="CurriculumAndAnnotationStructureTests"/>.
/// </summary>
public sealed class PublishedFixtureSite : IDisposable
{
    public const string BaseUrl = "https://fixture.example/commons/";
    public const string OldModule = "curricula/peer-basics/active-listening";

    private readonly TempFolder _temp = new();
    private readonly Dictionary<string, IHtmlDocument> _documents = new(StringComparer.Ordinal);

    public PublishedFixtureSite()
    {
        var content = _temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        File.AppendAllText(Path.Combine(content, "site.yaml"), "\nbase_url: " + BaseUrl + "\n");
        var module = Path.Combine(content, "curricula", "peer-basics", "01-listening.md");
        File.WriteAllText(module, Regex.Replace(File.ReadAllText(module), @"^title: Listening\r?\n",
            "title: Listening\naliases: [" + OldModule + "]\n", RegexOptions.Multiline));
        _temp.Write("content/annotations/hearing-voices-group/practice-in-pairs.md", """
            ---
            title: Pairs of voice hearers
            target: curricula/peer-basics/listening#practice
            type: adaptation
            updated: 2026-05-02
            ---

            PAIRS-ADAPTATION: we pair people who both hear voices.
            """);
        _temp.Write("content/annotations/carers-network/mutuality-for-carers.md", """
            ---
            title: Mutuality with carers
            target: values/mutuality
            type: caution
            ---

            CARERS-CAUTION: carers are not always peers.
            """);

        Output = _temp.Path("_site");
        Result = Build.Write(content, Output);
        if (Directory.Exists(Output))
            foreach (var file in Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories))
                _documents[Path.GetRelativePath(Output, file).Replace('\\', '/')] = new HtmlParser().ParseDocument(File.ReadAllText(file));
    }

    public string Output { get; }
    public BuildResult Result { get; }

    public IHtmlDocument Page(string path) =>
        _documents.TryGetValue(path, out var document) ? document : throw new Xunit.Sdk.XunitException($"no page {path}; pages: {string.Join(", ", _documents.Keys)}");

    public string Text(string path) => File.ReadAllText(Path.Combine(Output, path));

    public void Dispose() => _temp.Dispose();
}

/// <summary>Issue 4 (curricula) and issue 5 (annotations): the structure of the rendered pages.</summary>
public sealed class CurriculumAndAnnotationStructureTests(PublishedFixtureSite site) : IClassFixture<PublishedFixtureSite>
{
    private const string Curriculum = "curricula/peer-basics/index.html";
    private const string TrainerCurriculum = "curricula/peer-basics/trainer/index.html";
    private static readonly string[] ModuleIds = ["listening", "boundaries", "endings"];

    private static string Squash(string? text) => Regex.Replace(text ?? "", @"\s+", " ").Trim();

    [Fact]
    public void The_published_fixture_builds_without_diagnostics()
    {
        Assert.True(site.Result.Succeeded, Build.Describe(site.Result.Diagnostics) + site.Result.FatalError);
        Assert.Empty(site.Result.Diagnostics);
    }

    [Theory]
    [InlineData(Curriculum)]
    [InlineData(TrainerCurriculum)]
    public void The_schedule_lists_modules_in_order_with_durations_cumulative_time_and_the_total(string path)
    {
        var schedule = site.Page(path).QuerySelector("section.schedule")!;
        var rows = schedule.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(ModuleIds.Select(m => "module-" + m), rows.Select(r => r.Id));
        Assert.Equal(["Listening", "Boundaries", "Endings"], rows.Select(r => Squash(r.QuerySelector("th")!.TextContent)));
        // 90, 60 and 45 minutes: 90, 150, 195 so far; 195 in total.
        Assert.Equal(["1 h 30 min", "1 h", "45 min"], rows.Select(r => Squash(r.QuerySelector("td[data-label='Duration']")!.TextContent)));
        Assert.Equal(["1 h 30 min", "2 h 30 min", "3 h 15 min"], rows.Select(r => Squash(r.QuerySelector("td[data-label='Total so far']")!.TextContent)));
        Assert.Equal("3 h 15 min", Squash(schedule.QuerySelector("tfoot td")!.TextContent));
        Assert.Contains("3 h 15 min in total", schedule.QuerySelector("caption")!.TextContent);
        // The objectives of each module are in its row.
        Assert.Equal("Listen without fixing", Squash(rows[0].QuerySelector("td[data-label='Objectives'] li")!.TextContent));
    }

    [Fact]
    public void Each_module_has_a_learner_and_a_trainer_url_and_the_views_link_each_other()
    {
        foreach (var mid in ModuleIds)
        {
            var learnerPath = $"curricula/peer-basics/{mid}/index.html";
            var trainerPath = $"curricula/peer-basics/trainer/{mid}/index.html";
            var learner = site.Page(learnerPath);
            var trainer = site.Page(trainerPath);
            Assert.Contains("view-learner", learner.Body!.ClassList);
            Assert.Contains("view-trainer", trainer.Body!.ClassList);
            Assert.Equal(trainerPath, BuiltValidSite.Resolve(learnerPath, learner.QuerySelector("a[data-view-switch]")!.GetAttribute("href")!));
            Assert.Equal(learnerPath, BuiltValidSite.Resolve(trainerPath, trainer.QuerySelector("a[data-view-switch]")!.GetAttribute("href")!));
            Assert.Equal(Squash(learner.QuerySelector("main h1")!.TextContent), Squash(trainer.QuerySelector("main h1")!.TextContent));
            // The trainer view is not indexed and names the learner page as canonical, but copies its own address.
            Assert.NotNull(trainer.QuerySelector("meta[name='robots'][content='noindex']"));
            Assert.Equal($"{PublishedFixtureSite.BaseUrl}curricula/peer-basics/{mid}/", learner.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
            Assert.Equal($"{PublishedFixtureSite.BaseUrl}curricula/peer-basics/{mid}/", learner.Body!.GetAttribute("data-page-url"));
            Assert.Equal($"{PublishedFixtureSite.BaseUrl}curricula/peer-basics/trainer/{mid}/", trainer.Body!.GetAttribute("data-page-url"));
        }
        Assert.Equal(TrainerCurriculum, BuiltValidSite.Resolve(Curriculum, site.Page(Curriculum).QuerySelector("a[data-view-switch]")!.GetAttribute("href")!));
    }

    [Fact]
    public void Objectives_have_stable_anchors_free_of_the_order_prefix()
    {
        var page = site.Page("curricula/peer-basics/listening/index.html");
        var objective = page.QuerySelector("section.objectives li")!;
        Assert.Equal("objective-1", objective.Id);
        Assert.Equal("Listen without fixing", Squash(objective.TextContent));
        Assert.Same(objective, page.GetElementById("objective-1"));
        // No id or address anywhere carries the 01- file prefix.
        foreach (var path in new[] { Curriculum, TrainerCurriculum, "curricula/peer-basics/listening/index.html", "curricula/peer-basics/print/index.html" })
        {
            var doc = site.Page(path);
            Assert.DoesNotContain(doc.QuerySelectorAll("[id]"), e => Regex.IsMatch(e.Id!, @"(^|-)0\d-"));
            Assert.DoesNotContain(doc.QuerySelectorAll("a[href]:not([href^='http'])"), a => a.GetAttribute("href")!.Contains("01-", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("curricula/peer-basics/print/index.html", false)]
    [InlineData("curricula/peer-basics/trainer/print/index.html", true)]
    public void The_print_page_holds_every_module_in_order_with_unique_ids(string path, bool trainer)
    {
        var page = site.Page(path);
        Assert.Contains("template-print", page.Body!.ClassList);
        var modules = page.QuerySelectorAll("section.print-module").ToList();
        Assert.Equal(ModuleIds.Select(m => "module-" + m), modules.Select(m => m.Id));
        Assert.Equal(["Module 1: Listening", "Module 2: Boundaries", "Module 3: Endings"], modules.Select(m => Squash(m.QuerySelector("h2")!.TextContent)));
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // In-page links of the schedule lead to the modules.
        Assert.Equal(ModuleIds.Select(m => "#module-" + m), page.QuerySelectorAll("section.schedule a").Select(a => a.GetAttribute("href")));
        // The online version, with its QR code, is on the cover; facilitator notes only in the trainer version.
        var online = page.QuerySelector(".print-online")!;
        Assert.Contains(PublishedFixtureSite.BaseUrl + "curricula/peer-basics/", online.TextContent);
        Assert.NotNull(online.QuerySelector("img.qr-code[alt]"));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(Path.Combine(site.Output, path))!, online.QuerySelector("img.qr-code")!.GetAttribute("src")!)));
        Assert.Equal(trainer, page.DocumentElement.OuterHtml.Contains("SECRET-FACILITATOR-NOTE", StringComparison.Ordinal));
    }

    [Fact]
    public void The_curriculum_carries_Course_json_ld_that_parses()
    {
        var script = site.Page(Curriculum).QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        var course = json.RootElement;
        Assert.Equal("https://schema.org", course.GetProperty("@context").GetString());
        Assert.Equal("Course", course.GetProperty("@type").GetString());
        Assert.Equal("Peer basics", course.GetProperty("name").GetString());
        Assert.Equal(PublishedFixtureSite.BaseUrl + "curricula/peer-basics/", course.GetProperty("url").GetString());
        Assert.Equal("Fixture Network", course.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal(["Listening", "Boundaries", "Endings"], course.GetProperty("syllabusSections").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("PT195M", course.GetProperty("timeRequired").GetString());
        // Only the learner curriculum page carries it (the trainer view is a second view of the same course).
        Assert.Null(site.Page(TrainerCurriculum).QuerySelector("script[type='application/ld+json']"));
    }

    [Theory]
    [InlineData(PublishedFixtureSite.OldModule, "curricula/peer-basics/listening", "Listening")]
    [InlineData("values/reciprocity", "values/mutuality", "Mutuality")]
    public void An_alias_gets_a_redirect_page_with_canonical_refresh_and_a_visible_link(string alias, string target, string title)
    {
        var from = alias + "/index.html";
        var page = site.Page(from);
        Assert.Equal($"{PublishedFixtureSite.BaseUrl}{target}/", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        var refresh = page.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content")!;
        Assert.Matches(@"^0;\s*url=", refresh);
        Assert.Equal(target + "/index.html", BuiltValidSite.Resolve(from, refresh[(refresh.IndexOf("url=", StringComparison.OrdinalIgnoreCase) + 4)..]));
        var link = page.QuerySelector("main a[href]")!;
        Assert.Equal(title, Squash(link.TextContent));
        Assert.Equal(target + "/index.html", BuiltValidSite.Resolve(from, link.GetAttribute("href")!));
        Assert.NotNull(page.QuerySelector("meta[name='robots'][content='noindex']"));
    }

    [Fact]
    public void The_netlify_redirects_file_has_a_301_for_each_alias_with_and_without_the_slash()
    {
        var lines = site.Text("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"/{PublishedFixtureSite.OldModule} /curricula/peer-basics/listening/ 301",
            $"/{PublishedFixtureSite.OldModule}/ /curricula/peer-basics/listening/ 301",
            "/values/reciprocity /values/mutuality/ 301",
            "/values/reciprocity/ /values/mutuality/ 301",
        ], lines);
    }

    [Theory]
    [InlineData("values/mutuality/index.html", "tensions", "annotation-hearing-voices-group-mutuality-tensions", "HEARING-VOICES-ANNOTATION")]
    [InlineData("curricula/peer-basics/listening/index.html", "practice", "annotation-hearing-voices-group-practice-in-pairs", "PAIRS-ADAPTATION")]
    [InlineData("curricula/peer-basics/trainer/listening/index.html", "practice", "annotation-hearing-voices-group-practice-in-pairs", "PAIRS-ADAPTATION")]
    public void An_annotation_aimed_at_a_section_sits_beside_it_with_a_marker_in_the_heading(string path, string section, string anchor, string text)
    {
        var page = site.Page(path);
        var heading = page.GetElementById(section)!;
        Assert.Equal("H2", heading.TagName);
        var note = page.GetElementById(anchor)!;
        Assert.Contains(text, note.TextContent);
        Assert.Contains("annotation-placed", note.ClassList);
        Assert.Equal("hearing-voices-group", note.GetAttribute("data-community"));
        // Beside its section: in the body, after the heading and before the next heading of that level.
        Assert.NotNull(note.Closest(".entry-body"));
        Assert.Null(note.Closest("#pc-in-communities"));
        var next = heading.NextElementSibling;
        while (next is not null && next != note && next.TagName != "H2") next = next.NextElementSibling;
        Assert.Same(note, next);
        // The heading carries a marker that jumps to it; the note links back to its section.
        Assert.Equal("#" + anchor, heading.QuerySelector("a.annotation-marker")!.GetAttribute("href"));
        Assert.Contains(note.QuerySelectorAll(".annotation-meta a"), a => a.GetAttribute("href") == "#" + section);
        // Listed in "In communities" too, and the filters have their (script-filled) container there.
        var inCommunities = page.GetElementById("pc-in-communities")!;
        Assert.Contains(inCommunities.QuerySelectorAll(".annotation-index a"), a => a.GetAttribute("href") == "#" + anchor);
        Assert.NotNull(inCommunities.QuerySelector("[data-annotation-filters]"));
        // Without script nothing is hidden.
        Assert.Empty(page.QuerySelectorAll("article.annotation[hidden]"));
    }

    [Fact]
    public void A_whole_entry_annotation_is_in_the_communities_section_with_its_type_community_and_date()
    {
        var page = site.Page("curricula/peer-basics/listening/index.html");
        var notes = page.QuerySelectorAll("#pc-in-communities > article.annotation").ToList();
        var carers = Assert.Single(notes);
        Assert.Equal("carers-network", carers.GetAttribute("data-community"));
        Assert.Equal("question", carers.GetAttribute("data-type"));
        Assert.Equal("Question", Squash(carers.QuerySelector(".annotation-type")!.TextContent));
        Assert.Contains("CARERS-QUESTION", carers.TextContent);
        Assert.Equal("communities/carers-network/index.html",
            BuiltValidSite.Resolve("curricula/peer-basics/listening/index.html", carers.QuerySelector(".annotation-meta a")!.GetAttribute("href")!));
        var mutuality = site.Page("values/mutuality/index.html").GetElementById("annotation-hearing-voices-group-mutuality-tensions")!;
        Assert.Contains("1 April 2026", mutuality.QuerySelector(".annotation-meta")!.TextContent);
    }

    [Fact]
    public void A_community_page_groups_its_annotations_by_the_kind_of_entry()
    {
        const string path = "communities/hearing-voices-group/index.html";
        var page = site.Page(path);
        var groups = page.QuerySelectorAll("section.community-annotations").ToList();
        Assert.Equal(["On curriculum modules", "On projects", "On values"], groups.Select(g => Squash(g.QuerySelector("h2")!.TextContent)).Order(StringComparer.Ordinal));
        var links = groups.SelectMany(g => g.QuerySelectorAll("a.entry-link")).Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);
        Assert.Contains(links, l => l.EndsWith("values/mutuality/index.html#annotation-hearing-voices-group-mutuality-tensions", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith("projects/wish/index.html#annotation-hearing-voices-group-wish-resource", StringComparison.Ordinal));
        Assert.Contains(links, l => l.EndsWith("curricula/peer-basics/listening/index.html#annotation-hearing-voices-group-practice-in-pairs", StringComparison.Ordinal));
        // Every link lands on an existing page with that anchor.
        foreach (var href in links)
        {
            var target = BuiltValidSite.Resolve(path, href)!;
            Assert.NotNull(site.Page(target).GetElementById(href[(href.IndexOf('#') + 1)..]));
        }
    }

    [Fact]
    public void The_communities_list_counts_each_communitys_annotations()
    {
        var items = site.Page("communities/index.html").QuerySelectorAll("main .entry-list > li").ToList();
        var counts = items.ToDictionary(li => Squash(li.QuerySelector("a.entry-link")!.TextContent), li => Squash(li.QuerySelector(".list-meta")!.TextContent));
        Assert.EndsWith("2 annotations", counts["Carers Network"]);
        Assert.EndsWith("3 annotations", counts["Hearing Voices Group"]);
    }

    [Fact]
    public void Kind_lists_count_annotating_communities_and_carry_them_for_the_filter()
    {
        var page = site.Page("values/index.html");
        var form = page.QuerySelector("form[data-list-filter]")!;
        Assert.True(form.HasAttribute("hidden"), "the list filter needs script, so the HTML keeps it hidden");
        Assert.Equal(["", "carers-network", "hearing-voices-group"], form.QuerySelectorAll("select#pc-community-filter option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("label[for='pc-community-filter']"));
        var item = page.QuerySelectorAll("main .entry-list > li").Single(li => li.QuerySelector("a")!.TextContent.Contains("Mutuality"));
        Assert.Equal(["carers-network", "hearing-voices-group"], item.GetAttribute("data-communities")!.Split(' ').Order(StringComparer.Ordinal));
        Assert.Contains("Annotated by 2 communities", Squash(item.TextContent));
        var other = page.QuerySelectorAll("main .entry-list > li").Single(li => li.QuerySelector("a")!.TextContent.Contains("Shared power"));
        Assert.False(other.HasAttribute("data-communities"));
    }

    [Fact]
    public void Each_community_has_an_atom_feed_of_its_newest_annotations()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Load(Path.Combine(site.Output, "communities", "hearing-voices-group", "feed.xml"));
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.Contains("Hearing Voices Group", feed.Root.Element(atom + "title")!.Value);
        Assert.Equal(PublishedFixtureSite.BaseUrl + "communities/hearing-voices-group/feed.xml",
            feed.Root.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal(["Pairs of voice hearers", "Tensions we felt"], entries.Select(e => e.Element(atom + "title")!.Value));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value)).ToList();
        Assert.Equal(updated.OrderByDescending(d => d), updated);
        Assert.Equal(
            [PublishedFixtureSite.BaseUrl + "curricula/peer-basics/listening/#annotation-hearing-voices-group-practice-in-pairs",
             PublishedFixtureSite.BaseUrl + "values/mutuality/#annotation-hearing-voices-group-mutuality-tensions"],
            entries.Select(e => e.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value));
        // The other community's feed holds only its own.
        var carers = XDocument.Load(Path.Combine(site.Output, "communities", "carers-network", "feed.xml"));
        Assert.DoesNotContain(carers.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value is "Pairs of voice hearers" or "Tensions we felt");
        // The community page advertises its feed.
        var link = site.Page("communities/hearing-voices-group/index.html").QuerySelector("link[rel='alternate'][type='application/atom+xml'][href$='feed.xml']");
        Assert.NotNull(link);
    }
}
