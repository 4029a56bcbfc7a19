using PeerCommons.Pipeline;

namespace PeerCommons.Serve.Tests;

/// <summary>What serve's site must equal: what <c>build</c> writes (and <c>check</c> finds) for the same content.</summary>
internal static class FullBuildComparison
{
    /// <summary>The served site is byte-identical to the folder <c>build</c> writes, and the diagnostics are the same.</summary>
    public static void AssertSame(SiteEngine engine, string theme)
    {
        using var temp = new TempFolder();
        var build = Build(engine.ContentRoot, theme, temp.Path("_site"), write: true);
        Assert.True(build.Written, build.FatalError ?? string.Join("\n", build.Diagnostics));
        var expected = ReadTree(temp.Path("_site"));
        var actual = Served(engine);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from what build writes");
        AssertSameDiagnostics(engine, build);
    }

    /// <summary>For a rebuild that was not served (it brought an error): only its findings can be compared, with check's.</summary>
    public static void AssertSameDiagnostics(SiteEngine engine, string theme) =>
        AssertSameDiagnostics(engine, Build(engine.ContentRoot, theme, Path.Combine(Path.GetTempPath(), "unused"), write: false));

    public static BuildResult Build(string content, string theme, string output, bool write) => BuildPipeline.Run(new BuildOptions
    {
        ContentDirectory = content,
        ThemeDirectory = theme,
        OutputDirectory = output,
        WriteOutput = write,
    });

    /// <summary>Every file serve serves, as its engine holds it (before the live-reload script is added to HTML): the search index is made on request.</summary>
    public static Dictionary<string, byte[]> Served(SiteEngine engine)
    {
        var files = new Dictionary<string, byte[]>(engine.Files, StringComparer.Ordinal);
        foreach (var (path, bytes) in engine.SearchFiles) files[path] = bytes;
        return files;
    }

    /// <summary>Every file below a folder, by path with '/' separators.</summary>
    public static Dictionary<string, byte[]> ReadTree(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AssertSameDiagnostics(SiteEngine engine, BuildResult build) =>
        Assert.Equal(build.Diagnostics.Select(d => d.ToString()), engine.Diagnostics.Select(d => d.ToString()));
}
