namespace PeerCommons.Render;

/// <summary>
/// Every link the site writes is relative to the page it is on, and ends in index.html for
/// folders, so the same output works at a host's root, under a sub-path, and from file://.
/// Site paths are written without a leading '/': "values/mutuality/", "assets/site.css", "" (home).
/// </summary>
public static class SitePaths
{
    /// <summary>The search folder (the index's parts and the store's, see docs/search-store.md) and the index's
    /// manifest: pages link to them, and the index stage (a layer above) writes them.</summary>
    public const string SearchFolder = "search/";
    public const string SearchIndexManifest = SearchFolder + PeerCommons.Search.PartitionedIndexWriter.ManifestName;

    public static string Relative(string fromPage, string toPath) => FromRoot(UpToRoot(fromPage), toPath);

    /// <summary>The link to a site path from any page whose way up to the root is <paramref name="upToRoot"/>.</summary>
    public static string FromRoot(string upToRoot, string toPath)
    {
        var hash = toPath.IndexOf('#');
        var path = hash < 0 ? toPath.AsSpan() : toPath.AsSpan(0, hash);
        var fragment = hash < 0 ? default : toPath.AsSpan(hash);
        var folderPage = path.Length == 0 || path.EndsWith('/') ? "index.html" : "";
        return string.Concat(upToRoot, path, folderPage, fragment); // one string: pages hold many links
    }

    /// <summary>"../" once for each folder level of the page: "" for the home page.</summary>
    public static string UpToRoot(string fromPage)
    {
        var depth = fromPage.AsSpan().Count('/');
        return depth < Ups.Length ? Ups[depth] : string.Concat(Enumerable.Repeat("../", depth));
    }

    // Every link of every page starts with one of these: made once, not once per link.
    private static readonly string[] Ups = Enumerable.Range(0, 16).Select(depth => string.Concat(Enumerable.Repeat("../", depth))).ToArray();

    /// <summary>The file a page path is written to: "values/mutuality/" -> "values/mutuality/index.html".</summary>
    public static string FileOf(string pagePath) => pagePath.Length == 0 || pagePath.EndsWith('/') ? pagePath + "index.html" : pagePath;
}
