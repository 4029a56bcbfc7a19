using System.Diagnostics;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// Dates from git, and never names: a page without 'updated' or 'contributors' may show when its file
/// last changed, from the full history only, and never who changed it (issue 16).
/// </summary>
public sealed class GitDatesTests
{
    private const string Author = "Jane Secretname";
    private const string Page = "values/shared-power/index.html"; // no 'updated' and no 'contributors'

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-C", directory }.Concat(arguments)) start.ArgumentList.Add(argument);
        foreach (var variable in new[] { "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE" }) start.Environment[variable] = "2020-05-04T12:00:00Z";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = Author;
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "jane@example.org";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error.Result}");
    }

    /// <summary>A repository with the valid fixture in content/, committed twice by <see cref="Author"/>.</summary>
    private static string Repository(TempFolder temp)
    {
        var repo = temp.Path("repo");
        Build.CopyFolder(Build.ValidContent, Path.Combine(repo, "content"));
        Ownership.CodeOwners.Write(Path.Combine(repo, "content")); // a repository has one; check wants it current
        Git(repo, "init", "-q", "-b", "main");
        Git(repo, "add", "-A");
        Git(repo, "commit", "-q", "-m", "First");
        File.AppendAllText(Path.Combine(repo, "content", "pages", "about.md"), "\nOne more line.\n");
        Git(repo, "commit", "-q", "-am", "Second");
        return repo;
    }

    private static string BuildSite(string repo, string output)
    {
        var result = Build.Write(Path.Combine(repo, "content"), output);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics) + result.FatalError);
        return File.ReadAllText(Path.Combine(output, Page));
    }

    private static IEnumerable<string> Published(string site) =>
        Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal));

    [Fact]
    public void With_the_full_history_a_page_shows_its_git_date_and_no_author_anywhere()
    {
        using var temp = new TempFolder();
        var repo = Repository(temp);
        var html = BuildSite(repo, temp.Path("site"));
        Assert.Contains("Last updated <time datetime=\"2020-05-04\">4 May 2020</time>.", html);
        foreach (var file in Published(temp.Path("site")))
            Assert.DoesNotContain(Author, File.ReadAllText(file));
    }

    [Fact]
    public void A_shallow_clone_gives_no_git_dates_and_no_author()
    {
        using var temp = new TempFolder();
        var repo = Repository(temp);
        var clone = temp.Path("clone");
        Git(temp.Root, "clone", "-q", "--depth", "1", "file://" + repo, clone);
        var html = BuildSite(clone, temp.Path("site"));
        Assert.DoesNotContain("Last updated", html);
        Assert.DoesNotContain("2020-05-04", html);
        foreach (var file in Published(temp.Path("site")))
            Assert.DoesNotContain(Author, File.ReadAllText(file));
    }
}
