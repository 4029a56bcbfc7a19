using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// Which reads an edit can have given another value, so that only those are worked out again on
/// the new site (at 10,000 entries, working out every kind, tag and reverse-link list after each
/// keystroke's save cost a third of a second). What the edits touched is gathered here (their keys,
/// before and after, and the lists they are members of); which of it each kind of read depends on is
/// written beside that read's value, in <see cref="ReadKinds"/>.
/// </summary>
internal sealed class TouchedReads
{
    /// <param name="referencedBy">The reverse links of the site after the edits (<see cref="Render.RenderContext.ReferencedBy"/>), for
    /// the related lists that name a key that came or went; null for a caller that reads no related list's pages (the anchor checks).</param>
    public TouchedReads(IEnumerable<ContentChange> changes, IReadOnlyDictionary<string, List<Entry>>? referencedBy = null)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var curricula = new HashSet<string>(StringComparer.Ordinal);
        var communities = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var relatedLists = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            KeysCameOrWent |= change.ChangesKeys;
            foreach (var entry in change.Versions) keys.Add(entry.Key);
            // A page that names a key as related lists it only while it exists (a page's address is its key and a slash).
            if (change.ChangesKeys && referencedBy is not null)
                foreach (var entry in change.Versions)
                    foreach (var naming in referencedBy.GetValueOrDefault(entry.Key) ?? []) relatedLists.Add(naming.Key + "/");
            // Every list is its members' faces, and so is every read of an entry but its body and headings:
            // an edit that leaves the face as it was (the body edited) can change those two reads only.
            if (!change.ChangesKeys && ReadPrints.Face(change.Old) == ReadPrints.Face(change.New)) continue;
            FacesChanged = true;
            foreach (var entry in change.Versions)
            {
                kinds.Add(entry.Kind.Folder());
                if (entry.AnnotationTargetKey is { } target) targets.Add(target);
                if (entry.Kind == EntryKind.Module && entry.CurriculumId is { } curriculum) curricula.Add(curriculum);
                if (entry.Kind == EntryKind.Annotation && entry.CommunityId is { } community) communities.Add(community);
                // Reverse links, tags and "every page" are made of pages; an annotation is none.
                if (entry.Kind == EntryKind.Annotation) continue;
                PagesEdited = true;
                listed.UnionWith(entry.Related);
                listed.UnionWith(entry.FieldList("values"));
                tags.UnionWith(entry.Tags);
                // Its own related list starts with what it names as related.
                relatedLists.Add(entry.Key + "/");
            }
        }
        // And the lists of the keys it names: it is a member of those.
        foreach (var key in listed) relatedLists.Add(key + "/");
        RelatedLists = relatedLists;
        Keys = keys;
        Targets = targets;
        Curricula = curricula;
        Communities = communities;
        Listed = listed;
        Kinds = kinds;
        Tags = tags;
    }

    /// <summary>The keys of the edited entries, before and after.</summary>
    public IReadOnlySet<string> Keys { get; }
    // The sets below hold what the edits that changed a face touched.
    /// <summary>The keys the edited annotations aim at.</summary>
    public IReadOnlySet<string> Targets { get; }
    /// <summary>The curricula of the edited modules.</summary>
    public IReadOnlySet<string> Curricula { get; }
    /// <summary>The communities of the edited annotations.</summary>
    public IReadOnlySet<string> Communities { get; }
    /// <summary>The keys the edited pages list as related or as values (whose reverse links they are in).</summary>
    public IReadOnlySet<string> Listed { get; }
    /// <summary>
    /// The related lists (<see cref="Render.RelatedEntries"/>, by their page's address, "values/mutuality/") the edits can
    /// have changed: those of the edited pages, of the keys they name, and of the pages that name a key that came or went.
    /// </summary>
    public IReadOnlySet<string> RelatedLists { get; }
    /// <summary>The folders of the edited entries' kinds.</summary>
    public IReadOnlySet<string> Kinds { get; }
    /// <summary>The tags of the edited pages.</summary>
    public IReadOnlySet<string> Tags { get; }
    /// <summary>Whether an edit changed what other pages can show of an entry (its face: all but its body).</summary>
    public bool FacesChanged { get; }
    /// <summary>Whether the face of a page (not only of annotations) changed.</summary>
    public bool PagesEdited { get; }
    /// <summary>Whether a key came or went.</summary>
    public bool KeysCameOrWent { get; }
}
