using AngleSharp.Html.Parser;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Content;

/// <summary>
/// Issue 17 on the real content: every annotation says on its target page whose words it is, as its
/// provenance (or its community's compiled_from_research flag) says, and no page claims "their own
/// words" for notes editors compiled.
/// </summary>
public sealed class StarterContentVoiceTests
{
    [Fact]
    public void Every_annotation_shows_its_provenance_on_its_target_page()
    {
        var content = Repo.Path("content");
        var site = ContentLoader.Load(content, new DiagnosticBag());
        using var temp = new TempFolder();
        var output = temp.Path("_site");
        var result = Build.Write(content, output);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var parser = new HtmlParser();
        var annotations = site.Entries.Where(e => e.Kind == EntryKind.Annotation).ToList();
        Assert.NotEmpty(annotations);
        foreach (var byTarget in annotations.GroupBy(a => a.AnnotationTargetKey!))
        {
            var target = site.ByKey[byTarget.Key];
            var page = parser.ParseDocument(File.ReadAllText(Path.Combine(output, target.Key, "index.html")));
            var allWritten = true;
            foreach (var annotation in byTarget)
            {
                var community = site.ByKey[$"communities/{annotation.CommunityId}"];
                var byEditors = annotation.Field<string>("provenance") is { } provenance
                    ? provenance == "editors"
                    : community.Field<bool>("compiled_from_research");
                allWritten &= !byEditors;
                var anchor = $"annotation-{annotation.CommunityId}-{annotation.Id}";
                var voice = page.QuerySelector($"#{anchor} .annotation-voice")?.TextContent.Trim();
                Assert.True(voice is not null, $"{annotation.Path}: no provenance shown on {target.Key}");
                if (byEditors)
                {
                    Assert.StartsWith("Compiled by PeerCommons editors from published research", voice);
                    Assert.EndsWith($"not written by {community.Title}.", voice);
                }
                else Assert.Equal($"Written by {community.Title}.", voice);
            }
            var intro = page.QuerySelector("#pc-in-communities .section-intro")!.TextContent;
            Assert.True(allWritten == intro.Contains("in their own words", StringComparison.Ordinal), $"{target.Key}: '{intro}'");
        }
    }
}
