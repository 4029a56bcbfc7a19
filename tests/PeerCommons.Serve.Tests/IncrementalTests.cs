namespace PeerCommons.Serve.Tests;

/// <summary>After each change, the incrementally rebuilt site is byte-identical to a fresh full build of the same content.</summary>
public sealed class IncrementalTests
{
    [Fact]
    public void Incremental_rebuilds_match_a_full_build()
    {
        using var temp = new TempFolder();
        TempFolder.Copy(Repo.Path("content"), temp.Path("content"));
        var theme = Repo.Path("theme");
        var engine = new SiteEngine(temp.Path("content"), theme);
        Assert.True(engine.BuildAll().Committed);

        string Pick(string folder) => Directory.GetFiles(temp.Path("content", folder), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        void Edit(string path, Func<string, string> change)
        {
            File.WriteAllText(path, change(File.ReadAllText(path)));
            var outcome = engine.Apply([path]);
            Assert.True(outcome.Committed, string.Join("\n", outcome.Errors));
            Same(engine, theme);
        }

        var value = Pick("values");
        Edit(value, t => t + "\nAn added paragraph.\n");                                       // body only
        Edit(value, t => t.Replace("title: ", "title: Renamed "));                              // title: referrers change
        Edit(value, t => t.Replace("tags: [", "tags: [brand-new-tag, "));                       // tags: tag pages
        var module = Pick("curricula");
        Edit(module, t => t.Replace("title: ", "title: Module "));                              // curriculum family
        var annotation = Pick("annotations");
        Edit(annotation, t => t.Replace("type: experience", "type: caution"));
        var added = temp.Write("content/values/zz-added-value.md", "---\ntitle: An added value\nsummary: New.\ntags: [values]\nsources: [faulkner-kalathil-2012]\nrelated: [" +
            "values/" + Path.GetFileNameWithoutExtension(value) + "]\n---\n\nBody.\n");
        Assert.True(engine.Apply([added]).Committed);
        Same(engine, theme);
        File.Delete(added);
        Assert.True(engine.Apply([added]).Committed);
        Same(engine, theme);
    }

    private static void Same(SiteEngine engine, string theme) => FullBuildComparison.AssertSame(engine, theme);
}
