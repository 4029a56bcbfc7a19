namespace PeerCommons.Model;

/// <summary>content/site.yaml.</summary>
public sealed record SiteConfig
{
    public string Title { get; init; } = "PeerCommons";
    public string Tagline { get; init; } = "";
    public string? RepoUrl { get; init; }
    /// <summary>Branch used in "edit this page" links.</summary>
    public string Branch { get; init; } = "main";
    /// <summary>The "need help now" link: an address on another site, or a page of this one (pages/help/). None when not configured.</summary>
    public string? HelpLinkUrl { get; init; }
    public int HelpLinkLine { get; init; } = 1;
    public string HelpLinkText { get; init; } = "Need help now?";
    /// <summary>Where the quick-exit control sends the visitor.</summary>
    public string QuickExitUrl { get; init; } = "https://www.bbc.co.uk/weather";
    public string Language { get; init; } = "en";
    public int FeedEntries { get; init; } = 20;
    /// <summary>
    /// site.yaml's list_page_size: how many entries one page of a long list shows (a kind's list, a tag, a value's related list);
    /// the rest follow on <c>projects/page/2/</c> and so on, so no list page grows with the site.
    /// </summary>
    public int ListPageSize { get; init; } = DefaultListPageSize;
    public const int DefaultListPageSize = 50;
    /// <summary>The largest list_page_size: 500 entries stay well inside the 60 KB page-weight budget.</summary>
    public const int MaxListPageSize = 500;
    /// <summary>
    /// site.yaml's require_sources: the commons' promise that every entry of the kinds that report
    /// facts names a source (Validate.ContentSchema.NeedsSource); off for a site that has not made it.
    /// </summary>
    public bool RequireSources { get; init; }
    /// <summary>Where site.yaml was read from, for diagnostics.</summary>
    public string SourcePath { get; init; } = "site.yaml";
    /// <summary>The site's public address, when known; used only where a format demands absolute URLs (sitemap, feed, copy-link).</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Crisis lines shown first on the help page (the page help_link points to).</summary>
    public IReadOnlyList<CrisisLine> CrisisLines { get; init; } = [];

    /// <summary>
    /// A base URL as the site uses it (ending in '/'), or null when it is not a full http(s) address.
    /// One rule for site.yaml's base_url and for <c>build --base-url</c>.
    /// </summary>
    public static string? NormalizeBaseUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            // Every address of the site is base_url + a path: a query, fragment or password would end up in each of them.
            && !url.Contains('?') && !url.Contains('#') && uri.UserInfo.Length == 0
            ? url.Trim().TrimEnd('/') + "/" : null;

    /// <summary>
    /// Words and phrases that show the help link above search results: someone searching them may be in
    /// crisis and should not have to look through results first. Matched case-insensitively, whole words.
    /// </summary>
    public IReadOnlyList<string> CrisisWords { get; init; } = DefaultCrisisWords;

    public static readonly IReadOnlyList<string> DefaultCrisisWords =
    [
        "suicide", "suicidal", "kill myself", "end my life", "want to die", "self harm", "self-harm", "selfharm",
        "overdose", "samaritans", "crisis", "emergency", "in danger", "hurt myself", "cutting",
    ];
}
