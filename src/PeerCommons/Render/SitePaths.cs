namespace PeerCommons.Render;

/// <summary>
/// Every link the site writes is relative to the page it is on, and ends in index.html for
/// folders, so the same output works at a host's root, under a sub-path, and from file://.
/// Site paths are written without a leading '/': "values/mutuality/", "assets/site.css", "" (home).
/// </summary>
public static class SitePaths
{
    public static string Relative(string fromPage, string toPath)
    {
        var fragment = "";
        var hash = toPath.IndexOf('#');
        if (hash >= 0) (toPath, fragment) = (toPath[..hash], toPath[hash..]);
        if (toPath.Length == 0 || toPath.EndsWith('/')) toPath += "index.html";
        return UpToRoot(fromPage) + toPath + fragment;
    }

    /// <summary>"../" once for each folder level of the page: "" for the home page.</summary>
    public static string UpToRoot(string fromPage)
    {
        var depth = fromPage.Count(c => c == '/');
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>The file a page path is written to: "values/mutuality/" -> "values/mutuality/index.html".</summary>
    public static string FileOf(string pagePath) => pagePath.Length == 0 || pagePath.EndsWith('/') ? pagePath + "index.html" : pagePath;
}
