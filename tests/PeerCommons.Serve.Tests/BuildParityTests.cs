using System.Diagnostics;
using PeerCommons.Pipeline;

namespace PeerCommons.Serve.Tests;

/// <summary>
/// build, check and serve are one engine: on the same content, serve's first build serves exactly
/// the files build writes (the live-reload script is the only thing serve adds, to HTML only, and
/// is accounted for), and reports exactly what build reports.
/// </summary>
public sealed class BuildParityTests
{
    private static readonly string Theme = Repo.Path("theme");
    private static string Fixtures(params string[] parts) => Repo.Path(["tests", "PeerCommons.Tests", "fixtures", .. parts]);

    public static TheoryData<string> BrokenFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Fixtures("broken")).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(folder));
        return data;
    }

    [Fact]
    public async Task The_starter_content_is_served_as_build_writes_it() => await AssertServedAsBuilt(Repo.Path("content"));

    [Fact]
    public async Task The_valid_fixture_is_served_as_build_writes_it() => await AssertServedAsBuilt(Fixtures("valid", "content"));

    /// <summary>A broken site is not written by build, but check renders it: the same files, of the same sizes, and the same findings.</summary>
    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void A_broken_fixture_is_found_as_check_finds_it(string fixture)
    {
        var content = Fixtures("broken", fixture, "content");
        var check = FullBuildComparison.Build(content, Theme, Path.Combine(Path.GetTempPath(), "unused"), write: false);
        var engine = new SiteEngine(content, Theme);
        engine.BuildAll();
        Assert.Equal(check.Diagnostics.Select(d => d.ToString()), engine.Diagnostics.Select(d => d.ToString()));
        var served = FullBuildComparison.Served(engine).ToDictionary(p => p.Key, p => (long)p.Value.Length, StringComparer.Ordinal);
        Assert.Equal(check.Files.OrderBy(p => p.Key, StringComparer.Ordinal), served.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    /// <summary>
    /// A file serve reloads after an edit keeps its git "last changed" date, as build shows it: the
    /// content is committed (with a fixed date) in a repository of its own, and an entry without an
    /// 'updated' date is edited.
    /// </summary>
    [Fact]
    public void An_edited_file_keeps_its_last_changed_date_from_git()
    {
        using var temp = new TempFolder();
        ServeTests.SmallSite(temp);
        Git(temp.Root, "init", "-q");
        Git(temp.Root, "add", ".");
        Git(temp.Root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "content");
        var engine = new SiteEngine(temp.Path("content"), temp.Path("theme"));
        Assert.True(engine.BuildAll().Committed);
        var page = () => System.Text.Encoding.UTF8.GetString(engine.Files["values/mutuality/index.html"]);
        Assert.Contains("2024-03-05", page());

        var file = temp.Path("content", "values", "mutuality.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("The first version", "An edited version"));
        Assert.True(engine.Apply([file]).Committed);
        Assert.Contains("An edited version", page());
        Assert.Contains("2024-03-05", page());
        FullBuildComparison.AssertSame(engine, temp.Path("theme"));
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_AUTHOR_DATE"] = "2024-03-05T12:00:00Z";
        start.Environment["GIT_COMMITTER_DATE"] = "2024-03-05T12:00:00Z";
        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, git.StandardError.ReadToEnd());
    }

    /// <summary>
    /// Every file build writes is served with the same bytes over HTTP, except that each HTML page
    /// gets serve's live-reload script (<see cref="ServeHost.InjectScript"/>); nothing more is served,
    /// and the findings are the same.
    /// </summary>
    private static async Task AssertServedAsBuilt(string content)
    {
        using var temp = new TempFolder();
        var build = FullBuildComparison.Build(content, Theme, temp.Path("_site"), write: true);
        Assert.True(build.Written, build.FatalError ?? string.Join("\n", build.Diagnostics));
        var written = FullBuildComparison.ReadTree(temp.Path("_site"));

        var engine = new SiteEngine(content, Theme);
        await using var host = new ServeHost(engine, port: 0);
        await host.StartAsync();
        Assert.Equal(build.Diagnostics.Select(d => d.ToString()), engine.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), FullBuildComparison.Served(engine).Keys.Order(StringComparer.Ordinal));

        using var http = new HttpClient { BaseAddress = host.Url, Timeout = ServeTests.Wait };
        foreach (var (path, bytes) in written)
        {
            var expected = path.EndsWith(".html", StringComparison.Ordinal) ? ServeHost.InjectScript(bytes) : bytes;
            var served = await http.GetByteArrayAsync(Uri.EscapeDataString(path).Replace("%2F", "/"));
            Assert.True(expected.AsSpan().SequenceEqual(served), $"{path}: served differs from what build writes");
        }
    }
}
