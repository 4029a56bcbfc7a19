using System.IO.Compression;
using System.Text.Json;
using PeerCommons.Cli;
using PeerCommons.Hardening.Tests.Support;
using PeerCommons.Pipeline;

using static PeerCommons.Hardening.Tests.Support.AuditAssert;
namespace PeerCommons.Hardening.Tests;

/// <summary>Builds the repository's starter content once for all page-weight tests.</summary>
public sealed class StarterSite : IDisposable
{
    public StarterSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "peercommons-hardening", "starter-" + Guid.NewGuid().ToString("N"));
        Output = Path.Combine(Root, "_site");
        Result = Bounded.Run(new BuildOptions
        {
            ContentDirectory = Repo.Path("content"),
            ThemeDirectory = Repo.Path("theme"),
            OutputDirectory = Output,
            WriteOutput = true,
        }, TimeSpan.FromMinutes(3));
    }

    public string Root { get; }
    public string Output { get; }
    public BuildResult Result { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Phones on slow connections: a typical entry page, with the CSS and JS it loads before search is
/// used, stays under 60 KB gzipped; no web fonts; no framework.
/// </summary>
public sealed class PageWeightTests(StarterSite starter) : IClassFixture<StarterSite>
{
    private const long Budget = 60 * 1024;

    [Theory]
    [InlineData("projects/wish/index.html")]
    [InlineData("values/mutuality/index.html")]
    [InlineData("curricula/wish-induction/index.html")]
    [InlineData("history/2010-repper-carter-review/index.html")]
    [InlineData("index.html")]
    public void A_typical_page_weighs_less_than_60_KB_gzipped_before_search(string page)
    {
        Assert.True(starter.Result.Succeeded, string.Join("\n", starter.Result.Diagnostics.Select(d => d.ToString())) + starter.Result.FatalError);
        var weight = Assert.Single(starter.Result.PageWeights, w => w.Page == page);
        Assert.True(weight.TotalGzipBytes < Budget,
            $"{page}: {weight.TotalGzipBytes} bytes gzipped (HTML {weight.HtmlGzipBytes}, CSS {weight.CssGzipBytes}, JS {weight.JsGzipBytes}) is over the {Budget}-byte budget");
        Assert.True(weight.CssGzipBytes > 0 && weight.JsGzipBytes > 0, "the page's stylesheet and scripts were not counted");
    }

    [Fact]
    public void A_module_page_weighs_less_than_60_KB_gzipped_before_search()
    {
        var modules = starter.Result.PageWeights.Where(w => w.Page.StartsWith("curricula/", StringComparison.Ordinal) && w.Page.Split('/').Length == 4
            && !w.Page.Contains("/trainer/") && !w.Page.Contains("/print/")).ToList();
        Assert.NotEmpty(modules);
        var heaviest = modules.MaxBy(w => w.TotalGzipBytes)!;
        Assert.True(heaviest.TotalGzipBytes < Budget, $"{heaviest.Page}: {heaviest.TotalGzipBytes} bytes gzipped is over budget");
    }

    [Fact]
    public void The_weights_match_the_files_and_leave_out_the_search_payload()
    {
        var weight = starter.Result.PageWeights.Single(w => w.Page == "projects/wish/index.html");
        var html = File.ReadAllBytes(Path.Combine(starter.Output, "projects", "wish", "index.html"));
        Assert.Equal(Gzip(html), weight.HtmlGzipBytes);

        var assets = Directory.GetFiles(Path.Combine(starter.Output, "assets"));
        // The head loads site.css and print.css (media=print: browsers still fetch it, at low priority).
        var css = assets.Where(f => Path.GetFileName(f).StartsWith("site.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("print.", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".css", StringComparison.Ordinal)).Sum(f => Gzip(File.ReadAllBytes(f)));
        Assert.Equal(css, weight.CssGzipBytes);
        var js = assets.Where(f => Path.GetFileName(f).StartsWith("site.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("search.", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".js", StringComparison.Ordinal)).Sum(f => Gzip(File.ReadAllBytes(f)));
        Assert.Equal(js, weight.JsGzipBytes); // lunr and the index are not counted
        var lunr = assets.Single(f => Path.GetFileName(f).StartsWith("lunr.", StringComparison.Ordinal));
        Assert.True(weight.JsGzipBytes < js + Gzip(File.ReadAllBytes(lunr)));
    }

    [Fact]
    public void The_build_report_lists_every_page_weight()
    {
        var path = Path.Combine(starter.Root, "report.json");
        BuildReport.Write(starter.Result, path);
        using var report = JsonDocument.Parse(File.ReadAllText(path));
        var weights = report.RootElement.GetProperty("pageWeights").EnumerateArray().ToList();
        var pages = Directory.EnumerateFiles(starter.Output, "*.html", SearchOption.AllDirectories).Count();
        Assert.Equal(pages, weights.Count);
        var wish = weights.Single(w => w.GetProperty("page").GetString() == "projects/wish/index.html");
        Assert.Equal(wish.GetProperty("htmlGzipBytes").GetInt64() + wish.GetProperty("cssGzipBytes").GetInt64() + wish.GetProperty("jsGzipBytes").GetInt64(),
            wish.GetProperty("totalGzipBytes").GetInt64());
    }

    [Fact]
    public void There_are_no_web_fonts()
    {
        var files = Directory.EnumerateFiles(starter.Output, "*", SearchOption.AllDirectories).ToList();
        Assert.DoesNotContain(files, f => new[] { ".woff", ".woff2", ".ttf", ".otf", ".eot" }.Contains(Path.GetExtension(f).ToLowerInvariant()));
        foreach (var css in files.Where(f => f.EndsWith(".css", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(css);
            Assert.DoesNotContain("@font-face", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void No_page_loads_a_framework_only_the_themes_own_scripts()
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        // site.js, search.js, on the 404 page not-found.js (which finds the site root at any depth), and on
        // the search page search-parts.js and search-excerpt.js.
        var allowed = new System.Text.RegularExpressions.Regex(@"^(\.\./)*assets/(site|search|search-parts|search-excerpt|not-found)\.[0-9a-f]{10}\.js$");
        // The propose form alone adds its own scripts, its data, and markdown-it (from npm, like lunr) for the preview.
        var proposeForm = new System.Text.RegularExpressions.Regex(@"^\.\./\.\./(assets/(site|search|propose|propose-rules|propose-fields|markdown-it\.min)\.[0-9a-f]{10}\.js|contribute/propose/propose-data\.js)$");
        foreach (var file in Directory.EnumerateFiles(starter.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var isProposeForm = Path.GetRelativePath(starter.Output, file).Replace('\\', '/') == "contribute/propose/index.html";
            foreach (var script in document.Scripts)
            {
                if (script.Type == "application/ld+json") continue;
                Assert.True(script.Source is { } src && (isProposeForm ? proposeForm : allowed).IsMatch(src), $"{file}: script '{script.Source}' is not one of the theme's scripts");
            }
            Assert.DoesNotContain(document.QuerySelectorAll("link[rel~=preload], link[rel~=modulepreload], link[rel~=prefetch]"), _ => true);
        }
        var assets = Directory.GetFiles(Path.Combine(starter.Output, "assets")).Select(Path.GetFileName).ToList();
        Assert.All(assets, a => Assert.Matches(@"^((site|search|search-reader|search-score|search-parts|search-excerpt|print|lunr\.min|not-found|propose|propose-rules|propose-fields|markdown-it\.min)\.[0-9a-f]{10}\.(css|js)|favicon\.[0-9a-f]{10}\.svg)$", a!));
    }

    [Fact]
    public void The_starter_site_has_no_script_from_content()
    {
        NoProblems(HtmlAudit.Site(starter.Output));
    }

    private static long Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }
}
