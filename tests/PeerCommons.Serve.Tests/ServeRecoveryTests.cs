using System.Collections.Concurrent;

namespace PeerCommons.Serve.Tests;

/// <summary>
/// serve never wedges: whatever breaks a rebuild (a located error or an exception), the loop goes on,
/// says what happened (overlay and console), keeps the last good pages, and the next edit mends it.
/// </summary>
public sealed class ServeRecoveryTests
{
    private const string Page = "values/mutuality/";
    private const string BrokenFile = "content/values/mutuality.md";

    /// <summary>The kinds of input that crashed a rebuild, each with generated variants (a fixed seed, so a failure repeats).</summary>
    public static TheoryData<string, string> BrokenInputs()
    {
        var random = new Random(15);
        var data = new TheoryData<string, string>();
        char[] controls = [.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n')).Select(c => (char)c), '\uFFFE', '\uFFFF', '\uD800', '\uDC00'];
        for (var i = 0; i < 3; i++)
        {
            var bad = $"\"Broken \\u{(int)controls[random.Next(controls.Length)]:X4} text\"";
            data.Add("control character", random.Next(2) == 0 ? $"title: {bad}\nsummary: Giving." : $"title: Mutuality\nsummary: {bad}");

            var (year, month, day) = random.Next(3) switch
            {
                0 => (0, random.Next(1, 13), 0),
                1 => (random.Next(1, 3000), random.Next(2) == 0 ? 0 : 13 + random.Next(87), 0),
                _ => (random.Next(1, 3000), 11, 31),
            };
            data.Add("history date", day == 0 ? $"{year:D4}-{month:D2}" : $"{year:D4}-{month:D2}-{day:D2}");

            data.Add("unmatched brackets", new string('[', 129 + random.Next(400)));
        }
        return data;
    }

    private static void Break(TempFolder temp, string kind, string value)
    {
        switch (kind)
        {
            case "control character":
                temp.Write(BrokenFile, $"---\n{value}\n---\n\nThe broken version.\n");
                break;
            case "history date":
                // A history entry is the kind with a date: the broken file is a new one.
                temp.Write("content/history/start.md", $"---\ntitle: Start\nsummary: It began.\ndate: '{value}'\n---\n\nStart.\n");
                break;
            default:
                temp.Write(BrokenFile, $"---\ntitle: Mutuality\nsummary: Giving.\n---\n\nThe broken version {value}\n");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public async Task A_broken_file_is_reported_and_the_next_edit_is_served(string kind, string value)
    {
        using var temp = new TempFolder();
        ServeTests.SmallSite(temp);
        var log = new ConcurrentQueue<string>();
        await using var host = new ServeHost(new SiteEngine(temp.Path("content"), temp.Path("theme")), port: 0, log.Enqueue);
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = ServeTests.Wait };
        await using var events = await EventStream.Open(host.Url!);
        await events.Next("hello");

        Break(temp, kind, value);
        var (type, data) = await events.NextAny();
        if (type == "errors")
        {
            // Located (the file) or, for a bug, "internal error" naming the changed file.
            Assert.True(data.Contains("mutuality.md") || data.Contains("history/start.md"), $"{kind}: {data}");
            Assert.Contains(log, line => line.Contains("error", StringComparison.Ordinal));
            Assert.Contains("The first version of the text.", await http.GetStringAsync(Page));
        }

        temp.Write(BrokenFile, "---\ntitle: Mutuality\nsummary: Giving.\n---\n\nThe mended version.\n");
        if (File.Exists(temp.Path("content", "history", "start.md")))
            temp.Write("content/history/start.md", "---\ntitle: Start\nsummary: It began.\ndate: '1975-03'\n---\n\nStart.\n");
        await events.Next("reload");
        Assert.Contains("The mended version.", await http.GetStringAsync(Page));
        Assert.False(host.LastOutcome!.HasErrors, string.Join("\n", host.LastOutcome.Errors) + host.LastOutcome.FatalError);
    }

    [Fact]
    public async Task An_exception_in_a_rebuild_shows_internal_error_and_the_next_edit_rebuilds_everything()
    {
        using var temp = new TempFolder();
        ServeTests.SmallSite(temp);
        var log = new ConcurrentQueue<string>();
        var engine = new SiteEngine(temp.Path("content"), temp.Path("theme"));
        await using var host = new ServeHost(engine, port: 0, log.Enqueue);
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = ServeTests.Wait };
        await using var events = await EventStream.Open(host.Url!);
        await events.Next("hello");

        foreach (var message in new[] { "injected fault", "a second fault\nover two lines" })
        {
            engine.FaultForTests = _ => throw new InvalidOperationException(message);
            temp.Write(BrokenFile, $"---\ntitle: Mutuality\nsummary: Giving.\n---\n\nBefore {message.Length}.\n");
            var error = await events.Next("errors");
            Assert.Contains("internal error", error);
            Assert.Contains("mutuality.md", error);
            Assert.Contains(log, line => line.Contains("internal error", StringComparison.Ordinal) && line.Contains("InvalidOperationException", StringComparison.Ordinal));
            Assert.Contains("The first version of the text.", await http.GetStringAsync(Page));
        }

        engine.FaultForTests = null;
        temp.Write(BrokenFile, "---\ntitle: Mutuality mended\nsummary: Giving.\n---\n\nThe mended version.\n");
        await events.Next("reload");
        Assert.Contains("The mended version.", await http.GetStringAsync(Page));
        Assert.Contains("Mutuality mended", await http.GetStringAsync("projects/circle/"));
        Assert.True(host.LastOutcome!.Full, "the rebuild after a crash starts from scratch");
        FullBuildComparison.AssertSame(engine, temp.Path("theme"));
    }

    [Fact]
    public async Task A_first_build_that_throws_still_starts_the_server_and_an_edit_serves_the_site()
    {
        using var temp = new TempFolder();
        ServeTests.SmallSite(temp);
        var engine = new SiteEngine(temp.Path("content"), temp.Path("theme")) { FaultForTests = _ => throw new NullReferenceException("first build") };
        await using var host = new ServeHost(engine, port: 0);
        await host.StartAsync();
        Assert.Contains("internal error", host.LastOutcome!.FatalError);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = ServeTests.Wait };
        await using var events = await EventStream.Open(host.Url!);
        Assert.Contains("internal error", await events.Next("hello"));

        engine.FaultForTests = null;
        temp.Write(BrokenFile, "---\ntitle: Mutuality\nsummary: Giving.\n---\n\nServed at last.\n");
        await events.Next("reload");
        Assert.Contains("Served at last.", await http.GetStringAsync(Page));
    }

    [Theory]
    [InlineData("values/linked.md", false)]
    [InlineData("values/dangling.md", false)]
    [InlineData("projects/more", true)]
    public async Task A_link_added_while_serving_is_refused_as_check_refuses_it(string place, bool folder)
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        ServeTests.SmallSite(temp);
        temp.Write("outside/leak.md", "---\ntitle: Leaked\nsummary: From outside.\n---\n\nLeaked text.\n");
        var engine = new SiteEngine(temp.Path("content"), temp.Path("theme"));
        await using var host = new ServeHost(engine, port: 0);
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = ServeTests.Wait };
        await using var events = await EventStream.Open(host.Url!);
        await events.Next("hello");

        var full = temp.Path(["content", .. place.Split('/')]);
        if (folder) Directory.CreateSymbolicLink(full, temp.Path("outside"));
        else File.CreateSymbolicLink(full, place.Contains("dangling") ? temp.Path("nowhere.md") : temp.Path("outside", "leak.md"));
        var error = await events.Next("errors");
        Assert.Contains("PC0012", error);
        Assert.Contains(place, error);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(folder ? "projects/more/leak/" : "values/linked/")).StatusCode);
        FullBuildComparison.AssertSameDiagnostics(engine, temp.Path("theme"));
    }
}
