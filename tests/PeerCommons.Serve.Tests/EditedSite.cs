namespace PeerCommons.Serve.Tests;

/// <summary>A copy of the repository's content with an engine on it; every edit is checked against a full build.</summary>
internal sealed class EditedSite : IDisposable
{
    private static readonly string Theme = Repo.Path("theme");
    private readonly TempFolder _temp = new();

    /// <param name="prepare">Changes made to the copy before the first build (such as site.yaml's list page size).</param>
    public EditedSite(Action<string>? prepare = null)
    {
        TempFolder.Copy(Repo.Path("content"), _temp.Path("content"));
        prepare?.Invoke(_temp.Path("content"));
        Engine = new SiteEngine(_temp.Path("content"), Theme);
        Assert.True(Engine.BuildAll().Committed);
    }

    public SiteEngine Engine { get; }

    public string File(string relative) => _temp.Path(["content", .. relative.Split('/')]);

    public RebuildOutcome Edit(string path, Func<string, string> change)
    {
        Write(path, change);
        var outcome = Engine.Apply([path]);
        Assert.True(outcome.Committed, string.Join("\n", outcome.Errors));
        FullBuildComparison.AssertSame(Engine, Theme);
        return outcome;
    }

    /// <summary>An edit that brings an error: not served, but its findings are those of a full build.</summary>
    public void EditWithNewError(string path, Func<string, string> change)
    {
        Write(path, change);
        var outcome = Engine.Apply([path]);
        Assert.False(outcome.Committed);
        FullBuildComparison.AssertSameDiagnostics(Engine, Theme);
    }

    public string Add(string relative, string text)
    {
        var path = _temp.Write("content/" + relative, text);
        Assert.True(Engine.Apply([path]).Committed);
        FullBuildComparison.AssertSame(Engine, Theme);
        return path;
    }

    public void Remove(string path)
    {
        System.IO.File.Delete(path);
        Assert.True(Engine.Apply([path]).Committed);
        FullBuildComparison.AssertSame(Engine, Theme);
    }

    private static void Write(string path, Func<string, string> change)
    {
        var before = System.IO.File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        System.IO.File.WriteAllText(path, after);
    }

    public void Dispose() => _temp.Dispose();
}
