using PeerCommons.Load;

namespace PeerCommons.Pipeline;

/// <summary>
/// Finds the theme's two layers (docs/theming.md): the bundled theme is --theme, else the theme
/// shipped with the tool; the site's own layer is --theme-overrides, else theme/ beside the content
/// folder, unless that folder is the bundled theme itself (this repository with --theme theme).
/// </summary>
public static class ThemeLocator
{
    public static ThemeLayers? Find(BuildOptions options)
    {
        var bundled = options.ThemeDirectory is { } given
            ? Path.GetFullPath(given)
            : Path.Combine(AppContext.BaseDirectory, "theme");
        if (!Directory.Exists(Path.Combine(bundled, "templates"))) return null;
        return new ThemeLayers(bundled.TrimEnd(Path.DirectorySeparatorChar), SiteLayer(options, bundled));
    }

    /// <summary>The folder a site's own theme files go in (whether or not it exists yet).</summary>
    public static string SiteFolder(BuildOptions options) =>
        Path.GetFullPath(options.ThemeOverridesDirectory
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.ContentDirectory).TrimEnd(Path.DirectorySeparatorChar))!, "theme"))
            .TrimEnd(Path.DirectorySeparatorChar);

    private static string? SiteLayer(BuildOptions options, string bundled)
    {
        var site = SiteFolder(options);
        var same = string.Equals(site, bundled.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
        return !same && Directory.Exists(site) ? site : null;
    }
}
