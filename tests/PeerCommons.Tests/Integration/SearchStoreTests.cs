using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The search store the build writes beside the index (search/facets.js, search/docs/, search/tags/, see
/// docs/search-store.md): what a result shows, read back as the browser registers it, checked against the
/// built pages themselves: section anchors exist on the learner page, annotations point at their place
/// on the target page, facilitator notes stay out, and the facets filter the same documents the store describes.
/// </summary>
public sealed class SearchStoreTests(BuiltValidSite site) : IClassFixture<BuiltValidSite>
{
    private IReadOnlyList<StoredDocument> Store() => SearchStoreFiles.Read(site.Output);

    private StoredDocument Titled(string title) => Assert.Single(Store(), d => d.Title == title);

    [Fact]
    public void Sections_are_the_learner_pages_headings_in_order_with_their_ids_and_text()
    {
        Assert.True(site.Result.Succeeded, Build.Describe(site.Result.Diagnostics));
        var mutuality = Titled("Mutuality");
        Assert.Equal("values/mutuality/index.html", mutuality.Url);
        // The text before the first heading has no id; each heading starts a section with the page's id for it.
        Assert.Null(mutuality.Sections[0].Id);
        Assert.StartsWith("Mutuality means both people give and receive", mutuality.Sections[0].Text);
        var headings = site.Page(mutuality.Url).QuerySelectorAll("main h2[id]")
            .Where(h => mutuality.Sections.Any(s => s.Id == h.Id)).Select(h => (h.Id, h.TextContent.Trim())).ToList();
        Assert.Equal(headings.Select(h => h.Id), mutuality.Sections.Skip(1).Select(s => s.Id));
        // The page's heading may carry the theme's count of community notes after its text.
        Assert.All(headings.Zip(mutuality.Sections.Skip(1)), p => Assert.StartsWith(p.Second.Heading!, p.First.Item2));
        var tensions = Assert.Single(mutuality.Sections, s => s.Id == "tensions");
        Assert.Equal("Tensions", tensions.Heading);
        Assert.StartsWith("Paid roles can strain mutuality", tensions.Text);
        // Two headings of the same text are two sections with two different ids.
        Assert.Equal(2, mutuality.Sections.Count(s => s.Heading == "Tensions"));
    }

    [Fact]
    public void Every_section_anchor_and_annotation_anchor_is_on_the_page_it_links_to()
    {
        var store = Store();
        Assert.NotEmpty(store);
        foreach (var document in store)
        {
            var (path, anchor) = document.Url.Split('#') is [var p, var a] ? (p, a) : (document.Url, null);
            var page = site.Page(path);
            if (anchor is not null) Assert.True(page.GetElementById(anchor) is not null, $"#{anchor} is not on {path}");
            foreach (var section in document.Sections.Where(s => s.Id is not null))
                Assert.True(page.GetElementById(section.Id!) is not null, $"section #{section.Id} of '{document.Title}' is not on {path}");
        }
    }

    [Fact]
    public void Facilitator_notes_stay_out_and_results_lead_to_learner_pages()
    {
        var listening = Titled("Listening");
        Assert.DoesNotContain("trainer", listening.Url);
        var practice = Assert.Single(listening.Sections, s => s.Id == "practice");
        Assert.Contains("Listen in pairs.", practice.Text);
        Assert.Contains("Then swap roles.", practice.Text);
        var files = Directory.EnumerateFiles(Path.Combine(site.Output, "search"), "*.js", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("SECRET-FACILITATOR-NOTE", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotations_lead_to_their_place_on_the_target_page_and_name_their_community()
    {
        var annotations = Store().Where(d => d.Kind == "Annotation").ToList();
        Assert.NotEmpty(annotations);
        Assert.All(annotations, a =>
        {
            Assert.Contains('#', a.Url);
            Assert.NotNull(a.Target);
            Assert.NotNull(a.CommunityTitle);
            Assert.NotNull(a.Voice);
            // Their headings have no anchors on the target page: no section of theirs has an id.
            Assert.All(a.Sections, s => Assert.Null(s.Id));
        });
    }

    [Fact]
    public void Facets_give_every_documents_kind_community_and_tags_without_loading_it()
    {
        var store = Store();
        using var facets = SearchStoreFiles.Facets(site.Output);
        var root = facets.RootElement;
        Assert.Equal(store.Count, root.GetProperty("count").GetInt32());
        string[] Names(string name) => root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
        int[] Unrun(string name)
        {
            var runs = root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
            return Enumerable.Range(0, runs.Length / 2).SelectMany(i => Enumerable.Repeat(runs[2 * i], runs[2 * i + 1])).ToArray();
        }

        var kinds = Names("kinds");
        Assert.Equal(store.Select(d => d.Kind), Unrun("kindRuns").Select(k => kinds[k]));
        var communities = root.GetProperty("communities").EnumerateArray().Select(c => c[0].GetString()).ToArray();
        Assert.Equal(store.Select(d => d.Community), Unrun("communityRuns").Select(c => c == 0 ? null : communities[c - 1]));
        Assert.Contains(store, d => d.Community is not null);

        var tags = Names("tags");
        Assert.Equal(store.SelectMany(d => d.Tags).Distinct().Order(StringComparer.Ordinal), tags);
        for (var t = 0; t < tags.Length; t++)
            Assert.Equal(store.Where(d => d.Tags.Contains(tags[t])).Select(d => d.Ref), SearchStoreFiles.Tagged(site.Output, t));
    }
}

/// <summary>Editors' notes are dropped at load; the store, written from the model, never holds one (whose words an annotation is: VoiceAndTimeTests).</summary>
public sealed class SearchStoreVoiceTests(BuiltVoiceSite site) : IClassFixture<BuiltVoiceSite>
{
    [Fact]
    public void No_editor_note_is_stored()
    {
        var files = Directory.EnumerateFiles(Path.Combine(site.Output, "search"), "*.js", SearchOption.AllDirectories).ToList();
        Assert.Equal(SearchStoreFiles.Read(site.Output).Count, files.Count(f => f.Contains(Path.Combine("search", "docs"))));
        Assert.Contains(SearchStoreFiles.Read(site.Output), d => d.Title == "Mutuality in research");
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("EDITOR-ONLY-MARKER", StringComparison.Ordinal));
    }
}
