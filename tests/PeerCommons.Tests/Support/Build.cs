using PeerCommons.Diagnostics;
using PeerCommons.Pipeline;

namespace PeerCommons.Tests.Support;

/// <summary>Runs the whole pipeline the way check and build do, and shows diagnostics relative to a fixture folder.</summary>
public static class Build
{
    public static string Fixture(params string[] parts) => Repo.Path(["tests", "PeerCommons.Tests", "fixtures", .. parts]);

    public static string ValidContent => Fixture("valid", "content");

    public static BuildResult Check(string contentDirectory, string? themeDirectory = null) =>
        BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = contentDirectory,
            WriteOutput = false,
            ThemeDirectory = themeDirectory ?? Repo.Path("theme"),
        });

    /// <param name="themeOverridesDirectory">A site's own theme folder, whose templates and parts override the theme's one by one.</param>
    public static BuildResult Write(string contentDirectory, string outputDirectory, string? themeDirectory = null, string? themeOverridesDirectory = null) =>
        BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = contentDirectory,
            OutputDirectory = outputDirectory,
            WriteOutput = true,
            ThemeDirectory = themeDirectory ?? Repo.Path("theme"),
            ThemeOverridesDirectory = themeOverridesDirectory,
        });

    /// <summary>The diagnostic's path relative to <paramref name="root"/>, with '/' separators, however DisplayPath wrote it.</summary>
    public static string RelativePath(Diagnostic diagnostic, string root)
    {
        var full = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, diagnostic.Path));
        return Path.GetRelativePath(Path.GetFullPath(root), full).Replace('\\', '/');
    }

    /// <summary><c>content/values/x.md(3,1): error PC0102</c>, the form expected.txt uses (the message is checked separately).</summary>
    public static string Head(Diagnostic diagnostic, string root) =>
        $"{RelativePath(diagnostic, root)}({diagnostic.Line},{diagnostic.Column}): {(diagnostic.Severity == Severity.Error ? "error" : "warning")} {diagnostic.Code}";

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    /// <summary>Copies a folder recursively (byte for byte).</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>SHA-256 of every file below <paramref name="root"/>, by relative path (folders included as entries).</summary>
    public static SortedDictionary<string, string> Snapshot(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, dir).Replace('\\', '/') + "/"] = "dir";
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(root, file).Replace('\\', '/')] =
                Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }
}
