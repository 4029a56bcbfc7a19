using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PeerCommons.Serve.Tests;

/// <summary>The preview server end to end: HTTP, Server-Sent Events, rebuild on change, error overlay, recovery.</summary>
public sealed class ServeTests
{
    internal static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    internal static void SmallSite(TempFolder temp)
    {
        temp.Write("content/site.yaml", "title: Serve test\ntagline: A small site\n");
        temp.Write("content/sources.yaml", "smith-2020:\n  authors: [\"Smith, A.\"]\n  year: 2020\n  title: \"A study\"\n");
        temp.Write("content/values/mutuality.md", "---\ntitle: Mutuality\nsummary: Giving and receiving support.\ntags: [core]\n---\n\nThe first version of the text.\n\n## Why {#why}\n\nBecause.\n");
        temp.Write("content/projects/circle.md", "---\ntitle: The circle\nsummary: A peer group.\nvalues: [values/mutuality]\ntags: [core]\n---\n\nSee [](xref:values/mutuality).\n");
        temp.Write("content/pages/about.md", "---\ntitle: About\nsummary: About this site.\n---\n\nHello.\n");
        TempFolder.Copy(Repo.Path("theme", "templates"), temp.Path("theme", "templates"));
        TempFolder.Copy(Repo.Path("theme", "assets"), temp.Path("theme", "assets"));
        // The two npm scripts, so that build (which refuses to run without them) can be compared with serve.
        foreach (var script in new[] { "lunr/lunr.min.js", "markdown-it/dist/browser/markdown-it.umd.min.js" })
        {
            var to = temp.Path(["theme", "node_modules", .. script.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(Repo.Path(["theme", "node_modules", .. script.Split('/')]), to);
        }
    }

    [Fact]
    public async Task Serves_rebuilds_reloads_shows_errors_and_recovers()
    {
        using var temp = new TempFolder();
        SmallSite(temp);
        var engine = new SiteEngine(temp.Path("content"), temp.Path("theme"));
        await using var host = new ServeHost(engine, port: 0);
        await host.StartAsync();
        Assert.NotNull(host.Url);
        Assert.Equal("127.0.0.1", host.Url!.Host);
        Assert.False(host.LastOutcome!.HasErrors, string.Join("\n", host.LastOutcome.Errors));

        using var http = new HttpClient { BaseAddress = host.Url, Timeout = Wait };
        var page = await http.GetStringAsync("values/mutuality/");
        Assert.Contains("The first version of the text.", page);
        Assert.Contains(ServeHost.ScriptTag, page);
        Assert.Contains("EventSource", await http.GetStringAsync("__peercommons/reload.js"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("nowhere/")).StatusCode);

        await using var events = await EventStream.Open(host.Url);
        await events.Next("hello");

        // A change: the page is rebuilt and open pages are told to reload.
        var file = temp.Path("content", "values", "mutuality.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("The first version of the text.", "The second version of the text."));
        await events.Next("reload");
        page = await http.GetStringAsync("values/mutuality/");
        Assert.Contains("The second version of the text.", page);

        // A title change reaches the page that links to it.
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: Mutuality", "title: Mutuality renamed"));
        await events.Next("reload");
        Assert.Contains("Mutuality renamed", await http.GetStringAsync("projects/circle/"));

        // An error: the overlay message carries the diagnostic, the last good page stays served.
        File.WriteAllText(file, File.ReadAllText(file).Replace("title: Mutuality renamed\n", "").Replace("The second version", "The broken version"));
        var error = await events.Next("errors");
        Assert.Contains("values/mutuality.md", error);
        Assert.Contains("title", error);
        Assert.Matches(new Regex(@"error PC\d+"), error);
        page = await http.GetStringAsync("values/mutuality/");
        Assert.Contains("The second version of the text.", page);
        Assert.DoesNotContain("The broken version", page);

        // A page opened now hears about the errors at once.
        await using (var late = await EventStream.Open(host.Url))
            Assert.Contains("values/mutuality.md", await late.Next("hello"));

        // Fixed: rebuilt and reloaded.
        File.WriteAllText(file, File.ReadAllText(file).Replace("---\nsummary:", "---\ntitle: Mutuality fixed\nsummary:"));
        await events.Next("reload");
        page = await http.GetStringAsync("values/mutuality/");
        Assert.Contains("The broken version of the text.", page);
        Assert.Contains("Mutuality fixed", page);
        Assert.Contains("Mutuality fixed", await http.GetStringAsync("projects/circle/"));

        // A new file and a deleted one.
        temp.Write("content/values/hope.md", "---\ntitle: Hope\nsummary: Hope matters.\ntags: [core]\n---\n\nHope text.\n");
        await events.Next("reload");
        Assert.Contains("Hope text.", await http.GetStringAsync("values/hope/"));
        Assert.Contains("Hope", await http.GetStringAsync("tags/core/"));
        File.Delete(temp.Path("content", "values", "hope.md"));
        await events.Next("reload");
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("values/hope/")).StatusCode);

        // Nothing was written into content/.
        Assert.Equal(["circle.md"], Directory.GetFiles(temp.Path("content", "projects")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Refuses_other_host_names()
    {
        using var temp = new TempFolder();
        SmallSite(temp);
        await using var host = new ServeHost(new SiteEngine(temp.Path("content"), temp.Path("theme")), port: 0);
        await host.StartAsync();
        using var http = new HttpClient { Timeout = Wait };
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Url);
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_mistake_in_the_sites_own_theme_file_shows_in_the_overlay_with_its_place_and_the_last_good_pages_stay()
    {
        using var temp = new TempFolder();
        SmallSite(temp);
        Directory.Delete(temp.Path("theme"), recursive: true);
        var footer = temp.Write("theme/templates/partials/footer.liquid", "<footer class=\"site-footer\"><p>Our own footer.</p></footer>\n");
        // The repository's theme is the bundled one; theme/ beside content/ holds only the site's footer.
        await using var host = new ServeHost(new SiteEngine(temp.Path("content"), Repo.Path("theme")), port: 0);
        await host.StartAsync();
        Assert.False(host.LastOutcome!.HasErrors, string.Join("\n", host.LastOutcome.Errors));
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = Wait };
        Assert.Contains("Our own footer.", await http.GetStringAsync("values/mutuality/"));
        await using var events = await EventStream.Open(host.Url!);
        await events.Next("hello");

        File.WriteAllText(footer, "<footer class=\"site-footer\">\n  <p>{{ site.title | shout }}</p>\n</footer>\n");
        var error = await events.Next("errors");
        Assert.True(error.Contains("theme/templates/partials/footer.liquid(2,20): error PC0903"), error);
        Assert.Contains("unknown filter", error);
        Assert.Contains("shout", error);
        Assert.Contains("Our own footer.", await http.GetStringAsync("values/mutuality/"));

        File.WriteAllText(footer, "<footer class=\"site-footer\"><p>{{ site.title | upcase }}</p></footer>\n");
        await events.Next("reload");
        Assert.Contains("<p>SERVE TEST</p>", await http.GetStringAsync("values/mutuality/"));
    }
}
