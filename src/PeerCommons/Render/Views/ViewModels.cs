namespace PeerCommons.Render.Views;

// What the theme's templates see. Rule: every string here is already HTML-safe (text is
// escaped when the model is built; *Html properties hold sanitized HTML), so templates print
// values as they are. URLs are relative to the page being rendered.

public sealed record LinkView(string Title, string Url, string? Meta = null);

public sealed record NavItem(string Label, string Url, bool Current);

public sealed record FactView(string Label, IReadOnlyList<LinkView> Items);

public sealed record TocItem(string Id, string Text, int Level);

public sealed record SourceView(string Key, string Html);

public sealed record ListItemView(string Title, string Url, string Summary, string KindLabel, string Meta, IReadOnlyList<LinkView> Tags)
{
    /// <summary>How many communities annotated the entry, and their ids separated by spaces (for list filters).</summary>
    public int Communities { get; init; }
    public string CommunityIds { get; init; } = "";
}

public sealed record ObjectiveView(string Id, string Text);

/// <summary>One module inside a curriculum's print view.</summary>
public sealed record PrintModuleView(string Anchor, string Number, string Title, string Duration, IReadOnlyList<ObjectiveView> Objectives, string BodyHtml, string OnlineUrl);

/// <summary>A stretch of the body from one heading to the next, with the annotations aimed at it.</summary>
public sealed record BodySectionView(string Html, IReadOnlyList<AnnotationView> Annotations)
{
    /// <summary>The propose form set to write a note on this section (null for the text before the first heading, and small headings).</summary>
    public string? NoteUrl { get; init; }
    /// <summary>The section's heading text, naming the note link for screen readers.</summary>
    public string NoteTarget { get; init; } = "";
}

/// <summary>
/// Where one page of a long list sits among the list's pages: its number, how many there are, which
/// items it shows ("51 to 100 of 230 projects") and the links to the first, previous, next and last
/// pages (null where there is none).
/// </summary>
public sealed record PagerView(int Number, int Count, int From, int To, int Total, string ItemsWord)
{
    public string? FirstUrl { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public string? LastUrl { get; init; }
}

public sealed record ChoiceView(string Value, string Label);

/// <summary>What the propose form page needs: where "Send" leads, the kinds it offers, and the Markdown
/// library for its preview, which the form loads only once the person writes.</summary>
public sealed record ProposeView(string? RepoUrl, string Branch, IReadOnlyList<ChoiceView> Kinds, string MarkdownScript);

public sealed record CommunityOptionView(string Id, string Title)
{
    /// <summary>The community's page, which lists every entry it annotated (a list's filter sees one page of the list).</summary>
    public string Url { get; init; } = "";
}

public sealed record ListGroupView(string Title, string Id, IReadOnlyList<ListItemView> Items)
{
    /// <summary>On the home page: what the kind is, how many entries it has, and the link to all of them.</summary>
    public string Description { get; init; } = "";
    public int Count { get; init; }
    public string SeeAllUrl { get; init; } = "";
    public string SeeAllText { get; init; } = "";
}

public sealed record AnnotationView(
    string Anchor, string Title, string Type, string TypeLabel, string CommunityId, string CommunityTitle, string CommunityUrl,
    string Date, string BodyHtml, string TargetSection, string? TargetSectionUrl)
{
    /// <summary>Whose words these are: "Written by ..." or "Compiled by ... editors ..., not written by ...".</summary>
    public string Voice { get; init; } = "";
    public bool ByEditors { get; init; }
    /// <summary>The heading id this annotation is aimed at, or "" for the entry as a whole.</summary>
    public string SectionId { get; init; } = "";
    /// <summary>True when the annotation is shown inside the body, beside its section.</summary>
    public bool Placed { get; init; }
}

/// <summary>A crisis line in the help page's emergency box; ContactHtml has each number as a tel: link.</summary>
public sealed record CrisisLineView(string Region, string Name, string? ContactHtml, string? Url, string? Note, string Checked, string CheckedIso);

public sealed record ModuleRowView(
    string Number, string Title, string Url, string Anchor, string Duration, string Cumulative, IReadOnlyList<string> Objectives, bool Current);

public sealed class SiteView
{
    public required string Title { get; init; }
    public required string Tagline { get; init; }
    public required string Language { get; init; }
    public required string? HelpUrl { get; init; }
    public required string HelpText { get; init; }
    public required string QuickExitUrl { get; init; }
    public required string HomeUrl { get; init; }
    public required string Css { get; init; }
    public required string PrintCss { get; init; }
    public required string Js { get; init; }
    public required string SearchJs { get; init; }
    public required string Favicon { get; init; }
    /// <summary>site.yaml's crisis_words separated by "|", for search.js to show the help link above results.</summary>
    public required string CrisisWords { get; init; }
    public required string Lunr { get; init; }
    /// <summary>The partitioned search index's manifest (search/index.js).</summary>
    public required string SearchIndex { get; init; }
    /// <summary>The reader of the partitioned index (theme/assets/search-reader.js), loaded by search.js.</summary>
    public required string SearchReader { get; init; }
    /// <summary>The reader's scoring (theme/assets/search-score.js), loaded beside it.</summary>
    public required string SearchScore { get; init; }
    public required string SearchUrl { get; init; }
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
    /// <summary>The absolute URL of this very page (the trainer view's own, where canonical names the learner view), when site.yaml has base_url; read by site.js to copy links.</summary>
    public string? PageUrl { get; init; }
    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];
    /// <summary>The whole body: as given, or else its sections joined, made only if a template prints it
    /// (the bundled entry templates print the sections, and a long body would be one more large string per page).</summary>
    public string BodyHtml { get => _bodyHtml ??= string.Concat(Sections.Select(s => s.Html)); init => _bodyHtml = value; }
    private string? _bodyHtml;
    /// <summary>The body split at headings, so annotations aimed at a section appear right after it.</summary>
    public IReadOnlyList<BodySectionView> Sections { get; init; } = [];
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
    /// <summary>The emergency box, first in the help page's main content (empty on every other page).</summary>
    public IReadOnlyList<CrisisLineView> CrisisLines { get; init; } = [];
    public IReadOnlyList<AnnotationView> Annotations { get; init; } = [];
    /// <summary>The sentence under "In communities", worded for whose notes these are.</summary>
    public string AnnotationsIntro { get; init; } = "";
    public IReadOnlyList<ListItemView> Items { get; init; } = [];
    public IReadOnlyList<ListGroupView> Groups { get; init; } = [];
    public IReadOnlyList<ModuleRowView> Modules { get; init; } = [];
    public IReadOnlyList<ObjectiveView> Objectives { get; init; } = [];
    /// <summary>Communities that annotated entries of a list page, for its "annotated by" filter.</summary>
    public IReadOnlyList<CommunityOptionView> CommunityOptions { get; init; } = [];
    /// <summary>The links between the pages of a long list (null when the list fits on one page).</summary>
    public PagerView? Pager { get; init; }
    public string? PrintUrl { get; init; }
    /// <summary>The propose form, set to what this page proposes (a new entry of a list's kind), with its link text.</summary>
    public string? ProposeUrl { get; init; }
    public string ProposeLabel { get; init; } = "";
    /// <summary>The propose form set to write a note on this entry.</summary>
    public string? NoteUrl { get; init; }
    /// <summary>Stylesheets and scripts only this page loads (in its head, after the site's own), relative to the page.</summary>
    public IReadOnlyList<string> Styles { get; init; } = [];
    public IReadOnlyList<string> Scripts { get; init; } = [];
    /// <summary>The propose form page's own model.</summary>
    public ProposeView? Propose { get; init; }
    public IReadOnlyList<PrintModuleView> PrintModules { get; init; } = [];
    public string? QrCodeUrl { get; init; }
    public string? OnlineUrl { get; init; }
    public string? TotalDuration { get; init; }
    public LinkView? Parent { get; init; }
    public LinkView? Previous { get; init; }
    public LinkView? Next { get; init; }
    public string? View { get; init; }
    public LinkView? OtherView { get; init; }
    public string? JsonLd { get; init; }
    public string? RedirectUrl { get; init; }
    public bool NoIndex { get; init; }
    /// <summary>
    /// The 404 page's copies of its root-finding script, one per folder depth: a host serves 404.html at
    /// any missing address, where only the copy whose path matches the depth loads (see not-found.js).
    /// </summary>
    public IReadOnlyList<string> RootProbeScripts { get; init; } = [];
}
