namespace PeerCommons.Write;

/// <summary>Fingerprinted asset paths, below the site root: what <see cref="ThemeAssets"/> published, for pages to link to.</summary>
public sealed record AssetPaths(string Css, string PrintCss, string Js, string SearchJs, string Lunr,
    string Favicon = "assets/favicon.svg", string NotFoundJs = "assets/not-found.js")
{
    /// <summary>Every published asset by its theme file name, for pages that load their own scripts.</summary>
    public IReadOnlyDictionary<string, string> ByName { get; init; } = new Dictionary<string, string>();

    /// <summary>The published path of a theme asset (the unfingerprinted path when it was not published).</summary>
    public string Named(string name) => ByName.GetValueOrDefault(name, "assets/" + name);
}
