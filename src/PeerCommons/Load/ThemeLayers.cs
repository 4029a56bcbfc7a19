namespace PeerCommons.Load;

/// <summary>One file of the theme as the build sees it: its name (templates/partials/footer.liquid), the file that wins, and whether the site's own folder provided it.</summary>
public sealed record ThemeFile(string Name, string Path, bool FromSite);

/// <summary>
/// The theme in two layers: the bundled theme, and the site's own theme folder whose files replace
/// the bundled files of the same name (and may add new ones). A site then changes one partial or one
/// stylesheet without copying the rest, and keeps receiving the bundled theme's fixes for everything else.
/// </summary>
public sealed record ThemeLayers(string Bundled, string? Site)
{
    /// <summary>The folders of a theme that pages are made from (node_modules/ holds lunr.js, looked up by name).</summary>
    public static readonly string[] Folders = ["templates", "assets"];

    /// <summary>Both layers' folders, the site's first (for watching and for guarding against an --output over them).</summary>
    public IEnumerable<string> Roots => Site is null ? [Bundled] : [Site, Bundled];

    /// <summary>The file that wins for a name (relative, with '/'), or null when neither layer has it.</summary>
    public string? Resolve(string name)
    {
        foreach (var root in Roots)
        {
            var path = System.IO.Path.Combine(root, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>The files directly in one folder of the theme (e.g. "templates/partials"), by name, the site's winning.</summary>
    public SortedDictionary<string, ThemeFile> FilesIn(string folder, string pattern = "*")
    {
        var files = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        foreach (var root in Roots.Reverse())
        {
            var directory = System.IO.Path.Combine(root, folder);
            if (!Directory.Exists(directory)) continue;
            foreach (var path in Directory.GetFiles(directory, pattern))
            {
                var name = System.IO.Path.GetFileName(path);
                files[name] = new ThemeFile(folder + "/" + name, path, FromSite: root == Site);
            }
        }
        return files;
    }

    /// <summary>Every file of templates/ and assets/ in either layer, by name, the site's winning.</summary>
    public IReadOnlyList<ThemeFile> AllFiles()
    {
        var files = new SortedDictionary<string, ThemeFile>(StringComparer.Ordinal);
        foreach (var root in Roots.Reverse())
            foreach (var folder in Folders)
            {
                var directory = System.IO.Path.Combine(root, folder);
                if (!Directory.Exists(directory)) continue;
                foreach (var path in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
                {
                    var name = System.IO.Path.GetRelativePath(root, path).Replace('\\', '/');
                    files[name] = new ThemeFile(name, path, FromSite: root == Site);
                }
            }
        return files.Values.ToList();
    }
}
