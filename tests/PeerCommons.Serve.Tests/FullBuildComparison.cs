namespace PeerCommons.Serve.Tests;

/// <summary>What an incremental rebuild must equal: a fresh full build of the same content.</summary>
internal static class FullBuildComparison
{
    /// <summary>The served site is byte-identical to a fresh full build, and so are the diagnostics.</summary>
    public static void AssertSame(SiteEngine engine, string theme)
    {
        var fresh = new SiteEngine(engine.ContentRoot, theme);
        fresh.BuildAll();
        var expected = fresh.Files;
        var actual = engine.Files;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from a full build");
        AssertSameDiagnostics(engine, fresh);
    }

    /// <summary>For a rebuild that was not served (it brought an error): only its findings can be compared.</summary>
    public static void AssertSameDiagnostics(SiteEngine engine, string theme)
    {
        var fresh = new SiteEngine(engine.ContentRoot, theme);
        fresh.BuildAll();
        AssertSameDiagnostics(engine, fresh);
    }

    private static void AssertSameDiagnostics(SiteEngine engine, SiteEngine fresh) =>
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), engine.Diagnostics.Select(d => d.ToString()));
}
