using PeerCommons.Pipeline;

namespace PeerCommons.Browser.Tests.Support;

/// <summary>
/// The starter content built again with several search-store documents a file (search/docs/), as a site of
/// over 10,000 documents gets them (<see cref="Index.SearchStore.DocumentsPerPart(int)"/>): the starter's 222
/// documents would get one a file, so the build forces the group size through the internal build option. It is
/// built into a folder below the starter site, where it is served like the rest (so under a sub-path of the host).
/// </summary>
public sealed class GroupedStoreSite : IDisposable
{
    /// <summary>The built site's folder name, below the starter site's root.</summary>
    public string Folder { get; }
    public string Output { get; }

    private GroupedStoreSite(string output)
    {
        Output = output;
        Folder = Path.GetFileName(output);
    }

    public static GroupedStoreSite Build(SiteFixture site, int documentsPerPart)
    {
        var built = new GroupedStoreSite(Path.Combine(site.SiteDirectory, "grouped-" + Guid.NewGuid().ToString("N")[..8]));
        var build = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = Repo.Path("content"),
            ThemeDirectory = Repo.Path("theme"),
            OutputDirectory = built.Output,
            WriteOutput = true,
            SearchDocumentsPerPart = documentsPerPart,
        });
        Assert.True(build.Succeeded && build.Written, build.FatalError + string.Join("\n", build.Diagnostics));
        return built;
    }

    public void Dispose()
    {
        try { Directory.Delete(Output, true); } catch (IOException) { }
    }
}
