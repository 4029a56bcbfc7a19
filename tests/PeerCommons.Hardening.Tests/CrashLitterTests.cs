using System.Diagnostics;
using CsCheck;
using PeerCommons.Hardening.Tests.Support;
using PeerCommons.Pipeline;
using PeerCommons.Write;

namespace PeerCommons.Hardening.Tests;

/// <summary>
/// A build that crashes (an internal error, exit 3) leaves nothing behind: no staging folder, the
/// previous site untouched. A later build clears staging folders, and previous outputs set aside, of
/// builds that were killed or exited before deleting them.
/// </summary>
public sealed class CrashLitterTests
{
    private static Sandbox BuiltSite()
    {
        var sandbox = new Sandbox();
        sandbox.Write("content/values/one.md", "---\ntitle: One\nsummary: The first.\nupdated: 2024-01-01\n---\nText.\n");
        var first = Bounded.Run(sandbox.Options(write: true));
        Assert.True(first.Written, Harness.Describe(first.Diagnostics) + first.FatalError);
        sandbox.Write("content/values/two.md", "---\ntitle: Two\nsummary: The second.\n---\nText.\n");
        return sandbox;
    }

    private static string[] StagingFolders(Sandbox sandbox)
    {
        BackgroundRemoval.WaitForAll(); // previous outputs and abandoned folders are deleted in the background
        return Directory.GetDirectories(Path.GetDirectoryName(sandbox.Output)!).Select(Path.GetFileName)
            .Where(name => name!.StartsWith("_site.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()!;
    }

    private sealed class InjectedFault(string stage) : Exception($"injected fault in stage '{stage}'");

    [Fact]
    public void A_crash_in_any_stage_removes_its_staging_folder_and_leaves_the_previous_site() =>
        Gen.OneOf("load", "validate", "parse", "theme", "assets", "render", "feeds", "links", "write").Sample(failing =>
        {
            using var sandbox = BuiltSite();
            var before = Sandbox.TreeOf(sandbox.Output);
            var stagesSeen = new List<string>();
            var crash = Assert.ThrowsAny<Exception>(() => BuildPipeline.Run(sandbox.Options(write: true), stage =>
            {
                stagesSeen.Add(stage);
                if (stage == failing) throw new InjectedFault(stage);
            }));
            Assert.IsType<InjectedFault>(crash);
            Assert.Empty(StagingFolders(sandbox));
            Assert.Equal(before, Sandbox.TreeOf(sandbox.Output));
            Assert.False(File.Exists(Path.Combine(sandbox.Output, "values", "two", "index.html")));
        }, iter: 20, threads: 1);

    [Fact]
    public void Input_that_once_crashed_rendering_leaves_either_a_new_site_or_the_old_one_and_no_staging_folder() =>
        Gen.Select(Gen.Int[129, 3000], Gen.OneOf("[", "[a", "![")).Sample((count, bracket) =>
        {
            using var sandbox = BuiltSite();
            var before = Sandbox.TreeOf(sandbox.Output);
            sandbox.Write("content/values/two.md", $"---\ntitle: Two\nsummary: The second.\n---\n{string.Concat(Enumerable.Repeat(bracket, count))}\n");
            bool written;
            try { written = Bounded.Run(sandbox.Options(write: true)).Written; }
            catch (AggregateException) { written = false; } // an internal error (exit 3) on this input
            Assert.Empty(StagingFolders(sandbox));
            if (!written) Assert.Equal(before, Sandbox.TreeOf(sandbox.Output));
        }, iter: 6, threads: 1);

    [Fact]
    public void After_a_crash_the_next_build_succeeds_and_leaves_no_staging_folder()
    {
        using var sandbox = BuiltSite();
        var crashed = Assert.ThrowsAny<Exception>(() => BuildPipeline.Run(sandbox.Options(write: true), stage => { if (stage == "render") throw new InjectedFault(stage); }));
        Assert.Contains("render", crashed.Message);
        var next = Bounded.Run(sandbox.Options(write: true));
        Assert.True(next.Written);
        Assert.True(File.Exists(Path.Combine(sandbox.Output, "values", "two", "index.html")));
        Assert.Empty(StagingFolders(sandbox));
    }

    [Fact]
    public void A_previous_output_set_aside_is_kept_while_no_output_is_in_place()
    {
        using var sandbox = BuiltSite();
        var parent = Path.GetDirectoryName(sandbox.Output)!;
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        ended.WaitForExit();
        // A build killed between setting the previous site aside and moving the new one in.
        var aside = Path.Combine(parent, $"_site.old-{ended.Id}-1");
        Directory.Move(sandbox.Output, aside);
        sandbox.Write("content/values/two.md", "---\ntitle: Two\nsummary: The second.\n---\nA [broken](xref:values/nowhere) link.\n");

        var failed = Bounded.Run(sandbox.Options(write: true));

        Assert.False(failed.Written);
        BackgroundRemoval.WaitForAll();
        Assert.True(File.Exists(Path.Combine(aside, "values", "one", "index.html")), "the only copy of the previous site is kept");
    }

    [Fact]
    public void A_build_removes_folders_left_by_builds_no_longer_running_and_keeps_those_of_running_ones() =>
        Gen.Int[1, 4].Sample(count =>
        {
            using var sandbox = BuiltSite();
            var parent = Path.GetDirectoryName(sandbox.Output)!;
            var dead = new List<string>();
            for (var i = 0; i < count; i++)
            {
                using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
                ended.WaitForExit();
                var folder = Path.Combine(parent, $"_site.staging-{ended.Id}");
                Directory.CreateDirectory(Path.Combine(folder, "values"));
                File.WriteAllText(Path.Combine(folder, "values", "half.html"), "half-written");
                dead.Add(folder);
                // the previous output that build had set aside and not finished deleting when it exited
                var aside = Path.Combine(parent, $"_site.old-{ended.Id}-1");
                Directory.CreateDirectory(Path.Combine(aside, "values"));
                File.WriteAllText(Path.Combine(aside, "values", "index.html"), "previous site");
                dead.Add(aside);
            }
            using var running = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
            var alive = Path.Combine(parent, $"_site.staging-{running.Id}");
            Directory.CreateDirectory(alive);
            var aliveAside = Path.Combine(parent, $"_site.old-{running.Id}-3");
            Directory.CreateDirectory(aliveAside);
            var notOurs = Path.Combine(parent, "_site.staging-notes");
            Directory.CreateDirectory(notOurs);
            try
            {
                var result = Bounded.Run(sandbox.Options(write: true));
                Assert.True(result.Written);
                BackgroundRemoval.WaitForAll();
                Assert.All(dead, folder => Assert.False(Directory.Exists(folder), folder));
                Assert.True(Directory.Exists(alive), "a running build's staging folder is its own");
                Assert.True(Directory.Exists(aliveAside), "a running build is still deleting the output it set aside");
                Assert.True(Directory.Exists(notOurs), "a folder not named by a process id is not ours to remove");
            }
            finally
            {
                running.Kill();
            }
        }, iter: 4, threads: 1);
}
