using System.Diagnostics;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;
using PeerCommons.Write;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The previous output, set aside once the new site is in place, is removed by a process of its own
/// that outlives the build (<see cref="BackgroundRemoval"/>): the build command returns at once, the
/// folder goes soon after without any later build, and nothing but our own folders beside the output
/// is ever removed.
/// </summary>
public sealed class PreviousOutputRemovalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void After_a_rebuild_the_previous_output_disappears_with_no_later_build()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);

        // No WaitForAll and no third build: the folder set aside must go by itself.
        Assert.True(WaitUntil(() => Beside(output).Length == 0), $"still beside the output: {string.Join(", ", Beside(output))}");
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
    }

    [Fact]
    public async Task The_build_command_ends_while_a_large_previous_output_is_still_being_removed()
    {
        if (OperatingSystem.IsWindows()) return; // removed by a thread of the build there, which ends with it
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        // 60,000 files in the previous output: far more than can be unlinked in the moment the command takes to exit.
        for (var folder = 0; folder < 60; folder++)
        {
            var bulk = Directory.CreateDirectory(Path.Combine(output, "bulk", folder.ToString("D2"))).FullName;
            for (var file = 0; file < 1000; file++) File.Create(Path.Combine(bulk, file.ToString("D4"))).Dispose();
        }

        // The real command line, read to its end as a script's `$(peercommons build)` or a CI log reads it.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(BuildPipeline).Assembly.Location, "build", "--quiet", "--content", Build.ValidContent, "--theme", Repo.Path("theme"), "--output", output })
            start.ArgumentList.Add(argument);
        using var build = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Patience);
        var error = build.StandardError.ReadToEndAsync(timeout.Token);
        await build.StandardOutput.ReadToEndAsync(timeout.Token);
        await error;
        await build.WaitForExitAsync(timeout.Token);
        var stillThere = Beside(output);

        Assert.True(build.ExitCode == 0, await error);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "bulk")), "the new site is in place");
        Assert.True(stillThere.Length > 0, "the command ended only once the previous output was gone");
        Assert.True(WaitUntil(() => Beside(output).Length == 0), $"still beside the output: {string.Join(", ", Beside(output))}");
    }

    [Fact]
    public void Nothing_beside_the_output_but_our_own_folders_is_removed()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        var precious = temp.Write("precious/thesis.txt", "keep me");
        var lookalikes = new[]
        {
            "_site.old-notes", "_site.old-12-x", "_site.staging-", "_site.removing-me", "_site2.old-1-1", "_site.backup", "other",
        }.Select(name => Directory.CreateDirectory(temp.Path("site", name)).FullName).ToList();
        File.WriteAllText(Path.Combine(lookalikes[0], "notes.txt"), "mine");
        // A folder elsewhere with our marker, and a link with our marker to a folder of someone's files.
        var elsewhere = Directory.CreateDirectory(temp.Path("elsewhere", "_site.old-1-1")).FullName;
        var link = temp.Path("site", "_site.old-1-1");
        Directory.CreateSymbolicLink(link, Path.GetDirectoryName(precious)!);

        foreach (var folder in lookalikes.Append(elsewhere).Append(link)) BackgroundRemoval.Start(output, folder);
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded); // and a build's own look for abandoned folders
        BackgroundRemoval.WaitForAll();

        Assert.All(lookalikes.Append(elsewhere).Append(link), folder => Assert.True(Directory.Exists(folder), folder));
        Assert.Equal("keep me", File.ReadAllText(precious));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(link, "thesis.txt")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(lookalikes[0], "notes.txt")));
    }

    [Fact]
    public void A_folder_whose_remover_was_stopped_is_removed_by_the_next_build_and_a_running_one_is_left_to_it()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        using var ended = Process.Start(new ProcessStartInfo("dotnet", "--version") { UseShellExecute = false, RedirectStandardOutput = true })!;
        ended.WaitForExit();
        var stopped = temp.Path("site", $"_site.removing-{ended.Id}");
        Directory.CreateDirectory(Path.Combine(stopped, "values"));
        File.WriteAllText(Path.Combine(stopped, "values", "index.html"), "half removed");
        // Another remover still at work: not this build's to remove (it would race it over the same tree).
        var working = temp.Path("site", $"_site.removing-{Environment.ProcessId}");
        Directory.CreateDirectory(working);

        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        BackgroundRemoval.WaitForAll();

        Assert.False(Directory.Exists(stopped));
        Assert.True(Directory.Exists(working));
    }

    /// <summary>Folders beside the output named after it (previous outputs, staging and removal folders).</summary>
    private static string[] Beside(string output) =>
        Directory.GetDirectories(Path.GetDirectoryName(output)!)
            .Where(folder => Path.GetFileName(folder).StartsWith(Path.GetFileName(output) + ".", StringComparison.Ordinal)).ToArray();

    private static bool WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience) return false;
            Thread.Sleep(50);
        }
        return true;
    }
}
