using System.Text.Json;
using System.Xml.Linq;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>fixtures/voice: communities compiled from research and writing their own notes, dated facts, a work known "as cited in" another, editors' notes, crisis lines.</summary>
public sealed class BuiltVoiceSite() : BuiltValidSite(Build.Fixture("voice", "content"));

/// <summary>
/// Issue 17: whose words an annotation is, and when facts date from, are visible wherever a reader meets them;
/// editors' notes never are.
/// </summary>
public sealed class VoiceAndTimeTests(BuiltVoiceSite site) : IClassFixture<BuiltVoiceSite>
{
    private const string Editors = "Compiled by Voice Commons editors from published research";

    private string Text(string page, string selector) =>
        site.Page(page).QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"no {selector} on {page}");

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_fixture_builds_without_errors()
    {
        Assert.True(site.Result.Succeeded, Build.Describe(site.Result.Diagnostics));
        Assert.Empty(site.Result.Diagnostics);
    }

    [Theory]
    // Defaults from the community's compiled_from_research flag...
    [InlineData("values/mutuality/index.html", "annotation-researched-mutuality-note",
        Editors + " (sources: Repper & Carter 2010), not written by Researched Group.")]
    [InlineData("values/mutuality/index.html", "annotation-own-voice-mutuality-note", "Written by Own Voice Collective.")]
    [InlineData("values/sharing/index.html", "annotation-own-voice-sharing-note", "Written by Own Voice Collective.")]
    [InlineData("projects/old-service/index.html", "annotation-researched-old-service-note", Editors + ", not written by Researched Group.")]
    // ...unless the annotation's own provenance field says otherwise.
    [InlineData("values/sharing/index.html", "annotation-researched-sharing-claimed", "Written by Researched Group.")]
    public void Each_annotation_says_on_its_target_page_whose_words_it_is(string page, string anchor, string label) =>
        Assert.Equal(label, Flat(Text(page, $"#{anchor} .annotation-voice")));

    [Fact]
    public void In_their_own_words_only_when_every_note_shown_was_written_by_its_community()
    {
        string Intro(string page) => Text(page, "#pc-in-communities .section-intro");
        Assert.Contains("in their own words", Intro("values/sharing/index.html"));
        Assert.DoesNotContain("own words", Intro("values/mutuality/index.html"));
        Assert.Contains("says whether the community wrote it", Intro("values/mutuality/index.html"));
        Assert.DoesNotContain("own words", Intro("projects/old-service/index.html"));
        Assert.Contains("have not written these notes", Intro("projects/old-service/index.html"));
    }

    [Fact]
    public void A_community_page_labels_its_annotations_and_says_how_to_claim_them()
    {
        var researched = site.Page("communities/researched/index.html");
        var metas = researched.QuerySelectorAll(".community-annotations .list-meta").Select(m => Flat(m.TextContent)).ToList();
        Assert.Contains(metas, m => m.StartsWith("On Mutuality · " + Editors, StringComparison.Ordinal));
        Assert.Contains(metas, m => m == "On Sharing · Written by Researched Group");
        Assert.Contains("compiled_from_research to false", Text("communities/researched/index.html", ".notice"));

        var own = site.Page("communities/own-voice/index.html");
        Assert.All(own.QuerySelectorAll(".community-annotations .list-meta"), m => Assert.EndsWith("Written by Own Voice Collective", Flat(m.TextContent)));
        Assert.Null(own.QuerySelector(".notice"));
    }

    [Fact]
    public void Feeds_name_whose_words_each_annotation_is()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XElement Entry(string feed, string title) => XDocument.Load(Path.Combine(site.Output, feed)).Root!.Elements(atom + "entry")
            .Single(e => e.Element(atom + "title")!.Value == title);

        var compiled = Entry("communities/researched/feed.xml", "Mutuality in research");
        Assert.Equal("Voice Commons editors", compiled.Element(atom + "author")!.Element(atom + "name")!.Value);
        Assert.StartsWith(Editors + " (sources: Repper & Carter 2010), not written by Researched Group.", compiled.Element(atom + "summary")!.Value);

        var written = Entry("feed.xml", "Mutuality in our words");
        Assert.Equal("Own Voice Collective", written.Element(atom + "author")!.Element(atom + "name")!.Value);
        Assert.Equal("Written by Own Voice Collective. How we practise mutuality.", written.Element(atom + "summary")!.Value);
    }

    [Fact]
    public void Search_results_carry_whose_words_each_annotation_is()
    {
        var store = SearchStoreFiles.Read(site.Output).ToDictionary(d => d.Title);
        Assert.StartsWith(Editors, store["Mutuality in research"].Voice);
        Assert.Equal("Written by Own Voice Collective", store["Mutuality in our words"].Voice);
        Assert.Null(store["Mutuality"].Voice);
        Assert.Contains("doc.voice", File.ReadAllText(Repo.Path("theme", "assets", "search-excerpt.js")));
    }

    [Fact]
    public void The_facts_box_and_lists_show_the_year_the_facts_date_from()
    {
        var facts = site.Page("projects/old-service/index.html").QuerySelectorAll(".facts dt")
            .ToDictionary(dt => dt.TextContent.Trim(), dt => Flat(dt.NextElementSibling!.TextContent));
        Assert.Equal("2012", facts["Facts as of"]);
        Assert.Equal("Unknown — last reported in 2012", facts["Status"]);
        Assert.Equal("2010", site.Page("values/mutuality/index.html").QuerySelectorAll(".facts dt")
            .Single(dt => dt.TextContent.Trim() == "Facts as of").NextElementSibling!.TextContent.Trim());

        string Meta(string list, string title) => Flat(site.Page(list).QuerySelectorAll(".entry-list li")
            .Single(li => li.QuerySelector(".entry-link")!.TextContent.Trim() == title).QuerySelector(".list-meta")!.TextContent);
        Assert.Equal("United Kingdom · Status unknown — last reported in 2012", Meta("projects/index.html", "Old Service"));
        Assert.Equal("Status unknown", Meta("projects/index.html", "Undated Service"));
        Assert.Equal("as of 2010", Meta("values/index.html", "Mutuality"));
    }

    [Theory]
    [InlineData("projects/old-service/index.html", "Status unknown — last reported in 2012.")]
    [InlineData("projects/undated-service/index.html", "Status unknown.")]
    [InlineData("projects/undated-active/index.html", "Active (no date given).")]
    public void A_project_never_suggests_a_service_is_available_now_without_a_date(string page, string notice)
    {
        Assert.StartsWith(notice, Text(page, ".entry-header .notice"));
        Assert.Contains("may have changed or closed", Text(page, ".entry-header .notice"));
    }

    [Fact]
    public void A_work_known_through_another_is_cited_as_cited_in_it()
    {
        Assert.Contains("(Mead 2003, as cited in Repper & Carter 2010)", Flat(Text("values/mutuality/index.html", ".entry-body, main")));
        Assert.Contains("As cited in Repper & Carter 2010, Using personal experience to support others.",
            Flat(Text("values/mutuality/index.html", "#cite-mead-2003")));
        // The work the commons did read is listed beside it.
        Assert.NotNull(site.Page("values/mutuality/index.html").QuerySelector("#cite-repper-carter-2010"));
        Assert.Contains("As cited in Repper & Carter 2010", Text("sources/index.html", "#mead-2003"));
        Assert.DoesNotContain("As cited in", Text("sources/index.html", "#repper-carter-2010"));
    }

    [Fact]
    public void Editors_notes_reach_no_output_file_while_a_sources_public_note_does()
    {
        const string marker = "EDITOR-ONLY-MARKER";
        var content = Build.Fixture("voice", "content");
        // The fixture really holds the marker, in sources.yaml and in front matter of several kinds.
        Assert.Contains(marker, File.ReadAllText(Path.Combine(content, "sources.yaml")));
        foreach (var file in new[] { "communities/researched.md", "annotations/researched/mutuality-note.md", "values/mutuality.md", "projects/old-service.md", "pages/help.md" })
            Assert.Contains("editor_notes: \"" + marker, File.ReadAllText(Path.Combine(content, file)));

        var leaks = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal))
            .Select(site.Rel).ToList();
        Assert.Empty(leaks);
        Assert.Contains("A review written for practitioners.", Text("sources/index.html", "#repper-carter-2010"));
    }

    [Fact]
    public void The_help_page_opens_with_the_sites_crisis_lines()
    {
        var main = site.Page("pages/help/index.html").QuerySelector("main")!;
        var box = main.FirstElementChild!;
        Assert.Equal("crisis-lines", box.ClassName);
        var numbers = box.QuerySelectorAll("a[href^='tel:']").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("tel:116123", "116 123"), ("tel:112", "112"), ("tel:999", "999")], numbers);
        Assert.NotNull(box.QuerySelector("a[href='https://www.samaritans.org/']"));
        Assert.All(box.QuerySelectorAll("li"), li => Assert.Contains("(checked November 2026)", Flat(li.TextContent)));
        Assert.Null(site.Page("pages/about/index.html").QuerySelector(".crisis-lines"));
    }
}
