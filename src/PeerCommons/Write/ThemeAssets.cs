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
            published.GetValueOrDefault("lunr.min.js", "assets/lunr.min.js"),
            published.GetValueOrDefault("favicon.svg", "assets/favicon.svg"),
            published.GetValueOrDefault("not-found.js", "assets/not-found.js"));
    }

    /// <summary>
    /// lunr.js comes from npm (theme/package.json pins it), never from a copy in this repository.
    /// Returns null when `npm ci --prefix theme` has not been run.
    /// </summary>
    public static (string Name, byte[] Bytes)? Lunr(string themeDirectory)
    {
        var path = Path.Combine(themeDirectory, "node_modules", "lunr", "lunr.min.js");
        return File.Exists(path) ? ("lunr.min.js", File.ReadAllBytes(path)) : null;
    }

    public static string Fingerprinted(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? $"{name}.{hash}" : $"{name[..dot]}.{hash}{name[dot..]}";
    }
}
