using System.Text;
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
    public static SearchDocument Of(Entry entry, ReadOnlySpan<char> body, RenderContext context)
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
            // Runs of white space as one space, so the store holds no layout.
            FlatText.Of(entry.Summary),
            entry.Tags,
            community?.Id,
            community?.Title,
            isAnnotation ? target.Title : null,
            isAnnotation ? AnnotationVoice.Label(entry, context) : null,
            // An annotation is shown on its target's page under its own anchor; its headings have no anchors there.
            Sectioned(body, isAnnotation ? [] : context.Parsed.HeadingsOf(entry).Where(h => !h.InContainer).ToList()));
    }

    /// <summary>The words of the section being cut, kept from one document to the next: a new builder per
    /// document (growing to the body's length) was a fifth of the search stage's allocations.</summary>
    [ThreadStatic] private static StringBuilder? t_sectionText;

    /// <summary>
    /// Cuts the plain text (one line per block, a heading's line being the text its id is made from) at the
    /// lines that are the headings, in order. A heading whose line is not found (it lies past the indexed
    /// length) is skipped: its words stay in the section before it, so nothing searchable is lost.
    /// </summary>
    internal static IReadOnlyList<SearchSection> Sectioned(ReadOnlySpan<char> body, IReadOnlyList<HeadingInfo> headings)
    {
        var sections = new List<SearchSection>();
        // Each heading flattened once: every line is compared with the headings not yet found.
        var flatHeadings = new string[headings.Count];
        for (var h = 0; h < headings.Count; h++) flatHeadings[h] = FlatText.Of(headings[h].Text);
        var path = new List<int>(); // the headings the current one sits under, and itself, by position
        var text = t_sectionText ??= new StringBuilder();
        text.Clear();
        var current = -1;
        var next = 0;
        var rest = body;
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            var heading = FindHeading(line, flatHeadings, ref next);
            if (heading < 0) FlatText.AppendWords(text, line);
            else
            {
                Close(sections, text, current, path, headings, flatHeadings);
                path.RemoveAll(h => headings[h].Level >= headings[heading].Level);
                path.Add(heading);
                current = heading;
            }
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        Close(sections, text, current, path, headings, flatHeadings);
        return sections;
    }

    /// <summary>Ends the section of <paramref name="current"/> (-1 for the text before the first heading) with the words gathered.</summary>
    private static void Close(List<SearchSection> sections, StringBuilder text, int current, List<int> path,
        IReadOnlyList<HeadingInfo> headings, string[] flatHeadings)
    {
        var flat = text.ToString();
        text.Clear();
        if (current < 0)
        {
            if (flat.Length > 0) sections.Add(new SearchSection(null, null, flat));
            return;
        }
        sections.Add(new SearchSection(headings[current].Id, string.Join(PathSeparator, path.Select(h => flatHeadings[h])), flat));
    }

    /// <summary>The heading this line is (by position, -1 for none), looking ahead from the next unmatched heading so that headings match in page order.</summary>
    private static int FindHeading(ReadOnlySpan<char> line, string[] flatHeadings, ref int next)
    {
        if (line.IsWhiteSpace()) return -1;
        for (var i = next; i < flatHeadings.Length; i++)
        {
            if (!FlatText.Equals(line, flatHeadings[i])) continue;
            next = i + 1;
            return i;
        }
        return -1;
    }
}
