using PeerCommons.Diagnostics;
using PeerCommons.Load;

namespace PeerCommons.Engine;

/// <summary>What a batch of changed paths means: the theme, site.yaml or sources.yaml, and which content files to reload.</summary>
internal sealed record ScannedChanges(bool Theme, bool Config, IReadOnlyCollection<string> ContentFiles);

/// <summary>Turns the paths a file watcher reported (full paths) into the content files to reload.</summary>
internal static class ChangeScanner
{
    /// <summary>The changes, or null when only a full build can tell (a folder that is or holds a link, or hidden entries).</summary>
    /// <param name="themeRoots">The theme's folders, with the site's own theme folder even when it does not exist yet.</param>
    public static ScannedChanges? Scan(IEnumerable<string> changedPaths, string root, IReadOnlyList<string> themeRoots, ContentModel model)
    {
        bool theme = false, config = false;
        var contentFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in changedPaths)
        {
            var full = Path.GetFullPath(raw);
            if (themeRoots.Any(r => IsUnder(full, r))) { theme = true; continue; }
            if (!IsUnder(full, root)) continue;
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.Split('/').Any(p => p.StartsWith('.'))) continue;
            if (relative is "site.yaml" or "sources.yaml") { config = true; continue; }
            if (Directory.Exists(full))
            {
                // A folder that is (or holds) a link, or hidden entries: the full build names them as check does.
                var walked = new DiagnosticBag();
                var inFolder = new DirectoryInfo(full).LinkTarget is null ? ContentWalker.Files(root, walked, full) : null;
                if (inFolder is null || walked.Sorted().Count > 0) return null;
                foreach (var (_, fileRelative) in inFolder) contentFiles.Add(fileRelative);
                continue;
            }
            contentFiles.Add(relative);
            // A folder that was deleted or renamed away: every file that was in it.
            foreach (var known in model.KnownFilesUnder(relative).ToList()) contentFiles.Add(known);
        }
        contentFiles.RemoveWhere(f => f.Split('/').Any(p => p.StartsWith('.')) || IsRootReadme(f));
        return new ScannedChanges(theme, config, contentFiles);
    }

    private static bool IsRootReadme(string relative) =>
        !relative.Contains('/') && relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && relative.StartsWith("README", StringComparison.OrdinalIgnoreCase);

    public static bool IsUnder(string full, string folder) =>
        full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
