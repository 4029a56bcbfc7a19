using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Index;

/// <summary>A part of a document's text under one heading: <see cref="Id"/> and <see cref="Heading"/> are null for the text before the first heading.</summary>
/// <param name="Heading">The heading with the headings it sits under ("Tensions", or "Practice › Tensions" for a sub-heading).</param>
public sealed record SearchSection(string? Id, string? Heading, string Text);

/// <summary>What a search result shows for one document: the store side of the search index.</summary>
/// <param name="Url">From the site root, with the annotation's anchor for annotations.</param>
/// <param name="Voice">Whose words an annotation is (<see cref="AnnotationVoice"/>); null for entries.</param>
public sealed record SearchDocument(
    string Title, string Url, string Kind, string Summary, IReadOnlyList<string> Tags,
    string? CommunityId, string? CommunityTitle, string? Target, string? Voice, IReadOnlyList<SearchSection> Sections)
{
    private const string PathSeparator = " › ";

    /// <summary>
    /// The document for an entry or an annotation, from the same plain text the index holds (so an excerpt
    /// can show any word that matched), cut into sections at the learner page's headings: facilitator notes
    /// are not in the text and their headings are left out, so a result never leads into a trainer view.
    /// </summary>
    public static SearchDocument Of(Entry entry, string body, RenderContext context)
    {
        var site = context.Site;
        var isAnnotation = entry.Kind == EntryKind.Annotation;
        var target = isAnnotation ? site.ByKey[entry.AnnotationTargetKey!] : entry;
        var page = SitePaths.FileOf(target.Url);
        var community = isAnnotation ? site.ByKey.GetValueOrDefault($"communities/{entry.CommunityId}") : null;
        return new SearchDocument(
            isAnnotation && entry.Title.Length == 0 ? $"Note on {target.Title}" : entry.Title,
            isAnnotation ? page + "#" + EntryPageBuilder.AnchorOf(entry) : page,
            entry.Kind.Label(),
            Flat(entry.Summary),
            entry.Tags,
            community?.Id,
            community?.Title,
            isAnnotation ? target.Title : null,
            isAnnotation ? AnnotationVoice.Label(entry, context) : null,
            // An annotation is shown on its target's page under its own anchor; its headings have no anchors there.
            Sectioned(body, isAnnotation ? [] : context.Parsed.HeadingsOf(entry).Where(h => !h.InContainer).ToList()));
    }

    /// <summary>
    /// Cuts the plain text (one line per block, a heading's line being the text its id is made from) at the
    /// lines that are the headings, in order. A heading whose line is not found (it lies past the indexed
    /// length) is skipped: its words stay in the section before it, so nothing searchable is lost.
    /// </summary>
    internal static IReadOnlyList<SearchSection> Sectioned(string body, IReadOnlyList<HeadingInfo> headings)
    {
        var sections = new List<SearchSection>();
        var lines = body.Split('\n');
        var path = new List<HeadingInfo>();
        var text = new List<string>();
        HeadingInfo? current = null;
        var next = 0;
        foreach (var line in lines)
        {
            var heading = FindHeading(line, headings, ref next);
            if (heading is null) { text.Add(line); continue; }
            Close();
            path.RemoveAll(h => h.Level >= heading.Level);
            path.Add(heading);
            current = heading;
        }
        Close();
        return sections;

        void Close()
        {
            var flat = Flat(string.Join(' ', text));
            text.Clear();
            if (current is null)
            {
                if (flat.Length > 0) sections.Add(new SearchSection(null, null, flat));
                return;
            }
            sections.Add(new SearchSection(current.Id, string.Join(PathSeparator, path.Select(h => Flat(h.Text))), flat));
        }
    }

    /// <summary>The heading this line is, looking ahead from the next unmatched heading so that headings match in page order.</summary>
    private static HeadingInfo? FindHeading(string line, IReadOnlyList<HeadingInfo> headings, ref int next)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return null;
        for (var i = next; i < headings.Count; i++)
        {
            if (!string.Equals(Flat(headings[i].Text), Flat(trimmed), StringComparison.Ordinal)) continue;
            next = i + 1;
            return headings[i];
        }
        return null;
    }

    /// <summary>Runs of white space as one space, so the store holds no layout.</summary>
    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
