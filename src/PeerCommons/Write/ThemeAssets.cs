using System.Security.Cryptography;
using PeerCommons.Pipeline;
using PeerCommons.Render;

namespace PeerCommons.Write;

/// <summary>
/// Copies the theme's assets/ into the site's assets/ with a content hash in each file name
/// (site.3f2a9c1b.css), so hosts can cache them for a year and a new build is never stale.
/// </summary>
public static class ThemeAssets
{
    /// <summary>Publishes assets/ of both theme layers; a site's file replaces the bundled one of the same name.</summary>
    public static AssetPaths Publish(ThemeLayers theme, IOutputSink sink, IEnumerable<(string Name, byte[] Bytes)> extra)
    {
        var published = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = theme.FilesIn("assets").Select(f => (Name: f.Key, Bytes: File.ReadAllBytes(f.Value.Path)));
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
            published.GetValueOrDefault("lunr.min.js", "assets/lunr.min.js"));
    }

    /// <summary>
    /// lunr.js comes from npm (theme/package.json pins it), never from a copy in this repository.
    /// Returns null when `npm ci --prefix theme` has not been run.
    /// </summary>
    public static (string Name, byte[] Bytes)? Lunr(ThemeLayers theme) =>
        theme.Resolve("node_modules/lunr/lunr.min.js") is { } path ? ("lunr.min.js", File.ReadAllBytes(path)) : null;

    public static string Fingerprinted(string name, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? $"{name}.{hash}" : $"{name[..dot]}.{hash}{name[dot..]}";
    }
}
