using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// build-report.json and the progress display name each stage once, in the order the run waits for
/// them, also the stages made on threads of their own beside rendering (the feeds and site files, the
/// search index): moving work beside rendering must not hide it from the report or the display.
/// </summary>
public sealed class StageReportTests
{
    [Fact]
    public void A_build_reports_each_stage_once_and_announces_the_feeds_after_the_pages()
    {
        using var temp = new TempFolder();
        var announced = new List<string>();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var result = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = Build.ValidContent,
            OutputDirectory = temp.Path("_site"),
            WriteOutput = true,
            ThemeDirectory = Repo.Path("theme"),
        }, announced.Add);
        wall.Stop();

        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        var reported = result.Stages.Select(s => s.Stage).ToList();
        Assert.Equal(reported.Distinct(), reported);
        foreach (var stage in new[] { "render", "feeds", "index", "links" }) Assert.Contains(stage, reported);
        Assert.All(result.Stages, s => Assert.True(s.Elapsed > TimeSpan.Zero, $"stage '{s.Stage}' reported no time"));
        // The display says "Writing feed and sitemap" once the pages are done, and checks links after it.
        Assert.True(announced.IndexOf("render") < announced.IndexOf("feeds"), string.Join(", ", announced));
        Assert.True(announced.IndexOf("feeds") < announced.IndexOf("links"), string.Join(", ", announced));
        // totalMs is how long the build took, not the sum of stages that overlap (it never exceeds the wall time).
        Assert.InRange(result.Total, result.Stages.Max(s => s.Elapsed), wall.Elapsed);
        Assert.True(File.Exists(Path.Combine(temp.Path("_site"), "feed.xml")));
        Assert.True(File.Exists(Path.Combine(temp.Path("_site"), "sitemap.xml")));
    }
}
