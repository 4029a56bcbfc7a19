namespace PeerCommons.Render.Views;

// What the theme's templates see. Rule: every string here is already HTML-safe (text is
// escaped when the model is built; *Html properties hold sanitized HTML), so templates print
// values as they are. URLs are relative to the page being rendered.

public sealed record LinkView(string Title, string Url, string? Meta = null);

public sealed record NavItem(string Label, string Url, bool Current);

public sealed record FactView(string Label, IReadOnlyList<LinkView> Items);

public sealed record TocItem(string Id, string Text, int Level);

public sealed record SourceView(string Key, string Html);

public sealed record ListItemView(string Title, string Url, string Summary, string KindLabel, string Meta, IReadOnlyList<LinkView> Tags);

public sealed record ListGroupView(string Title, string Id, IReadOnlyList<ListItemView> Items);

public sealed record AnnotationView(
    string Anchor, string Title, string Type, string TypeLabel, string CommunityId, string CommunityTitle, string CommunityUrl,
    string Date, string BodyHtml, string TargetSection, string? TargetSectionUrl);

public sealed record ModuleRowView(
    string Number, string Title, string Url, string Anchor, string Duration, string Cumulative, IReadOnlyList<string> Objectives, bool Current);

public sealed class SiteView
{
    public required string Title { get; init; }
    public required string Tagline { get; init; }
    public required string Language { get; init; }
    public required string HelpUrl { get; init; }
    public required string HelpText { get; init; }
    public required string QuickExitUrl { get; init; }
    public required string HomeUrl { get; init; }
    public required string Css { get; init; }
    public required string PrintCss { get; init; }
    public required string Js { get; init; }
    public required string FeedUrl { get; init; }
    public required string SourcesUrl { get; init; }
    public required string TagsUrl { get; init; }
    public required IReadOnlyList<NavItem> Nav { get; init; }
}

public sealed class PageView
{
    public required string Template { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public string Kind { get; init; } = "";
    public string KindLabel { get; init; } = "";
    public string? Canonical { get; init; }
    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];
    public string BodyHtml { get; init; } = "";
    public IReadOnlyList<TocItem> Toc { get; init; } = [];
    public IReadOnlyList<FactView> Facts { get; init; } = [];
    public IReadOnlyList<LinkView> Tags { get; init; } = [];
    public IReadOnlyList<ListItemView> Related { get; init; } = [];
    public IReadOnlyList<SourceView> Sources { get; init; } = [];
    public string? Updated { get; init; }
    public string? UpdatedIso { get; init; }
    public string? Contributors { get; init; }
    public string? EditUrl { get; init; }
    public string? SuggestUrl { get; init; }
    public string? Notice { get; init; }
    public IReadOnlyList<AnnotationView> Annotations { get; init; } = [];
    public IReadOnlyList<ListItemView> Items { get; init; } = [];
    public IReadOnlyList<ListGroupView> Groups { get; init; } = [];
    public IReadOnlyList<ModuleRowView> Modules { get; init; } = [];
    public string? TotalDuration { get; init; }
    public LinkView? Parent { get; init; }
    public LinkView? Previous { get; init; }
    public LinkView? Next { get; init; }
    public string? View { get; init; }
    public LinkView? OtherView { get; init; }
    public string? JsonLd { get; init; }
    public string? RedirectUrl { get; init; }
    public bool NoIndex { get; init; }
    public string? BaseHref { get; init; }
}
