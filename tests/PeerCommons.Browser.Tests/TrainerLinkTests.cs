using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// Issue 18: a trainer who copies a link for slides gets the learner's address (never the facilitator
/// notes), can copy the trainer's own when wanted, and keeps the section when switching views.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TrainerLinkTests(SiteFixture site)
{
    private static readonly string BaseUrl = PublicAddress.BaseUrl;

    private static string Folder(string sitePath) => PublicAddress.Folder(sitePath);

    private async Task<SitePage> OpenWithClipboardAsync()
    {
        var page = await site.OpenAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = SiteFixture.Origin });
        return page;
    }

    private static async Task<string> CopyAsync(SitePage page, ILocator button)
    {
        await page.Page.EvaluateAsync("() => navigator.clipboard.writeText('')");
        await button.ClickAsync();
        await page.Page.WaitForFunctionAsync("() => navigator.clipboard.readText().then(t => t !== '')");
        return await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
    }

    [Fact]
    public async Task In_the_trainer_view_copy_link_gives_the_learner_address_and_copy_trainer_link_is_labelled()
    {
        await using var page = await OpenWithClipboardAsync();
        await page.GotoAsync("module-trainer");
        var learner = BaseUrl + Folder(site.Pages["module-learner"]);
        var trainer = BaseUrl + Folder(site.Pages["module-trainer"]);
        Assert.NotEqual(learner, trainer);

        var module = page.Page.GetByRole(AriaRole.Button, new() { Name = "Copy link to this module", Exact = true });
        Assert.Equal(learner, await CopyAsync(page, module));
        var heading = page.Page.Locator(".entry-body h2[id]").First;
        Assert.Equal(learner + "#" + await heading.GetAttributeAsync("id"), await CopyAsync(page, heading.Locator("button.copy-link")));
        var trainerButton = page.Page.GetByRole(AriaRole.Button, new() { Name = "Copy trainer link" });
        Assert.Equal(trainer, await CopyAsync(page, trainerButton));
    }

    [Fact]
    public async Task A_schedule_row_of_the_trainer_view_copies_the_learner_module_page()
    {
        await using var page = await OpenWithClipboardAsync();
        await page.GotoAsync("curriculum-trainer");
        var row = page.Page.Locator("tr[id^='module-']").First;
        var trainerModule = new Uri(new Uri("http://x/" + site.Pages["curriculum-trainer"]), await row.Locator("th a").GetAttributeAsync("href")).AbsolutePath.TrimStart('/');
        Assert.Contains("/trainer/", trainerModule);
        var copied = await CopyAsync(page, row.Locator("button.copy-link"));
        Assert.Equal(BaseUrl + Folder(trainerModule).Replace("/trainer/", "/"), copied);
        Assert.True(File.Exists(Path.Combine(site.SiteDirectory, copied[BaseUrl.Length..], "index.html")), copied + " is not a page of the site");
    }

    [Fact]
    public async Task The_view_switch_keeps_the_section_and_works_without_script()
    {
        await using var page = await site.OpenAsync();
        await page.GotoAsync("module-learner");
        var id = await page.Page.Locator(".entry-body h2[id]").Nth(1).GetAttributeAsync("id");
        await page.Page.GotoAsync(site.PageUrl("module-learner") + "#" + id);
        await page.Page.Locator("a[data-view-switch]").ClickAsync();
        await Arrival.AtAsync(page.Page, site.PageUrl("module-trainer") + "#" + id);
        Assert.Contains("view-trainer", await page.Page.GetAttributeAsync("body", "class"));

        // Without script the link is a plain link to the other view's page.
        await using var plain = await site.OpenAsync(javaScript: false);
        await plain.GotoAsync("module-learner");
        await plain.Page.Locator("a[data-view-switch]").ClickAsync();
        await Arrival.AtAsync(plain.Page, site.PageUrl("module-trainer"));
    }
}
