using System.Text;
using PeerCommons.Pipeline;

namespace PeerCommons.Hardening.Tests.Support;

/// <summary>
/// A scratch root holding content/ (a minimal valid site) and, after a build, _site/. Deleted at the end.
/// </summary>
public sealed class Sandbox : IDisposable
{
    public const string SiteYaml = "title: Hardening Commons\nhelp_link:\n  url: https://example.org/help\n  text: Need help now?\nlanguage: en-GB\n";
    public const string SourcesYaml = "smith-2010:\n  authors: [\"Smith, A.\"]\n  year: 2010\n  title: \"A study\"\n";

    public Sandbox(bool minimalSite = true)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "peercommons-hardening", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (minimalSite)
        {
            Write("content/site.yaml", SiteYaml);
            Write("content/sources.yaml", SourcesYaml);
        }
    }

    public string Root { get; }
    /// <summary>The site sits two folders down, so a write that climbs out of it still lands in the snapshot.</summary>
    public string SiteDir => Path("outer", "site");
    public string Content => Path("outer", "site", "content");
    public string Output => Path("outer", "site", "_site");

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public string Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine([SiteDir, .. relative.Split('/')]);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public BuildOptions Options(bool write) => new()
    {
        ContentDirectory = Content,
        OutputDirectory = Output,
        WriteOutput = write,
        ThemeDirectory = Repo.Path("theme"),
    };

    /// <summary>Every file and folder below the root, with its size (relative paths, '/' separators).</summary>
    public SortedDictionary<string, long> Tree() => TreeOf(Root);

    public static SortedDictionary<string, long> TreeOf(string root)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            result[System.IO.Path.GetRelativePath(root, entry.FullName).Replace('\\', '/')] = entry is FileInfo f ? f.Length : -1;
        return result;
    }

    /// <summary>What appeared, vanished or changed size between two trees, except below the output folder.</summary>
    public List<string> ChangesOutsideOutput(SortedDictionary<string, long> before, SortedDictionary<string, long> after)
    {
        const string output = "outer/site/_site";
        bool InOutput(string path) => path == output || path.StartsWith(output + "/", StringComparison.Ordinal);
        var changes = new List<string>();
        foreach (var (path, size) in after)
            if (!InOutput(path) && (!before.TryGetValue(path, out var old) || old != size)) changes.Add("written: " + path);
        foreach (var path in before.Keys)
            if (!InOutput(path) && !after.ContainsKey(path)) changes.Add("deleted: " + path);
        return changes;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
