using System.Diagnostics;
using System.Globalization;
using PeerCommons.Model;

namespace PeerCommons.Load;

/// <summary>
/// When each content file was last changed, from one `git log` over the content folder. Used only
/// where front matter gives no 'updated' date. It never keeps an author's name: contributors may
/// have lived experience, and only `contributors` in front matter says who wants to be named.
/// Outside a git checkout, without git, or in a shallow clone (where the one commit present would
/// date every file) it knows nothing, and pages show only what front matter says.
/// </summary>
public sealed class GitHistory
{
    private readonly Dictionary<string, FileChange> _changes;

    private GitHistory(Dictionary<string, FileChange> changes) => _changes = changes;

    public static readonly GitHistory Empty = new(new Dictionary<string, FileChange>());

    /// <param name="relativePath">Path below the content folder, with '/' separators.</param>
    public FileChange? LastChange(string relativePath) => _changes.GetValueOrDefault(relativePath);

    public static GitHistory Load(string contentDirectory)
    {
        if (!InsideGitCheckout(contentDirectory)) return Empty; // no need to start git to learn that
        try
        {
            if (Git(contentDirectory, "rev-parse", "--is-shallow-repository") is not "false") return Empty;
            var start = new ProcessStartInfo("git")
            {
                ArgumentList = { "-C", contentDirectory, "log", "--format=%x01%as", "--name-only", "--relative", "--no-renames", "--", "." },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null) return Empty;
            var changes = new Dictionary<string, FileChange>(StringComparer.Ordinal);
            FileChange? current = null;
            string? line;
            while ((line = git.StandardOutput.ReadLine()) is not null)
            {
                if (line.StartsWith('\u0001'))
                {
                    current = DateOnly.TryParseExact(line[1..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? new FileChange(date) : null;
                }
                else if (line.Length > 0 && current is not null)
                    changes.TryAdd(line, current); // log is newest first: keep the first change seen
            }
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? new GitHistory(changes) : Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return Empty; // git is not installed
        }
    }

    /// <summary>One line git prints, or null when git fails.</summary>
    private static string? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start);
        if (git is null) return null;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : null;
    }

    private static bool InsideGitCheckout(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) return true;
        return false;
    }
}
