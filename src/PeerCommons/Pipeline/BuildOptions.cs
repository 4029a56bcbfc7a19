namespace PeerCommons.Pipeline;

public sealed record BuildOptions
{
    public string ContentDirectory { get; init; } = "content";
    public string OutputDirectory { get; init; } = "_site";
    /// <summary>The bundled theme; null: the theme shipped with the tool.</summary>
    public string? ThemeDirectory { get; init; }
    /// <summary>The site's own theme files, which replace the bundled ones of the same name; null: theme/ beside the content folder.</summary>
    public string? ThemeOverridesDirectory { get; init; }
    /// <summary>False for check: render everything in memory, write nothing.</summary>
    public bool WriteOutput { get; init; } = true;
    public bool IncludeDrafts { get; init; }
    /// <summary>
    /// The site's public address, instead of site.yaml's base_url (for a deploy whose address differs,
    /// such as GitHub Pages); already normalized by <see cref="Model.SiteConfig.NormalizeBaseUrl"/>.
    /// </summary>
    public string? BaseUrl { get; init; }
    /// <summary>
    /// The page weights the previous build reported, being read by the driver while the build starts
    /// (null, or a null result: none). Only pages carried over unchanged take a figure from it, and only
    /// one measured on their very bytes (<see cref="Write.PreviousPageWeights"/>).
    /// </summary>
    public Task<Write.PreviousPageWeights?>? PreviousPageWeights { get; init; }
    /// <summary>
    /// Tests only: documents a file of the search store instead of the number its rule gives
    /// (<see cref="Index.SearchStore.DocumentsPerPart(int)"/>), to try grouped files on a small site; null: the rule.
    /// </summary>
    internal int? SearchDocumentsPerPart { get; init; }
}
