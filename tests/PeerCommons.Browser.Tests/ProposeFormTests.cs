using System.Collections.Concurrent;
using Microsoft.Playwright;
using PeerCommons.Browser.Tests.Support;
using PeerCommons.Pipeline;

namespace PeerCommons.Browser.Tests;

/// <summary>
/// The propose form (contribute/propose/): a contributor fills it, sees the problem check would
/// report, fixes it, and "Send" opens GitHub's new-file page with exactly their file; a long file
/// goes by the clipboard; it works by keyboard alone, from file://, and without a repository.
/// window.open is replaced before the page loads, so the tests read what would open and nothing does.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposeFormTests(SiteFixture site)
{
    private const string Repository = "https://github.com/peercommons/peercommons";

    private const string RecordOpens = """
        window.__opened = [];
        window.open = (url, target, features) => { window.__opened.push(String(url)); return null; };
        """;

    private static async Task<SitePage> OpenFormAsync(SiteFixture site, string query, ViewportSize? viewport = null)
    {
        var page = await site.OpenAsync(viewport);
        await page.Context.AddInitScriptAsync(RecordOpens);
        await page.GotoAsync("contribute/propose/index.html" + query);
        await page.Page.Locator("#propose-form").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        return page;
    }

    /// <summary>What would have opened, once the form has finished checking (it may wait for a part of the site's data).</summary>
    private static async Task<string[]> OpenedAsync(SitePage page)
    {
        await page.Page.Locator("#propose-form:not([aria-busy])").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return await page.Page.EvaluateAsync<string[]>("() => window.__opened");
    }

    private static string Expected(string path, string file) =>
        $"{Repository}/new/main?filename={Uri.EscapeDataString(path)}&value={Uri.EscapeDataString(file)}";

    [Fact]
    public async Task A_new_value_shows_checks_error_then_sends_the_exact_file_to_GitHub()
    {
        await using var page = await OpenFormAsync(site, "?kind=value");
        var form = page.Page;
        Assert.Equal("value", await form.Locator("#propose-kind").InputValueAsync());
        await form.GetByLabel("Title").FillAsync("Courage together");
        Assert.Equal("courage-together", await form.GetByLabel("File name").InputValueAsync());
        await form.GetByLabel("Summary").FillAsync("Being brave alongside each other.");
        await form.GetByLabel("As of").FillAsync("20x9");
        await ChooseSourceAsync(form); // the starter site requires sources
        await form.GetByLabel("Text", new PageGetByLabelOptions { Exact = true }).FillAsync("## What it means\n\nWe _go first_ together.");
        Assert.Equal("go first", await form.Locator("#propose-preview em").TextContentAsync());

        await form.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" }).ClickAsync();
        var summary = form.Locator("#propose-errors");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var error = "'as_of' must be a year such as 2009, not '20x9' (PC0105)";
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync("As of: " + error);
        await Assertions.Expect(form.GetByLabel("As of")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.GetByLabel("As of")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("must be a year such as 2009"));
        Assert.Empty(await OpenedAsync(page));

        // The summary's link leads to the field; the fix clears the error as it is typed.
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(form.GetByLabel("As of")).ToBeFocusedAsync();
        await form.GetByLabel("As of").FillAsync("2019");
        await Assertions.Expect(summary).ToBeHiddenAsync();
        await form.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" }).ClickAsync();

        var file = "---\ntitle: \"Courage together\"\nsummary: \"Being brave alongside each other.\"\nsources: [\"gillard-2019\"]\nas_of: 2019\n---\n\n## What it means\n\nWe _go first_ together.\n";
        Assert.Equal([Expected("content/values/courage-together.md", file)], await OpenedAsync(page));
        await Assertions.Expect(form.Locator("[data-propose-status]")).ToContainTextAsync("GitHub opened in a new tab");
        Assert.True(!page.ForeignRequests.Any(), "requests to other hosts:\n" + string.Join("\n", page.ForeignRequests));
        Assert.Empty(await page.CspViolationsAsync());
        Assert.Empty(await page.ScriptErrorsAsync());
    }

    /// <summary>Chooses one source as a person would: finds it by typing, then adds it, which ticks its box.</summary>
    private static async Task ChooseSourceAsync(IPage form)
    {
        var sources = form.Locator("[data-field='sources']");
        await sources.GetByLabel("Look up a source by author or year").FillAsync("gillard-2019");
        await sources.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Add" }).ClickAsync();
        await Assertions.Expect(sources.Locator("input[type='checkbox'][value='gillard-2019']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_targets_headings_load_only_once_it_is_chosen_and_the_entry_is_found_by_typing()
    {
        await using var page = await OpenFormAsync(site, "?kind=annotation");
        var form = page.Page;
        string[] Parts(string prefix) => page.Requests.Where(u => u.Contains("/contribute/propose/parts/" + prefix, StringComparison.Ordinal)).Distinct().ToArray();
        Assert.Empty(Parts("")); // the page opens with none of the site's keys or headings

        // Choosing the kind of entry and looking for one loads that kind's keys, which fill the list to find it in.
        await form.GetByLabel("Kind of entry", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("value");
        await form.GetByLabel("Which entry is this note about?").FocusAsync();
        await Assertions.Expect(form.Locator("datalist option[value='values/mutuality']")).ToHaveCountAsync(1);
        Assert.Equal(["keys-value-1.js"], Parts("").Select(u => u.Split('/')[^1]).ToArray());
        Assert.Empty(Parts("entries-"));

        // Choosing the entry loads the one part holding its headings, which become the sections to choose from.
        await form.GetByLabel("Which entry is this note about?").FillAsync("values/mutuality");
        await Assertions.Expect(form.Locator("[name='target-section'] option[value='tensions']")).ToHaveCountAsync(1);
        Assert.Single(Parts("entries-"));
        Assert.Empty(Parts("sources")); // nothing has needed the sources yet
        Assert.Empty(await page.ScriptErrorsAsync());
        Assert.Empty(await page.CspViolationsAsync());
    }

    [Fact]
    public async Task When_a_part_of_the_sites_data_cannot_load_the_form_says_so_and_sends_nothing()
    {
        await using var page = await OpenFormAsync(site, "?kind=value");
        var form = page.Page;
        // The values' keys, which the check for a name already taken needs, never arrive.
        await form.RouteAsync("**/contribute/propose/parts/keys-value-*", route => route.AbortAsync());
        await form.GetByLabel("Title").FillAsync("Courage together");
        await form.GetByLabel("Summary").FillAsync("Being brave alongside each other.");
        await form.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" }).ClickAsync();

        await Assertions.Expect(form.Locator("[data-propose-status]")).ToContainTextAsync("did not load, so your file cannot be checked yet: reload the page");
        Assert.Empty(await OpenedAsync(page));
    }

    [Fact]
    public async Task Send_stays_blocked_while_a_TODO_or_a_missing_source_remains_so_no_file_sent_holds_TODO()
    {
        await using var page = await OpenFormAsync(site, "?kind=value");
        var form = page.Page;
        await form.GetByLabel("Title").FillAsync("Courage");
        await form.GetByLabel("Summary").FillAsync("TODO: say what it means");
        await form.GetByLabel("Editor notes").FillAsync("TODO: check the year");
        await form.GetByLabel("Text", new PageGetByLabelOptions { Exact = true }).FillAsync("## What it means\n\nTODO write this");
        var send = form.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" });
        await send.ClickAsync();

        var problems = form.Locator("#propose-errors").GetByRole(AriaRole.Link);
        await Assertions.Expect(problems).ToHaveCountAsync(4);
        var texts = await problems.AllTextContentsAsync();
        Assert.Contains(texts, t => t.EndsWith("'summary' still holds the placeholder TODO; write it in your own words (PC0112)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith("the text still holds a TODO placeholder; replace the line with your own words, or delete it (PC0112)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("(PC0113)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("instead of TODO", StringComparison.Ordinal));

        // Fixing all but one still sends nothing.
        await form.GetByLabel("Summary").FillAsync("Being brave together.");
        await form.GetByLabel("Editor notes").FillAsync("Please check the year.");
        await ChooseSourceAsync(form);
        await send.ClickAsync();
        await Assertions.Expect(problems).ToHaveCountAsync(1);
        Assert.Empty(await OpenedAsync(page));

        await form.GetByLabel("Text", new PageGetByLabelOptions { Exact = true }).FillAsync("## What it means\n\nWe go first, together.");
        await send.ClickAsync();
        var opened = await OpenedAsync(page);
        Assert.Single(opened);
        Assert.DoesNotContain("TODO", Uri.UnescapeDataString(opened[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_on_a_section_is_written_from_its_link_by_keyboard_alone()
    {
        await using var page = await site.OpenAsync(SiteFixture.Phone);
        await page.Context.AddInitScriptAsync(RecordOpens);
        await page.GotoAsync("entry-value");
        var link = page.Page.Locator(".entry-body .note-link a").First;
        var section = (await link.Locator(".visually-hidden").TextContentAsync())!.Trim()[4..^1]; // on “Heading”
        await link.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await page.Page.Locator("#propose-form").WaitForAsync();

        var form = page.Page;
        Assert.Equal("annotation", await form.Locator("#propose-kind").InputValueAsync());
        var target = await form.Locator("[name='target-entry']").InputValueAsync();
        Assert.StartsWith("values/", target);
        Assert.Equal(section, await form.Locator("[name='target-section'] option:checked").TextContentAsync());
        var sectionId = await form.Locator("[name='target-section']").InputValueAsync();

        // Keyboard only: focus the community choice, then Tab from field to field.
        await form.Locator("[name='community']").FocusAsync();
        await form.Keyboard.PressAsync("ArrowDown");
        var community = await form.Locator("[name='community']").InputValueAsync();
        Assert.NotEqual("", community);
        while (await form.EvaluateAsync<string>("() => document.activeElement.name") != "type") await form.Keyboard.PressAsync("Tab");
        await form.Keyboard.PressAsync("ArrowDown"); // the first type: adaptation
        while (await form.EvaluateAsync<string>("() => document.activeElement.id") != "propose-body") await form.Keyboard.PressAsync("Tab");
        await form.Keyboard.TypeAsync("We meet in the evening.");
        while (await form.EvaluateAsync<string>("() => document.activeElement.textContent") != "Send to the editors") await form.Keyboard.PressAsync("Tab");
        await form.Keyboard.PressAsync("Enter");

        var slug = $"adaptation-{target.Split('/')[1]}";
        var file = $"---\ntarget: \"{target}#{sectionId}\"\ntype: \"adaptation\"\nprovenance: \"community\"\n---\n\nWe meet in the evening.\n";
        Assert.Equal([Expected($"content/annotations/{community}/{slug}.md", file)], await OpenedAsync(page));
        Assert.False(page.ForeignRequests.Any());
    }

    [Fact]
    public async Task A_file_too_long_for_an_address_goes_by_the_clipboard_with_one_instruction()
    {
        await using var page = await OpenFormAsync(site, "?kind=history");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = SiteFixture.Origin });
        var form = page.Page;
        await form.GetByLabel("Title").FillAsync("A long story");
        await form.GetByLabel("Summary").FillAsync("Told at length.");
        await form.GetByLabel("Date (required)", new PageGetByLabelOptions { Exact = true }).FillAsync("1990");
        await ChooseSourceAsync(form);
        var body = string.Join("\n\n", Enumerable.Repeat("Peer support grew from people meeting each other, again and again.", 150));
        await form.GetByLabel("Text", new PageGetByLabelOptions { Exact = true }).FillAsync(body);
        await form.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" }).ClickAsync();

        await Assertions.Expect(form.Locator("[data-propose-status]")).ToContainTextAsync("paste it into the big empty box");
        Assert.Equal([$"{Repository}/new/main?filename={Uri.EscapeDataString("content/history/a-long-story.md")}"], await OpenedAsync(page));
        var copied = await form.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal($"---\ntitle: \"A long story\"\nsummary: \"Told at length.\"\nsources: [\"gillard-2019\"]\ndate: \"1990\"\n---\n\n{body}\n", copied);
        Assert.False(page.ForeignRequests.Any());
    }

    [Fact]
    public async Task The_form_with_its_errors_showing_has_no_axe_violation_and_fits_a_320px_phone()
    {
        await using var page = await OpenFormAsync(site, "?kind=project", new ViewportSize { Width = 320, Height = 700 });
        await page.Page.GetByLabel("Website").FillAsync("not an address");
        await page.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#propose-errors li")).ToHaveCountAsync(5); // title, summary, the file name (made from the title), website, sources (the starter site requires them)
        var report = await Axe.RunAsync(page.Page);
        Assert.True(report.Violations.Length == 0, string.Join("\n", report.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
        var tooWide = await page.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(e => e.outerHTML.slice(0, 100))
            """);
        Assert.True(tooWide.Length == 0, "parts of the form wider than a 320px screen:\n" + string.Join("\n", tooWide.Take(8)));
    }

    [Fact]
    public async Task From_file_without_a_repository_it_offers_copy_and_download_and_makes_no_request()
    {
        var root = Path.Combine(Path.GetTempPath(), "peercommons-propose-" + Guid.NewGuid().ToString("N"));
        try
        {
            var content = Path.Combine(root, "content");
            CopyFolder(Repo.Path("tests", "PeerCommons.Tests", "fixtures", "valid", "content"), content);
            var config = Path.Combine(content, "site.yaml");
            File.WriteAllLines(config, File.ReadAllLines(config).Where(l => !l.StartsWith("repo_url:", StringComparison.Ordinal)));
            var output = Path.Combine(root, "_site");
            var build = BuildPipeline.Run(new BuildOptions { ContentDirectory = content, ThemeDirectory = Repo.Path("theme"), OutputDirectory = output, WriteOutput = true });
            Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));

            await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
            var requests = new ConcurrentQueue<string>();
            context.Request += (_, r) => requests.Enqueue(r.Url);
            var page = await context.NewPageAsync();
            var errors = new ConcurrentQueue<string>();
            page.PageError += (_, e) => errors.Enqueue(e);
            await page.GotoAsync(new Uri(Path.Combine(output, "contribute", "propose", "index.html")).AbsoluteUri + "?kind=annotation&target=values%2Fmutuality%23tensions");
            await page.Locator("#propose-form").WaitForAsync();

            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to the editors" }).CountAsync());
            await page.GetByLabel("Your community").SelectOptionAsync("carers-network");
            await page.GetByLabel("Type (required)", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("question");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download the file" }).ClickAsync());
            Assert.Equal("question-mutuality.md", download.SuggestedFilename);
            var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Equal("---\ntarget: \"values/mutuality#tensions\"\ntype: \"question\"\nprovenance: \"community\"\n---\n", saved);
            await Assertions.Expect(page.Locator("[data-propose-status]")).ToContainTextAsync("content/annotations/carers-network/question-mutuality.md");
            Assert.Empty(errors);
            Assert.All(requests.ToArray(), url => Assert.True(url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal), url));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
