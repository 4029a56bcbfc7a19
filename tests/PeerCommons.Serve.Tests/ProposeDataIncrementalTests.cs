using System.Text;

namespace PeerCommons.Serve.Tests;

/// <summary>
/// serve keeps the propose form's data (contribute/propose/propose-data.js and its parts) as build
/// writes it: an edit makes again only the parts that hold the edited entry, and when entries come or
/// go the parts that are new appear and those no longer needed leave the served site.
/// </summary>
public sealed class ProposeDataIncrementalTests
{
    private const string Parts = "contribute/propose/parts/";

    [Fact]
    public void A_retitled_value_is_offered_by_its_new_title_and_the_other_parts_are_left_as_they_were()
    {
        using var site = new EditedSite();
        var before = PartsOf(site);
        site.Edit(site.File("values/mutuality.md"), t => t.Replace("title: \"Mutuality\"", "title: \"Mutuality, retitled\""));
        var after = PartsOf(site);
        var rewritten = after.Where(p => !ReferenceEquals(p.Value, before[p.Key])).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        // The part with the values' keys and titles, and the part with the entry's headings: nothing else.
        Assert.Equal(2, rewritten.Count);
        Assert.Contains(Parts + "keys-value-1.js", rewritten);
        Assert.All(rewritten, path => Assert.Contains("Mutuality, retitled", Encoding.UTF8.GetString(after[path])));
    }

    [Fact]
    public void Parts_come_with_added_entries_and_go_when_they_are_removed()
    {
        using var site = new EditedSite();
        var groups = PartsOf(site).Keys.Count(p => p.StartsWith(Parts + "entries-", StringComparison.Ordinal));
        // Enough new projects to need one more group of headings (about 100 entries a group).
        var added = Enumerable.Range(1, 100).Select(i => site.File($"projects/zz-added-project-{i:000}.md")).ToList();
        foreach (var path in added)
            File.WriteAllText(path, $"---\ntitle: Added project {Path.GetFileNameWithoutExtension(path)}\nsummary: New.\nsources: [faulkner-kalathil-2012]\n---\n\nBody.\n");
        Assert.True(site.Engine.Apply(added).Committed);
        FullBuildComparison.AssertSame(site.Engine, Repo.Path("theme"));
        Assert.Contains(Parts + $"entries-{groups}.js", site.Engine.Files.Keys);

        foreach (var path in added) File.Delete(path);
        Assert.True(site.Engine.Apply(added).Committed);
        FullBuildComparison.AssertSame(site.Engine, Repo.Path("theme"));
        Assert.DoesNotContain(Parts + $"entries-{groups}.js", site.Engine.Files.Keys);
    }

    private static Dictionary<string, byte[]> PartsOf(EditedSite site) =>
        site.Engine.Files.Where(f => f.Key.StartsWith(Parts, StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}
