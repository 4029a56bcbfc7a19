using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Content;

/// <summary>
/// The starter content of content/ (issue 7): it checks with no error and no warning, and it
/// cannot silently shrink below what the commons promises.
/// </summary>
public sealed partial class StarterContentTests
{
    private static readonly Lazy<(Site Site, Pipeline.BuildResult Check)> Loaded = new(() =>
    {
        var content = Repo.Path("content");
        return (ContentLoader.Load(content, new DiagnosticBag()), Build.Check(content));
    });

    private static Site Site => Loaded.Value.Site;

    [Fact]
    public void Check_passes_with_no_error_and_no_warning()
    {
        var diagnostics = Loaded.Value.Check.Diagnostics;
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData(EntryKind.Project, 25)]
    [InlineData(EntryKind.Value, 15)]
    [InlineData(EntryKind.Curriculum, 6)]
    [InlineData(EntryKind.Module, 30)]
    [InlineData(EntryKind.History, 25)]
    [InlineData(EntryKind.Community, 8)]
    [InlineData(EntryKind.Annotation, 30)]
    public void Holds_at_least_the_promised_number_of_entries(EntryKind kind, int minimum)
    {
        var count = Site.Entries.Count(e => e.Kind == kind);
        Assert.True(count >= minimum, $"{count} {kind} entries, fewer than {minimum}");
    }

    [Fact]
    public void Cites_at_least_forty_works_including_the_five_seed_documents()
    {
        Assert.True(Site.Bibliography.Count >= 40, $"{Site.Bibliography.Count} works in sources.yaml");
        foreach (var seed in new[] { "gillard-2019", "repper-carter-2010", "payne-2017", "faulkner-kalathil-2012", "gillard-etal-2017" })
        {
            Assert.True(Site.Bibliography.TryGetValue(seed, out var source), $"seed document {seed} is missing");
            Assert.NotEmpty(source!.Authors);
            Assert.NotNull(source.Venue);
        }
        Assert.Equal("CC BY 4.0", Site.Bibliography["gillard-etal-2017"].Licence);
        Assert.NotNull(Site.Bibliography["gillard-etal-2017"].Doi);
    }

    [Fact]
    public void Describes_all_nine_projects_of_the_2012_consultation()
    {
        string[] nine =
        [
            "canerows-and-plaits", "capital-inpatient-peer-support", "kindred-minds", "kindred-minds-theatre-company",
            "mindout-peer-support", "peer-support-network-st-helens", "re-energize-oxford", "roads-to-recovery-nottingham", "wish",
        ];
        foreach (var id in nine) Assert.True(Site.ByKey.ContainsKey($"projects/{id}"), $"projects/{id} is missing");
    }

    [Fact]
    public void Every_entry_cites_at_least_one_source()
    {
        var uncited = Site.Entries.Where(e => e.Sources.Count == 0 && !e.File.Body.Contains("[@", StringComparison.Ordinal)).Select(e => e.Path).ToList();
        Assert.True(uncited.Count == 0, "no source cited in: " + string.Join(", ", uncited));
    }

    [Fact]
    public void Every_community_compiled_from_research_says_so()
    {
        foreach (var community in Site.Entries.Where(e => e.Kind == EntryKind.Community))
            Assert.True(community.Field<bool>("compiled_from_research"), $"{community.Path} does not say whether the group reviewed it");
    }

    [Fact]
    public void Has_the_about_contribute_and_glossary_pages()
    {
        foreach (var page in new[] { "pages/about", "pages/contribute", "pages/glossary" }) Assert.True(Site.ByKey.ContainsKey(page), $"{page} is missing");
        var glossary = Site.ByKey["pages/glossary"].File.Body;
        foreach (var term in new[] { "Intentional peer support", "Expert by experience", "User-led organisation", "Recovery", "WRAP", "BME" })
            Assert.Contains(term, glossary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_enrich_principles_are_attributed_under_their_licence()
    {
        var enrich = Site.Entries.Where(e => e.Kind == EntryKind.Value && e.Id.StartsWith("enrich-", StringComparison.Ordinal)).ToList();
        Assert.True(enrich.Count >= 6, "the overview and the five ENRICH principles");
        foreach (var value in enrich) Assert.Contains("CC BY 4.0", value.File.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)(?:\+44\s?|0)\d{3,4}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)")]
    private static partial Regex UkPhone();

    [Fact]
    public void Holds_no_email_address_or_phone_number()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path("content"), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.False(Email().IsMatch(text), $"{file} holds an e-mail address: {Email().Match(text).Value}");
            Assert.False(UkPhone().IsMatch(text), $"{file} holds a phone number: {UkPhone().Match(text).Value}");
        }
    }
}
