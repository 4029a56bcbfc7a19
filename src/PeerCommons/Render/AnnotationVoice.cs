using Markdig.Syntax;
using PeerCommons.Markdown;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>
/// Whose words an annotation is: written by its community, or compiled by the site's editors from
/// published research. A reader must never take editors' words for a community speaking, so every
/// place that shows an annotation (its target page, its community's page, feeds, search) uses this one label.
/// </summary>
public static class AnnotationVoice
{
    public const string Community = "community";
    public const string Editors = "editors";

    /// <summary>The annotation's provenance: its own field, else its community's compiled_from_research flag.</summary>
    public static string Of(Entry annotation, Site site) =>
        annotation.Field<string>("provenance")
        ?? (CommunityOf(annotation, site)?.Field<bool>("compiled_from_research") == true ? Editors : Community);

    public static bool ByEditors(Entry annotation, Site site) => Of(annotation, site) == Editors;

    /// <summary>
    /// "Written by Hearing Voices Group" or "Compiled by PeerCommons editors from published research
    /// (sources: Smith 2010; Jones &amp; Brown 2015), not written by Hearing Voices Group" (plain text, not escaped).
    /// </summary>
    public static string Label(Entry annotation, Site site, MarkdownDocument? body)
    {
        var community = CommunityOf(annotation, site)?.Title ?? annotation.CommunityId ?? "";
        if (!ByEditors(annotation, site)) return $"Written by {community}";
        var sources = SourceKeys(annotation, body).Select(k => site.Bibliography.GetValueOrDefault(k)).OfType<Source>()
            .Select(SourceFormatter.Label).ToList();
        var cited = sources.Count > 0 ? $" (sources: {string.Join("; ", sources)})" : "";
        return $"Compiled by {site.Config.Title} editors from published research{cited}, not written by {community}";
    }

    /// <summary>The label as <see cref="Label"/>, from a render context (which holds every parsed body).</summary>
    public static string Label(Entry annotation, RenderContext context) =>
        Label(annotation, context.Site, context.Parsed.Of(annotation));

    /// <summary>
    /// The sentence introducing a page's annotations: "in their own words" only when every note shown
    /// was written by its community.
    /// </summary>
    public static string Introduction(IReadOnlyCollection<Entry> annotations, Site site)
    {
        var byEditors = annotations.Count(a => ByEditors(a, site));
        if (byEditors == 0)
            return "How different communities work with this, in their own words. Each note belongs to the community named on it.";
        if (byEditors == annotations.Count)
            return $"How different communities work with this, as compiled by {site.Config.Title} editors from published research. "
                + "The communities named have not written these notes.";
        return "How different communities work with this. Each note says whether the community wrote it "
            + $"or {site.Config.Title} editors compiled it from published research.";
    }

    /// <summary>The works behind an annotation: its sources field, then the works its body cites, in order.</summary>
    private static IEnumerable<string> SourceKeys(Entry annotation, MarkdownDocument? body) =>
        annotation.Sources
            .Concat(body is null ? [] : DocumentIndex.Of(body).Citations.SelectMany(c => c.Works).Select(w => w.Key))
            .Distinct(StringComparer.Ordinal);

    private static Entry? CommunityOf(Entry annotation, Site site) =>
        site.ByKey.GetValueOrDefault($"communities/{annotation.CommunityId}");
}
