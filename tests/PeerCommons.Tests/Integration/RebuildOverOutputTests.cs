using Mono.Unix;
using PeerCommons.Tests.Support;
using PeerCommons.Write;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// A rebuild over an existing site links the files whose bytes did not change from it instead of
/// writing them again (<see cref="PreviousOutput"/>): what a user sees is the same site, with unchanged
/// files keeping their time, and never a file of the previous site changed in place.
/// </summary>
public sealed class RebuildOverOutputTests
{
    private const string ValuePage = "values/mutuality/index.html";

    [Fact]
    public void Unchanged_files_keep_their_time_and_changed_ones_get_the_new_bytes()
    {
        if (OperatingSystem.IsWindows()) return; // every file is written there
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(content, output).Succeeded);
        var home = Path.Combine(output, "index.html");
        var homeInode = Inode(home);
        var homeTime = File.GetLastWriteTimeUtc(home);

        File.AppendAllText(Path.Combine(content, "values", "mutuality.md"), "\nA sentence added between builds.\n");
        var rebuilt = Build.Write(content, output);

        Assert.True(rebuilt.Succeeded, Build.Describe(rebuilt.Diagnostics));
        Assert.Equal(homeInode, Inode(home));
        Assert.Equal(homeTime, File.GetLastWriteTimeUtc(home));
        Assert.Contains("A sentence added between builds.", File.ReadAllText(Path.Combine(output, ValuePage)));
        BackgroundRemoval.WaitForAll();
        var fresh = temp.Path("fresh", "_site");
        Assert.True(Build.Write(content, fresh).Succeeded);
        Assert.Equal(Build.Snapshot(fresh), Build.Snapshot(output));
    }

    [Fact]
    public void A_rebuild_never_changes_a_file_of_the_previous_site_in_place()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(content, output).Succeeded);
        Assert.True(Build.Write(content, output).Succeeded); // now the page is linked from the first build
        // A backup (or a deploy tool's copy) that shares the page's file, as hard links do.
        var backup = temp.Path("backup.html");
        new UnixFileInfo(Path.Combine(output, ValuePage)).CreateLink(backup);
        var before = File.ReadAllBytes(backup);

        File.AppendAllText(Path.Combine(content, "values", "mutuality.md"), "\nA sentence added between builds.\n");
        Assert.True(Build.Write(content, output).Succeeded);

        Assert.Equal(before, File.ReadAllBytes(backup));
        Assert.Contains("A sentence added between builds.", File.ReadAllText(Path.Combine(output, ValuePage)));
    }

    [Fact]
    public void A_page_edited_by_hand_in_the_output_is_written_again()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        var built = File.ReadAllBytes(Path.Combine(output, ValuePage));
        // Same length, other bytes: only a comparison of the bytes can tell.
        var edited = built.ToArray();
        edited[^2] = (byte)(edited[^2] == (byte)'x' ? 'y' : 'x');
        File.WriteAllBytes(Path.Combine(output, ValuePage), edited);

        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);

        Assert.Equal(built, File.ReadAllBytes(Path.Combine(output, ValuePage)));
    }

    [Fact]
    public void A_symbolic_link_left_in_the_output_is_not_carried_into_the_new_site()
    {
        if (OperatingSystem.IsWindows()) return;
        using var temp = new TempFolder();
        var output = temp.Path("site", "_site");
        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);
        // A link to a file with the very bytes the build makes: linking the link would put a symbolic link in the site.
        var elsewhere = temp.Path("elsewhere.html");
        File.Copy(Path.Combine(output, ValuePage), elsewhere);
        File.Delete(Path.Combine(output, ValuePage));
        File.CreateSymbolicLink(Path.Combine(output, ValuePage), elsewhere);

        Assert.True(Build.Write(Build.ValidContent, output).Succeeded);

        var page = new FileInfo(Path.Combine(output, ValuePage));
        Assert.Null(page.LinkTarget);
        Assert.Equal(File.ReadAllBytes(elsewhere), File.ReadAllBytes(page.FullName));
    }

    private static long Inode(string path) => new UnixFileInfo(path).Inode;
}
