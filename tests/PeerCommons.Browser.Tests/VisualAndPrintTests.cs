using System.Text.Json;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>Screenshots for reviewers (artifacts/screenshots/), the print stylesheet, and page weight.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VisualAndPrintTests(SiteFixture site)
{
    /// <summary>Every template at a phone (390 px), a narrow phone (320 px) and a desktop, in light; a few also in dark.</summary>
    public static IEnumerable<object[]> ScreenshotCases =>
        (from key in SitePages.Keys
         from size in new[] { "phone", "phone320", "desktop" }
         select new object[] { key, size, "light" })
        .Concat(
         from key in SitePages.ScreenshotKeys
         from size in new[] { "phone", "desktop" }
         select new object[] { key, size, "dark" });

    [Theory]
    [MemberData(nameof(ScreenshotCases))]
    public async Task Screenshot_is_written_to_artifacts(string key, string size, string scheme)
    {
        await using var page = await site.OpenAsync(size switch { "phone" => SiteFixture.Phone, "phone320" => SiteFixture.NarrowPhone, _ => SiteFixture.Desktop },
            scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.GotoAsync(key);
        var folder = Repo.Path("artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{key}-{size}-{scheme}.png");
        var png = await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Assert.True(png.Length > 1000 && File.Exists(file), "no screenshot written to " + file);
        // The first screen as a visitor sees it, at full resolution for review.
        var top = Path.ChangeExtension(file, null) + "-first-screen.png";
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = top, Animations = ScreenshotAnimations.Disabled });
        Assert.True(File.Exists(top));
    }

    [Theory]
    [InlineData("entry-project")]
    [InlineData("module-trainer")]
    [InlineData("curriculum")]
    public async Task Print_shows_content_only_and_writes_out_link_targets(string key)
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync(key);
        await page.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var shown = await page.Page.EvaluateAsync<JsonElement>("""
            () => {
              const chrome = ['.skip-link', '.safety-bar', '.site-nav', '.breadcrumbs', '.site-footer', '.module-pager', '.curriculum-outline', '.view-switch'];
              const visible = chrome.filter(s => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none'));
              const external = document.querySelector('main a[href^="http"]');
              return { visible, after: external ? getComputedStyle(external, '::after').content : null, href: external ? external.getAttribute('href') : null,
                       main: getComputedStyle(document.querySelector('main')).display };
            }
            """);
        Assert.Equal("[]", shown.GetProperty("visible").GetRawText());
        Assert.NotEqual("none", shown.GetProperty("main").GetString());
        if (shown.GetProperty("href").GetString() is { } href)
            Assert.Contains(href, shown.GetProperty("after").GetString());

        var pdf = await page.Page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 1000);
        var letter = await page.Page.PdfAsync(new PagePdfOptions { Format = "Letter" });
        Assert.True(letter.Length > 1000);
    }

    [Fact]
    public async Task The_largest_project_page_with_its_CSS_and_JS_stays_under_60_KB_compressed()
    {
        await using var page = await site.OpenAsync();
        var bytes = new Dictionary<string, long>();
        page.Context.Response += (_, r) =>
        {
            var path = new Uri(r.Url).AbsolutePath.TrimStart('/');
            if (path.EndsWith('/') || path.Length == 0) path += "index.html";
            var file = Path.Combine(site.SiteDirectory, path);
            // Compressed, as hosts send them (the page weight is in compressed bytes).
            if (File.Exists(file)) lock (bytes) bytes[path] = PeerCommons.Write.Gzip.Length(File.ReadAllBytes(file));
        };
        await page.GotoAsync("entry-project");
        await page.Page.WaitForTimeoutAsync(200);
        // The theme's own stylesheets and script (search loads its index and lunr only when used).
        var assets = Directory.EnumerateFiles(Path.Combine(site.SiteDirectory, "assets"))
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("site.") || n.StartsWith("print."))).ToList();
        var themeBytes = assets.Sum(f => new FileInfo(f).Length);
        long total;
        string files;
        lock (bytes) (total, files) = (bytes.Values.Sum(), string.Join(", ", bytes.Select(b => $"{b.Key} {b.Value}")));
        Assert.True(total < 60 * 1024, $"entry page with its assets is {total} bytes gzipped: {files}");
        // 24 KB until copy-link buttons and the annotation and list filters joined site.js (about 6 KB, 2 KB gzipped);
        // 28 KB until the phone menu, one-line breadcrumb, reflow rules and learner links of the trainer view (issue 18, about 4 KB).
        // 31 KB until the pager of long lists (issue 12, about 1 KB).
        Assert.True(themeBytes < 32 * 1024, $"site.css, print.css and site.js are {themeBytes} bytes uncompressed; keep it small");
    }
}
