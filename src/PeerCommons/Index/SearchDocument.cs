using System.Text;
using System.Text.Json;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Index;

/// <summary>A part of a document's text under one heading: <see cref="Id"/> and <see cref="Heading"/> are null for the text before the first heading.</summary>
/// <param name="Heading">The heading with the headings it sits under ("Tensions", or "Practice › Tensions" for a sub-heading).</param>
public sealed record SearchSection(string? Id, string? Heading, string Text);

/// <summary>What a search result shows for one document: the store side of the search index. The document
/// is kept as the JSON row the store writes (<see cref="Row"/>), with the few fields the facets need beside it.</summary>
public sealed class SearchDocument
{
    private const string PathSeparator = " › ";

    public string Kind { get; }
    public IReadOnlyList<string> Tags { get; }
    public string? CommunityId { get; }
    public string? CommunityTitle { get; }

    /// <summary>
    /// The document as an array, the smallest JSON for thousands of parts:
    /// [title, url, kind, summary, tags, community id, community title, target title, voice, [[id, heading, text], …]],
    /// a section's id and heading being null for the text before the first heading. Written once, when the
    /// document is made, in UTF-8: kept as strings and sections until the store was written, the documents
    /// were 223 MB allocated at 10,000 entries (the rows are 85 MB), all of it living through the index stage.
    /// </summary>
    internal byte[] Row { get; }

    private SearchDocument(string kind, IReadOnlyList<string> tags, string? communityId, string? communityTitle, byte[] row) =>
        (Kind, Tags, CommunityId, CommunityTitle, Row) = (kind, tags, communityId, communityTitle, row);

    /// <param name="url">From the site root, with the annotation's anchor for annotations.</param>
    /// <param name="voice">Whose words an annotation is (<see cref="AnnotationVoice"/>); null for entries.</param>
    public static SearchDocument Create(string title, string url, string kind, string summary, IReadOnlyList<string> tags,
        string? communityId, string? communityTitle, string? target, string? voice, IReadOnlyList<SearchSection> sections) =>
        Written(title, url, kind, summary, tags, communityId, communityTitle, target, voice, json =>
        {
            foreach (var section in sections) WriteSection(json, section.Id, section.Heading, section.Text);
        });

    /// <summary>
    /// The document for an entry or an annotation, from the same plain text the index holds (so an excerpt
    /// can show any word that matched), cut into sections at the learner page's headings: facilitator notes
    /// are not in the text and their headings are left out, so a result never leads into a trainer view.
    /// </summary>
    public static SearchDocument Of(Entry entry, ReadOnlyMemory<char> body, RenderContext context)
    {
        var site = context.Site;
        var isAnnotation = entry.Kind == EntryKind.Annotation;
        var target = isAnnotation ? site.ByKey[entry.AnnotationTargetKey!] : entry;
        var page = SitePaths.FileOf(target.Url);
        var community = isAnnotation ? site.ByKey.GetValueOrDefault($"communities/{entry.CommunityId}") : null;
        // An annotation is shown on its target's page under its own anchor; its headings have no anchors there.
        IReadOnlyList<HeadingInfo> headings = isAnnotation ? [] : context.Parsed.HeadingsOf(entry).Where(h => !h.InContainer).ToList();
        return Written(
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
            json => Sections(body.Span, headings, (id, heading, text) => WriteSection(json, id, heading, text)));
    }

    /// <summary>The row being written, kept from one document to the next (one per thread).</summary>
    [ThreadStatic] private static ScriptWriter? t_row;

    private static SearchDocument Written(string title, string url, string kind, string summary, IReadOnlyList<string> tags,
        string? communityId, string? communityTitle, string? target, string? voice, Action<Utf8JsonWriter> sections)
    {
        var row = t_row ??= new ScriptWriter();
        var json = row.BeginValue();
        json.WriteStartArray();
        json.WriteStringValue(title);
        json.WriteStringValue(url);
        json.WriteStringValue(kind);
        json.WriteStringValue(summary);
        json.WriteStartArray();
        for (var i = 0; i < tags.Count; i++) json.WriteStringValue(tags[i]);
        json.WriteEndArray();
        json.WriteStringValue(communityId);
        json.WriteStringValue(communityTitle);
        json.WriteStringValue(target);
        json.WriteStringValue(voice);
        json.WriteStartArray();
        sections(json);
        json.WriteEndArray();
        json.WriteEndArray();
        return new SearchDocument(kind, tags, communityId, communityTitle, row.EndValue().ToArray());
    }

    private static void WriteSection(Utf8JsonWriter json, string? id, string? heading, ReadOnlySpan<char> text)
    {
        json.WriteStartArray();
        json.WriteStringValue(id);
        json.WriteStringValue(heading);
        json.WriteStringValue(text);
        json.WriteEndArray();
    }

    /// <summary>A section found in a document's text: its heading's id and path (null before the first heading)
    /// and its words, valid only during the call.</summary>
    internal delegate void SectionFound(string? id, string? heading, ReadOnlySpan<char> text);

    /// <summary>The words of the section being cut, kept from one document to the next: a new builder per
    /// document (growing to the body's length) was a fifth of the search stage's allocations.</summary>
    [ThreadStatic] private static StringBuilder? t_sectionText;

    /// <summary><see cref="Sections"/> as a list.</summary>
    internal static IReadOnlyList<SearchSection> Sectioned(ReadOnlySpan<char> body, IReadOnlyList<HeadingInfo> headings)
    {
        var sections = new List<SearchSection>();
        Sections(body, headings, (id, heading, text) => sections.Add(new SearchSection(id, heading, text.ToString())));
        return sections;
    }

    /// <summary>
    /// Cuts the plain text (one line per block, a heading's line being the text its id is made from) at the
    /// lines that are the headings, in order. A heading whose line is not found (it lies past the indexed
    /// length) is skipped: its words stay in the section before it, so nothing searchable is lost.
    /// </summary>
    internal static void Sections(ReadOnlySpan<char> body, IReadOnlyList<HeadingInfo> headings, SectionFound found)
    {
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
                Close(found, text, current, path, headings, flatHeadings);
                path.RemoveAll(h => headings[h].Level >= headings[heading].Level);
                path.Add(heading);
                current = heading;
            }
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        Close(found, text, current, path, headings, flatHeadings);
    }

    /// <summary>Ends the section of <paramref name="current"/> (-1 for the text before the first heading) with the words gathered.</summary>
    private static void Close(SectionFound found, StringBuilder text, int current, List<int> path,
        IReadOnlyList<HeadingInfo> headings, string[] flatHeadings)
    {
        var words = Contiguous(text);
        if (current >= 0) found(headings[current].Id, string.Join(PathSeparator, path.Select(h => flatHeadings[h])), words);
        else if (words.Length > 0) found(null, null, words);
        text.Clear();
    }

    /// <summary>The builder's text as one span: its one chunk, as it is once a Clear has joined the chunks it grew
    /// (the builder is kept from document to document), else a copy.</summary>
    private static ReadOnlySpan<char> Contiguous(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks()) return chunk.Length == text.Length ? chunk.Span : text.ToString();
        return [];
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
