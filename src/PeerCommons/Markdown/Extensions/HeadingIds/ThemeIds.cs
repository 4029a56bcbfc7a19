namespace PeerCommons.Markdown.Extensions.HeadingIds;

/// <summary>
/// The ids the theme's templates write on every kind of page (the skip link's target, the quick-exit
/// control, the page's own sections). A heading must never take one: two elements with one id break the
/// skip link and assistive technology, so a heading called "Main" gets "main-2" as a repeated heading would.
/// A test reads theme/templates and fails when a template gains an id missing here.
/// </summary>
public static class ThemeIds
{
    public static readonly IReadOnlyList<string> All =
    [
        "main", "quick-exit", "print-schedule",
        "pc-community-filter", "pc-facts", "pc-filter-community", "pc-filter-kind", "pc-filter-tag",
        "pc-in-communities", "pc-in-communities-title", "pc-objectives", "pc-objectives-title", "pc-outline",
        "pc-related", "pc-related-title", "pc-schedule", "pc-schedule-title", "pc-search", "pc-search-page-input",
        "pc-sources", "pc-sources-title", "pc-toc", "pc-crisis-title", "home-start",
        "propose-body", "propose-body-error", "propose-body-help", "propose-errors", "propose-errors-title",
        "propose-form", "propose-kind", "propose-preview", "propose-preview-title", "propose-send-help",
    ];

    private static readonly HashSet<string> Fixed = new(All, StringComparer.Ordinal);

    /// <summary>True for an id the theme writes itself, on every page or from a page's data.</summary>
    public static bool IsTheThemes(string id) => Fixed.Contains(id) || IsFamilyMember(id);

    /// <summary>
    /// Ids the theme makes from data on some pages: module pages number their objectives
    /// (<c>objective-1</c>), community pages group their annotations (<c>annotations-on-values</c>).
    /// </summary>
    public static bool IsFamilyMember(string id) =>
        id.StartsWith("annotations-on-", StringComparison.Ordinal)
        || (id.StartsWith("objective-", StringComparison.Ordinal) && id.Length > "objective-".Length && id["objective-".Length..].All(char.IsAsciiDigit));
}
