namespace PeerCommons.Serve.Tests;

/// <summary>
/// serve keeps the pages of a long list (values/page/2/) like build does: an added entry that needs a
/// new page brings it, a removed one takes it away, a retitled entry moves between pages.
/// </summary>
public sealed class PaginatedListIncrementalTests
{
    [Fact]
    public void The_pages_of_a_list_follow_edits_as_a_full_build_makes_them()
    {
        using var temp = new TempFolder();
        TempFolder.Copy(Repo.Path("content"), temp.Path("content"));
        var values = Directory.GetFiles(temp.Path("content", "values"), "*.md").Order(StringComparer.Ordinal).ToList();
        // Exactly one page full, so one more value needs a second page.
        File.AppendAllText(temp.Path("content", "site.yaml"), $"\nlist_page_size: {values.Count}\n");
        var theme = Repo.Path("theme");
        var engine = new SiteEngine(temp.Path("content"), theme);
        Assert.True(engine.BuildAll().Committed);
        Assert.DoesNotContain("values/page/2/index.html", engine.Files.Keys);

        var added = temp.Write("content/values/zz-added-value.md",
            "---\ntitle: Zz added value\nsummary: New.\nsources: [faulkner-kalathil-2012]\n---\n\nBody.\n");
        Assert.True(engine.Apply([added]).Committed);
        Assert.Contains("values/page/2/index.html", engine.Files.Keys);
        FullBuildComparison.AssertSame(engine, theme);

        // Retitled to sort first: every entry moves one place, across the page boundary.
        File.WriteAllText(added, File.ReadAllText(added).Replace("title: Zz added value", "title: Aa added value"));
        Assert.True(engine.Apply([added]).Committed);
        FullBuildComparison.AssertSame(engine, theme);

        File.Delete(added);
        Assert.True(engine.Apply([added]).Committed);
        Assert.DoesNotContain("values/page/2/index.html", engine.Files.Keys);
        FullBuildComparison.AssertSame(engine, theme);
    }
}
