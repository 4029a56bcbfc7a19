using PeerCommons.Diagnostics;
using PeerCommons.Tests.Support;
using PeerCommons.Write;

namespace PeerCommons.Tests.Integration;

public sealed class OutputTests
{
    [Fact]
    public void Two_builds_of_the_same_content_are_byte_identical()
    {
        using var temp = new TempFolder();
        var first = Build.Write(Build.ValidContent, temp.Path("one"));
        var second = Build.Write(Build.ValidContent, temp.Path("two"));
        Assert.True(first.Succeeded && second.Succeeded, Build.Describe(first.Diagnostics.Concat(second.Diagnostics)));
        var a = Build.Snapshot(temp.Path("one"));
        var b = Build.Snapshot(temp.Path("two"));
        Assert.True(a.Count > 30);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, hash) in a) Assert.True(hash == b[path], $"{path} differs between two builds");
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        var before = Build.Snapshot(output);

        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        File.AppendAllText(Path.Combine(content, "values", "mutuality.md"), "\nA [broken](xref:values/nowhere) link.\n");
        File.WriteAllText(Path.Combine(content, "values", "new-value.md"), "---\ntitle: New\nsummary: \"A new page that must not appear.\"\n---\nNew.\n");

        var failed = Build.Write(content, output);
        Assert.False(failed.Succeeded);
        Assert.False(failed.Written);
        Assert.Contains(failed.Diagnostics, d => d.Code == Codes.BrokenXref);
        Assert.Equal(before, Build.Snapshot(output));
        // no staging or old folder left beside the output
        Assert.Equal(["_site"], Directory.GetFileSystemEntries(temp.Path("site")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_successful_rebuild_replaces_the_output_and_leaves_nothing_beside_it()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        File.WriteAllText(Path.Combine(output, "stale.html"), "old");
        var result = Build.Write(Build.ValidContent, output);
        Assert.True(result.Succeeded);
        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        BackgroundRemoval.WaitForAll(); // the previous output is deleted in the background
        Assert.Equal(["_site"], Directory.GetFileSystemEntries(temp.Path("site")).Select(Path.GetFileName));
    }

    [Fact]
    public void Previous_outputs_set_aside_do_not_accumulate_over_many_rebuilds()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Directory.CreateDirectory(temp.Path("site"));
        File.WriteAllText(temp.Path("site", "marker.txt"), "not ours"); // a file beside the output stays
        for (var build = 1; build <= 4; build++)
        {
            var result = Build.Write(Build.ValidContent, output);
            Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
            Assert.True(File.Exists(Path.Combine(output, "index.html")), $"build {build}: the new site is in place");
        }
        BackgroundRemoval.WaitForAll();
        Assert.Equal(["_site", "marker.txt"], Directory.GetFileSystemEntries(temp.Path("site")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_swap_that_cannot_put_the_new_site_in_place_keeps_the_previous_output()
    {
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        var before = Build.Snapshot(output);

        // The staging folder vanished (a disk error, someone deleting it) between render and swap.
        Assert.ThrowsAny<IOException>(() => OutputSwap.Swap(temp.Path("site", "_site.staging-gone"), output));

        Assert.Equal(before, Build.Snapshot(output));
        BackgroundRemoval.WaitForAll();
        Assert.Equal(["_site"], Directory.GetFileSystemEntries(temp.Path("site")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_build_refuses_to_replace_a_folder_that_is_not_a_site()
    {
        using var temp = new TempFolder();
        var output = temp.Path("documents");
        temp.Write("documents/thesis.docx", "precious");
        temp.Write("documents/notes/a.txt", "also precious");
        var before = Build.Snapshot(output);

        var result = Build.Write(Build.ValidContent, output);
        Assert.NotNull(result.FatalError);
        Assert.False(result.Written);
        Assert.Equal(before, Build.Snapshot(output));
        Assert.Equal(["documents"], Directory.GetFileSystemEntries(temp.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_build_refuses_to_write_over_its_own_content()
    {
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        var before = Build.Snapshot(content);
        var result = Build.Write(content, content);
        Assert.NotNull(result.FatalError);
        Assert.Equal(before, Build.Snapshot(content));
    }

    [Fact]
    public void Check_writes_nothing()
    {
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        var before = Build.Snapshot(temp.Root);
        var result = Build.Check(content);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        Assert.False(result.Written);
        Assert.True(result.Pages > 20);
        Assert.Equal(before, Build.Snapshot(temp.Root));
    }
}
