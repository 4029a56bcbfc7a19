using System.Security.Cryptography;
using PeerCommons.Load;

namespace PeerCommons.Write;

/// <summary>
/// Copies the theme's assets/ into the site's assets/ with a content hash in each file name
/// (site.3f2a9c1b.css), so hosts can cache them for a year and a new build is never stale.
/// </summary>
public static class ThemeAssets
{
    /// <summary>
    /// Publishes assets/ of both theme layers (a site's file replaces the bundled one of the same name),
    /// with site.css joined from its parts (<see cref="StylesheetParts"/>).
    /// </summary>
    public static AssetPaths Publish(ThemeLayers theme, IOutputSink sink, IEnumerable<(string Name, byte[] Bytes)> extra)
    {
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = theme.FilesIn("assets").Select(f => (Name: f.Key, Bytes: File.ReadAllBytes(f.Value.Path)));
        if (StylesheetParts.Joined(theme) is { } stylesheet) files = files.Append(stylesheet);
        foreach (var (name, bytes) in files.Concat(extra))
        {
            var path = "assets/" + Fingerprinted(name, bytes);
            sink.Write(path, bytes);
            published[name] = path;
        }
        return new AssetPaths(
            published.GetValueOrDefault("site.css", "assets/site.css"),
            published.GetValueOrDefault("print.css", "assets/print.css"),
            published.GetValueOrDefault("site.js", "assets/site.js"),
            published.GetValueOrDefault("search.js", "assets/search.js"),
            published.GetValueOrDefault("lunr.min.js", "assets/lunr.min.js"),
            published.GetValueOrDefault("favicon.svg", "assets/favicon.svg"),
            published.GetValueOrDefault("not-found.js", "assets/not-found.js")) { ByName = published };
    }

    /// <summary>
    /// lunr.js comes from npm (theme/package.json pins it), never from a copy in this repository.
    /// Returns null when `npm ci --prefix theme` has not been run.
    /// </summary>
    public static (string Name, byte[] Bytes)? Lunr(ThemeLayers theme) => FromNpm(theme, "lunr/lunr.min.js", "lunr.min.js");

    /// <summary>
    /// markdown-it, for the propose form's live preview, comes from npm the same way (theme/package.json
    /// pins it). Returns null when `npm ci --prefix theme` has not been run.
    /// </summary>
    public static (string Name, byte[] Bytes)? MarkdownIt(ThemeLayers theme) => FromNpm(theme, "markdown-it/dist/browser/markdown-it.umd.min.js", "markdown-it.min.js");

    /// <summary>The scripts taken from npm that every build publishes, those that are installed.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> FromNpm(ThemeLayers theme) =>
        new[] { Lunr(theme), MarkdownIt(theme) }.OfType<(string, byte[])>();

    /// <summary>What to do when the npm scripts are missing: one wording for build and serve.</summary>
    public static string MissingNpmScripts(ThemeLayers theme)
    {
        var folder = Path.Combine(theme.Bundled, "node_modules");
        var problem = (Lunr(theme), MarkdownIt(theme)) switch
        {
            (null, null) => $"lunr.js is missing from {folder} (and so is markdown-it), so the site's search and the propose form's preview cannot work",
            (null, _) => $"lunr.js is missing from {folder}, so the site's search cannot work",
            _ => $"markdown-it is missing from {folder}, so the propose form's preview cannot work",
        };
        return problem + ": run 'npm ci --prefix theme' first (it needs Node.js)";
    }

    /// <param name="file">The file below node_modules/, with '/' separators.</param>
    /// <param name="name">The name it is published under in assets/.</param>
    private static (string Name, byte[] Bytes)? FromNpm(ThemeLayers theme, string file, string name) =>
        theme.Resolve("node_modules/" + file) is { } path ? (name, File.ReadAllBytes(path)) : null;

    public static string Fingerprinted(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? $"{name}.{hash}" : $"{name[..dot]}.{hash}{name[dot..]}";
    }
}
