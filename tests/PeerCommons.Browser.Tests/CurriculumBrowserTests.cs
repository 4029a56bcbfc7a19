using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 4 in Chromium: an old module address redirects, the learner/trainer switch, "copy link", and the
/// printable curriculum rendered to PDF (text read back with pdftotext, from Debian's poppler-utils).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CurriculumBrowserTests(SiteFixture site)
{
    private static readonly string BaseUrl = PublicAddress.BaseUrl;

    [Fact]
    public async Task An_old_module_address_redirects_to_the_module_page()
    {
        using var renamed = AliasedSite.Build(site);
        Assert.Contains($"/{AliasedSite.OldModule} /{AliasedSite.NewModule} 301", File.ReadAllLines(Path.Combine(renamed.Output, "_redirects")));

        await using var page = await site.OpenAsync();
        var navigated = page.Page.WaitForURLAsync($"**/{renamed.Folder}/{AliasedSite.NewModule}index.html");
        var response = await page.GotoAsync($"{renamed.Folder}/{AliasedSite.OldModule}");
        Assert.Equal(200, response.Status);
        var redirect = File.ReadAllText(Path.Combine(renamed.Output, AliasedSite.OldModule, "index.html"));
        Assert.Contains("http-equiv=\"refresh\"", redirect);
        Assert.Contains("rel=\"canonical\"", redirect);
        await navigated;
        await page.Page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Listening", (await page.Page.Locator("main h1").TextContentAsync())!.Trim());
        Assert.Contains("template-module", await page.Page.GetAttributeAsync("body", "class"));
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task The_view_switch_moves_between_learner_and_trainer_views_of_the_same_module()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("module-learner");
        var title = await page.Page.Locator("main h1").TextContentAsync();
        Assert.Equal(0, await page.Page.Locator(".facilitator").CountAsync());

        await page.Page.Locator("a[data-view-switch]").ClickAsync();
        await Arrival.AtAsync(page.Page, site.PageUrl("module-trainer"));
        Assert.Equal(title, await page.Page.Locator("main h1").TextContentAsync());
        Assert.Contains("view-trainer", await page.Page.GetAttributeAsync("body", "class"));
        Assert.True(await page.Page.Locator(".facilitator").First.IsVisibleAsync(), "facilitator notes are not visible in the trainer view");

        await page.Page.Locator("a[data-view-switch]").ClickAsync();
        await Arrival.AtAsync(page.Page, site.PageUrl("module-learner"));
        Assert.Equal(title, await page.Page.Locator("main h1").TextContentAsync());
        Assert.Contains("view-learner", await page.Page.GetAttributeAsync("body", "class"));
        Assert.Equal(0, await page.Page.Locator(".facilitator").CountAsync());
    }

    private static string Folder(string sitePath) => PublicAddress.Folder(sitePath);

    private static async Task<string> CopyAsync(SitePage page, ILocator button)
    {
        await page.Page.EvaluateAsync("() => navigator.clipboard.writeText('')");
        await button.ClickAsync();
        await page.Page.Locator("[role=status]", new PageLocatorOptions { HasTextString = "Link copied" }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
    }

    [Fact]
    public async Task Copy_link_copies_the_absolute_url_of_headings_objectives_and_modules()
    {
        Assert.StartsWith("https://", BaseUrl);
        await using var page = await site.OpenAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = SiteFixture.Origin });

        // A heading and an objective of a module, in both views: both copy the learner's address (trainers
        // put these links on slides for learners; the trainer view has its own, labelled button).
        foreach (var key in new[] { "module-learner", "module-trainer" })
        {
            await page.GotoAsync(key);
            var url = BaseUrl + Folder(site.Pages["module-learner"]);
            var heading = page.Page.Locator(".entry-body h2[id]").First;
            var id = await heading.GetAttributeAsync("id");
            var button = heading.Locator("button.copy-link");
            Assert.True(await button.IsVisibleAsync(), "no visible copy-link button in the heading #" + id);
            Assert.Contains("Copy link", await button.GetAttributeAsync("aria-label"));
            Assert.Equal(url + "#" + id, await CopyAsync(page, button));
            Assert.Equal(url + "#objective-1", await CopyAsync(page, page.Page.Locator("li#objective-1 button.copy-link")));
        }

        // A module row of the curriculum's schedule copies the module page's address.
        await page.GotoAsync("curriculum");
        var row = page.Page.Locator("tr[id^='module-']").Nth(1);
        var modulePath = new Uri(new Uri("http://x/" + site.Pages["curriculum"]), await row.Locator("th a").GetAttributeAsync("href")).AbsolutePath.TrimStart('/');
        Assert.Equal(BaseUrl + Folder(modulePath), await CopyAsync(page, row.Locator("button.copy-link")));

        // Without the site's URL, the address the browser shows; without the async clipboard (http, file://), via a selected field.
        await page.GotoAsync("module-learner");
        await page.Page.EvaluateAsync("""
            () => {
              document.body.removeAttribute('data-page-url');
              Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new Error('refused')) });
            }
            """);
        await page.Page.Locator("li#objective-1 button.copy-link").ClickAsync();
        await page.Page.Locator("[role=status]", new PageLocatorOptions { HasTextString = "Link copied" }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(site.PageUrl("module-learner") + "#objective-1", await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal(0, await page.Page.Locator(".copy-link-field").CountAsync());
        Assert.Empty(await page.CspViolationsAsync());
        Assert.Empty(await page.ScriptErrorsAsync());
    }

    [Fact]
    public async Task The_print_view_renders_to_PDF_with_facilitator_notes_only_in_the_trainer_version()
    {
        await using var page = await site.OpenAsync();
        async Task<string> PrintUrlOf(string key)
        {
            await page.GotoAsync(key);
            var href = await page.Page.Locator(".view-switch a.print-link").GetAttributeAsync("href");
            return new Uri(new Uri(page.Page.Url), href).AbsoluteUri;
        }
        var learnerPrint = await PrintUrlOf("module-learner");
        var trainerPrint = await PrintUrlOf("module-trainer");
        Assert.NotEqual(learnerPrint, trainerPrint);

        // The facilitator notes, as the trainer print page shows them.
        await page.Page.GotoAsync(trainerPrint);
        var notes = (await page.Page.Locator(".facilitator").AllTextContentsAsync()).Select(Snippet).Where(s => s.Length > 0).ToList();
        Assert.NotEmpty(notes);
        var trainerText = Normalize(await PdfTextAsync(await page.Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true })));
        foreach (var note in notes) Assert.Contains(note, trainerText);

        await page.Page.GotoAsync(learnerPrint);
        Assert.Equal(0, await page.Page.Locator(".facilitator").CountAsync());
        var online = BaseUrl + Folder(new Uri(learnerPrint).AbsolutePath.TrimStart('/')).Replace("print/", "");
        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.Page.PdfAsync(new PagePdfOptions { Format = format });
            var text = Normalize(await PdfTextAsync(pdf));
            foreach (var note in notes) Assert.DoesNotContain(note, text);
            // The first page has the online address and its QR code.
            var first = Normalize(await PdfTextAsync(pdf, "-f", "1", "-l", "1"));
            Assert.Contains(online, first.Replace(" ", ""));
            Assert.Contains(Normalize(await page.Page.Locator("main h1").TextContentAsync() ?? ""), first);
            var images = await RunAsync("pdfimages", pdf, "-list", "-f", "1", "-l", "1");
            Assert.True(images.Split('\n').Count(l => Regex.IsMatch(l, @"^\s*1\s+\d+\s+image")) >= 1, $"no image (QR code) on the first page of the {format} PDF:\n{images}");
            // No navigation chrome in print; every module starts on its own page.
            Assert.DoesNotContain("Skip to main content", text);
            Assert.DoesNotContain("Switch to", text);
            var pages = int.Parse(Regex.Match(await RunAsync("pdfinfo", pdf), @"Pages:\s+(\d+)").Groups[1].Value);
            Assert.True(pages > await page.Page.Locator("section.print-module").CountAsync(), $"{format}: {pages} pages");
        }
    }

    private static string Snippet(string note)
    {
        // Six words of the note's own text, past its label ("Facilitator note" and the like).
        var words = Normalize(note).Split(' ');
        return string.Join(' ', words.Skip(Math.Min(3, Math.Max(0, words.Length - 6))).Take(6));
    }

    private static string Normalize(string text) =>
        Regex.Replace(text.Normalize(NormalizationForm.FormKC).Replace("\u00AD", "").Replace('\u2019', '\''), @"\s+", " ").Trim();

    private static Task<string> PdfTextAsync(byte[] pdf, params string[] options) => RunAsync("pdftotext", pdf, [.. options, "-enc", "UTF-8"], "-");

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options) => await RunAsync(tool, pdf, options, null);

    /// <summary>Runs a poppler-utils tool on the PDF and returns its standard output.</summary>
    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] options, string? after)
    {
        var path = "/usr/bin/" + tool;
        if (!File.Exists(path))
            throw new InvalidOperationException($"{tool} is not installed. The PDF checks read PDFs with poppler-utils: run `apt-get install -y poppler-utils` (.ci/run does).");
        var file = Path.Combine(Path.GetTempPath(), "peercommons-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var o in options) info.ArgumentList.Add(o);
            info.ArgumentList.Add(file);
            if (after is not null) info.ArgumentList.Add(after);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
            return await output;
        }
        finally { File.Delete(file); }
    }
}
