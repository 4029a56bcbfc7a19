using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// Which reads an edit can have given another value, so that only those are worked out again on
/// the new site (at 10,000 entries, working out every kind, tag and reverse-link list after each
/// keystroke's save cost a third of a second). This follows from what each read's value is
/// (<see cref="ReadPrints"/>): a key's face, body, headings or date change only when that key's
/// entry was edited; every list is its members' faces in an order of their own (site, key or
/// module order), so it can change only when an edited entry, before or after the edit, is one of
/// its members. A read this does not know is always worked out again.
/// </summary>
internal sealed class TouchedReads
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _curricula = new(StringComparer.Ordinal);
    private readonly HashSet<string> _communities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _kinds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tags = new(StringComparer.Ordinal);
    private readonly bool _pages;
    private readonly bool _keysCameOrWent;

    public TouchedReads(IEnumerable<ContentChange> changes)
    {
        foreach (var change in changes)
        {
            _keysCameOrWent |= change.ChangesKeys;
            foreach (var entry in change.Versions)
            {
                _keys.Add(entry.Key);
                _kinds.Add(entry.Kind.Folder());
                if (entry.AnnotationTargetKey is { } target) _targets.Add(target);
                if (entry.Kind == EntryKind.Module && entry.CurriculumId is { } curriculum) _curricula.Add(curriculum);
                if (entry.Kind == EntryKind.Annotation && entry.CommunityId is { } community) _communities.Add(community);
                // Reverse links, tags and "every page" are made of pages; an annotation is none.
                if (entry.Kind == EntryKind.Annotation) continue;
                _pages = true;
                _listed.UnionWith(entry.Related);
                _listed.UnionWith(entry.FieldList("values"));
                _tags.UnionWith(entry.Tags);
            }
        }
    }

    /// <summary>The keys of the edited entries, before and after.</summary>
    public IReadOnlySet<string> Keys => _keys;

    /// <summary>Whether the value of <paramref name="token"/> can be another after these edits.</summary>
    public bool MayHaveChanged(string token)
    {
        if (Member(token, PageReads.EntryPrefix, _keys) is { } entry) return entry;
        if (Member(token, PageReads.BodyPrefix, _keys) is { } body) return body;
        if (Member(token, PageReads.HeadingsPrefix, _keys) is { } headings) return headings;
        if (Member(token, PageReads.DatedPrefix, _keys) is { } dated) return dated;
        if (Member(token, PageReads.AnnotationsPrefix, _targets) is { } annotations) return annotations;
        if (Member(token, PageReads.ModulesPrefix, _curricula) is { } modules) return modules;
        if (Member(token, PageReads.CommunityPrefix, _communities) is { } community) return community;
        if (Member(token, PageReads.ReferencedByPrefix, _listed) is { } referencedBy) return referencedBy;
        if (Member(token, PageReads.KindPrefix, _kinds) is { } kind) return kind;
        if (Member(token, PageReads.KindCountPrefix, _kinds) is { } count) return count;
        if (Member(token, PageReads.TagPrefix, _tags) is { } tag) return tag;
        if (token.StartsWith(PageReads.SlicePrefix, StringComparison.Ordinal)) return SliceMayHaveChanged(token);
        return token switch
        {
            PageReads.AllKeys => _keysCameOrWent,
            PageReads.TagCounts => _tags.Count > 0 || _keysCameOrWent,
            PageReads.AllPages => _pages,
            // The feed of recent updates chooses among pages and annotations.
            PageReads.RecentFeed => _keys.Count > 0,
            _ => true,
        };
    }

    /// <summary>A page of a kind's or a tag's list (<see cref="PageReads.Slice"/>): when an edited page is in that list.</summary>
    private bool SliceMayHaveChanged(string token)
    {
        var list = token.AsSpan(PageReads.SlicePrefix.Length, token.LastIndexOf('#') - PageReads.SlicePrefix.Length);
        return list.StartsWith("tags/", StringComparison.Ordinal) && list.Length > "tags/".Length
            ? _tags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(list["tags/".Length..].TrimEnd('/'))
            : _kinds.GetAlternateLookup<ReadOnlySpan<char>>().Contains(list.TrimEnd('/'));
    }

    /// <summary>Null when the token is not of this prefix; else whether what it names is in <paramref name="touched"/>.</summary>
    private static bool? Member(string token, string prefix, HashSet<string> touched) =>
        token.StartsWith(prefix, StringComparison.Ordinal)
            ? touched.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token.AsSpan(prefix.Length))
            : null;
}
