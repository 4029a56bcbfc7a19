namespace PeerCommons.Pipeline;

public sealed record BuildOptions
{
    public string ContentDirectory { get; init; } = "content";
    public string OutputDirectory { get; init; } = "_site";
    /// <summary>Null: the theme/ folder found next to content/ or above the working folder.</summary>
    public string? ThemeDirectory { get; init; }
    /// <summary>False for check: render everything in memory, write nothing.</summary>
    public bool WriteOutput { get; init; } = true;
    public bool IncludeDrafts { get; init; }
    /// <summary>
    /// The site's public address, instead of site.yaml's base_url (for a deploy whose address differs,
    /// such as GitHub Pages); already normalized by <see cref="Model.SiteConfig.NormalizeBaseUrl"/>.
    /// </summary>
    public string? BaseUrl { get; init; }
}
