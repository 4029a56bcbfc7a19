using PeerCommons.Diagnostics;

namespace PeerCommons.Load;

/// <summary>
/// Lists every file under content/ that the loader should look at, and names what it will not
/// look into, so nothing is dropped without a word: a linked folder is an error (its files would
/// come from outside content/), a hidden file or folder (name starting with '.') a warning.
/// Linked and special files are listed; the loader refuses them with a located error.
/// </summary>
public static class ContentWalker
{
    /// <param name="folder">A folder below <paramref name="root"/> to list instead of all of it (serve, for a folder that appeared).</param>
    public static List<(string Full, string Relative)> Files(string root, DiagnosticBag diagnostics, string? folder = null)
    {
        var files = new List<(string Full, string Relative)>();
        Walk(root, folder ?? root, files, diagnostics);
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }

    private static void Walk(string root, string folder, List<(string Full, string Relative)> files, DiagnosticBag diagnostics)
    {
        foreach (var full in Directory.EnumerateFileSystemEntries(folder))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            var info = new DirectoryInfo(full);
            var isLink = info.LinkTarget is not null;
            var isFolder = Directory.Exists(full);
            var display = DisplayPath.For(full);
            if (Path.GetFileName(full).StartsWith('.'))
            {
                diagnostics.Warning(display, 1, 1, Codes.UnexpectedFile, isFolder
                    ? $"folder '{relative}' is hidden (its name starts with '.'), so nothing in it is published; rename it without the dot if it holds entries"
                    : $"file '{relative}' is hidden (its name starts with '.') and is ignored; delete it, or rename it without the dot if it is an entry");
                continue;
            }
            if (isFolder && isLink)
            {
                diagnostics.Error(display, 1, 1, Codes.NotOrdinaryFile,
                    $"folder '{relative}' is a symbolic link (to '{info.LinkTarget}'); PeerCommons reads only what is inside content/: replace the link with a real folder");
                continue;
            }
            if (isFolder) Walk(root, full, files, diagnostics);
            else files.Add((full, relative));
        }
    }
}
