using System.Security.Cryptography;
using PeerCommons.Render;

namespace PeerCommons.Write;

/// <summary>
/// Copies theme/assets/ into the site's assets/ with a content hash in each file name
/// (site.3f2a9c1b.css), so hosts can cache them for a year and a new build is never stale.
/// </summary>
public static class ThemeAssets
{
    public static AssetPaths Publish(string themeDirectory, IOutputSink sink, IEnumerable<(string Name, byte[] Bytes)> extra)
    {
        var folder = Path.Combine(themeDirectory, "assets");
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            : [];
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
            published.GetValueOrDefault("lunr.min.js", "assets/lunr.min.js")) { ByName = published };
    }

    /// <summary>
    /// lunr.js comes from npm (theme/package.json pins it), never from a copy in this repository.
    /// Returns null when `npm ci --prefix theme` has not been run.
    /// </summary>
    public static (string Name, byte[] Bytes)? Lunr(string themeDirectory) => FromNpm(themeDirectory, "lunr/lunr.min.js", "lunr.min.js");

    /// <summary>What to do when the npm scripts are missing: one wording for build and serve.</summary>
    public static string MissingNpmScripts(string themeDirectory)
    {
        var missing = Lunr(themeDirectory) is null
            ? MarkdownIt(themeDirectory) is null ? "lunr.js and markdown-it are missing" : "lunr.js is missing"
            : "markdown-it is missing";
        var broken = Lunr(themeDirectory) is null ? "the site's search" : "the propose form's preview";
        return $"{missing} from {Path.Combine(themeDirectory, "node_modules")}, so {broken} cannot work: run 'npm ci --prefix theme' first (it needs Node.js)";
    }

    /// <summary>
    /// markdown-it, for the propose form's live preview, comes from npm the same way (theme/package.json
    /// pins it). Returns null when `npm ci --prefix theme` has not been run.
    /// </summary>
    public static (string Name, byte[] Bytes)? MarkdownIt(string themeDirectory) => FromNpm(themeDirectory, "markdown-it/dist/browser/markdown-it.umd.min.js", "markdown-it.min.js");

    /// <summary>The scripts taken from npm that every build publishes, those that are installed.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> FromNpm(string themeDirectory) =>
        new[] { Lunr(themeDirectory), MarkdownIt(themeDirectory) }.OfType<(string, byte[])>();

    /// <param name="file">The file below node_modules/, with '/' separators.</param>
    /// <param name="name">The name it is published under in assets/.</param>
    private static (string Name, byte[] Bytes)? FromNpm(string themeDirectory, string file, string name)
    {
        var path = Path.Combine([themeDirectory, "node_modules", .. file.Split('/')]);
        return File.Exists(path) ? (name, File.ReadAllBytes(path)) : null;
    }

    public static string Fingerprinted(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? $"{name}.{hash}" : $"{name[..dot]}.{hash}{name[dot..]}";
    }
}
