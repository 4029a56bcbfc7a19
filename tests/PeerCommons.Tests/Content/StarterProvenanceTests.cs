using System.Text.RegularExpressions;
using PeerCommons.Model;

namespace PeerCommons.Tests.Content;

/// <summary>
/// Whose voice the starter content is (issue 17): notes editors compiled from published research
/// say so, a community can see how to claim its page, editors' working notes stay off the public
/// site, and the glossary explains the terms the entries use.
/// </summary>
public sealed partial class StarterProvenanceTests
{
    private static Site Site => StarterSite.Site;

    [Fact]
    public void Annotations_of_a_community_compiled_from_research_say_editors_wrote_them()
    {
        var compiled = Site.Entries.Where(e => e.Kind == EntryKind.Community && e.Field<bool>("compiled_from_research")).Select(e => e.Id).ToHashSet();
        var annotations = Site.Entries.Where(e => e.Kind == EntryKind.Annotation && compiled.Contains(e.CommunityId!)).ToList();
        Assert.NotEmpty(annotations);
        var unmarked = annotations.Where(a => a.Field<string>("provenance") != "editors").Select(a => a.Path).ToList();
        Assert.True(unmarked.Count == 0, "these notes would read as the community's own words: " + string.Join(", ", unmarked));
    }

    [Fact]
    public void Every_community_profile_tells_its_community_how_to_claim_it()
    {
        foreach (var community in Site.Entries.Where(e => e.Kind == EntryKind.Community))
        {
            Assert.Contains("compiled_from_research: false", community.File.Body, StringComparison.Ordinal);
            Assert.Contains("pull request", community.File.Body, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\bseeds?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Seed();

    [Theory]
    [InlineData(EntryKind.Value)]
    [InlineData(EntryKind.Community)]
    [InlineData(EntryKind.Annotation)]
    [InlineData(EntryKind.Page)]
    [InlineData(EntryKind.Project)]
    [InlineData(EntryKind.History)]
    [InlineData(EntryKind.Curriculum)]
    [InlineData(EntryKind.Module)]
    public void Public_text_calls_the_research_cited_sources_never_seeds(EntryKind kind)
    {
        var entries = Site.Entries.Where(e => e.Kind == kind).ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
            foreach (var text in new[] { entry.Title, entry.Summary, entry.File.Body })
                Assert.False(Seed().IsMatch(text), $"{entry.Path} mentions '{Seed().Match(text).Value}' to readers");
    }

    [GeneratedRegex(@"\bseeds?\b|verif(y|ied)|paraphrase only", RegexOptions.IgnoreCase)]
    private static partial Regex EditorialNote();

    [Fact]
    public void The_bibliography_shows_readers_no_editorial_working_note()
    {
        var leaking = Site.Bibliography.Values.Where(s => s.Note is not null && EditorialNote().IsMatch(s.Note)).Select(s => $"{s.Key}: {s.Note}").ToList();
        Assert.True(leaking.Count == 0, "move these to editor_notes:\n" + string.Join("\n", leaking));
    }

    [Theory]
    [InlineData("rct")]
    [InlineData("meta-analysis")]
    [InlineData("systematic-review")]
    [InlineData("commissioning")]
    [InlineData("pct")]
    [InlineData("nvq")]
    [InlineData("fidelity")]
    [InlineData("grey-literature")]
    [InlineData("recovery")]
    [InlineData("lived-experience")]
    [InlineData("peer-worker")]
    [InlineData("peer-specialist")]
    [InlineData("user-led")]
    [InlineData("service-user")]
    [InlineData("consumer-survivor")]
    [InlineData("intentional-peer-support")]
    [InlineData("social-model")]
    [InlineData("co-production")]
    public void The_glossary_gives_each_term_the_entries_use_its_own_link(string id)
    {
        var glossary = Site.ByKey["pages/glossary"].File.Body;
        var heading = new Regex(@"^#{2,3} .+ \{#" + Regex.Escape(id) + @"\}\s*$", RegexOptions.Multiline);
        Assert.Matches(heading, glossary);
    }
}
