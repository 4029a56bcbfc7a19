using System.IO.Compression;
using System.Text.Json.Nodes;
using PeerCommons.Cli.Tests.Support;
using PeerCommons.Write;

namespace PeerCommons.Cli.Tests;

/// <summary>
/// A rebuild takes the page weights of build-report.json for the pages whose bytes did not change, carried
/// over from the previous output or written anew after <c>rm -rf _site</c>, and only a figure measured
/// on their very bytes: the report a user reads is the same whether a page was gzipped again or not,
/// and a stale, edited or broken report never puts a wrong weight in it.
/// </summary>
public sealed class PageWeightReuseTests
{
    private const string Value = "values/mutuality/index.html", Help = "pages/help/index.html";

    [Fact]
    public void A_rebuild_reports_the_same_weights_as_a_build_from_nothing()
    {
        using var site = new TestSite();
        Build(site, "site/_site");
        Build(site, "site/_site"); // over the first: every page carried over, every weight from its report
        Build(site, "fresh/_site");

        var rebuilt = Weights(site, "site");
        Assert.True(rebuilt.Count > 10);
        Assert.Equal(Weights(site, "fresh"), rebuilt);
        foreach (var (page, weight) in rebuilt) Assert.Equal(GzipLength(site, "site", page), weight.Gzip);
    }

    [Fact]
    public void A_weight_edited_in_the_report_is_not_taken()
    {
        using var site = new TestSite();
        Build(site, "site/_site");
        var truth = Weights(site, "site")[Value].Gzip;
        EditReport(site, Value, entry => entry["htmlGzipBytes"] = 1);

        Build(site, "site/_site");

        Assert.Equal(truth, Weights(site, "site")[Value].Gzip);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // rm -rf _site first: nothing is carried over, the report beside it is still read
    public void A_figure_is_taken_only_for_the_very_bytes_it_was_measured_on(bool deleteTheOutputFirst)
    {
        using var site = new TestSite();
        Build(site, "site/_site");
        var helpPage = File.ReadAllBytes(Path.Combine(site.Root, "site", "_site", Help));
        var oldValuePage = File.ReadAllBytes(Path.Combine(site.Root, "site", "_site", Value));
        site.Write("values/mutuality.md", "---\ntitle: Mutuality\nsummary: \"Both people give and receive.\"\n---\n\nMutuality, changed.\n\n## Tensions\n\nSome.\n");
        // A report that binds a made-up figure to a page's bytes, as a report of another build could:
        // the help page's bytes do not change; the value page's figure is bound to its old bytes.
        EditReport(site, Help, entry => Bind(entry, helpPage, 4321));
        EditReport(site, Value, entry => Bind(entry, oldValuePage, 1234));
        if (deleteTheOutputFirst) Directory.Delete(Path.Combine(site.Root, "site", "_site"), recursive: true);

        Build(site, "site/_site");

        var weights = Weights(site, "site");
        Assert.Equal(4321, weights[Help].Gzip); // the same bytes: the figure bound to them is taken
        Assert.Equal(GzipLength(site, "site", Value), weights[Value].Gzip); // other bytes: weighed anew
        Assert.NotEqual(1234, weights[Value].Gzip);
    }

    [Fact]
    public void A_build_after_the_output_was_deleted_reports_the_same_weights_as_a_build_from_nothing()
    {
        using var site = new TestSite();
        Build(site, "site/_site");
        Directory.Delete(Path.Combine(site.Root, "site", "_site"), recursive: true);
        Build(site, "site/_site");
        Build(site, "fresh/_site");

        var rebuilt = Weights(site, "site");
        Assert.Equal(Weights(site, "fresh"), rebuilt);
        foreach (var (page, weight) in rebuilt) Assert.Equal(GzipLength(site, "site", page), weight.Gzip);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "pageWeights": [ { "page": "values/mutuality/index.html", "htmlGzipBytes": 1, "totalGzipBytes": 1 } ] }""")]
    [InlineData("""{ "pageWeightsMethod": "gzip Fastest, .NET 1.0", "pageWeights": [] }""")]
    [InlineData("""{ "pageWeightsMethod": 7, "pageWeights": "none" }""")]
    [InlineData("[]")]
    public void A_broken_or_foreign_report_is_no_error(string report)
    {
        using var site = new TestSite();
        Build(site, "site/_site");
        var truth = Weights(site, "site");
        File.WriteAllText(ReportOf(site, "site"), report);

        Build(site, "site/_site");

        Assert.Equal(truth, Weights(site, "site"));
    }

    [Fact]
    public void Check_still_writes_no_report()
    {
        using var site = new TestSite();
        var (exit, _, error) = Commands.Run("check", "--content", site.Content, "--theme", Repo.Path("theme"), "--quiet");
        Assert.True(exit == ExitCodes.Success, error);
        Assert.False(File.Exists(Path.Combine(site.Root, "build-report.json")));
    }

    private static void Build(TestSite site, string output)
    {
        var (exit, _, error) = Commands.Run("build", "--content", site.Content, "--theme", Repo.Path("theme"), "--output", Path.Combine(site.Root, output), "--quiet");
        Assert.True(exit == ExitCodes.Success, error);
    }

    private static string ReportOf(TestSite site, string folder) => Path.Combine(site.Root, folder, "build-report.json");

    private static Dictionary<string, (long Gzip, long Bytes, string? Check)> Weights(TestSite site, string folder) =>
        JsonNode.Parse(File.ReadAllText(ReportOf(site, folder)))!["pageWeights"]!.AsArray().ToDictionary(
            w => (string)w!["page"]!,
            w => ((long)w!["htmlGzipBytes"]!, (long)w["htmlBytes"]!, (string?)w["htmlCheck"]));

    private static void EditReport(TestSite site, string page, Action<JsonObject> edit)
    {
        var path = ReportOf(site, "site");
        var report = JsonNode.Parse(File.ReadAllText(path))!;
        edit(report["pageWeights"]!.AsArray().Single(w => (string)w!["page"]! == page)!.AsObject());
        File.WriteAllText(path, report.ToJsonString());
    }

    private static void Bind(JsonObject entry, byte[] bytes, long gzip)
    {
        entry["htmlGzipBytes"] = gzip;
        entry["htmlBytes"] = bytes.Length;
        entry["htmlCheck"] = PreviousPageWeights.CheckOf(bytes, gzip).ToString("x16");
    }

    private static long GzipLength(TestSite site, string folder, string page)
    {
        using var counted = new MemoryStream();
        using (var gzip = new GZipStream(counted, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(File.ReadAllBytes(Path.Combine(site.Root, folder, "_site", page)));
        return counted.Length;
    }
}
