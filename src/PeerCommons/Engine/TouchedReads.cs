using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// Which reads an edit can have given another value, so that only those are worked out again on
/// the new site (at 10,000 entries, working out every kind, tag and reverse-link list after each
/// keystroke's save cost a third of a second). What the edits touched is gathered here (their keys,
/// before and after, and the lists they are members of); which of it each kind of read depends on is
/// written beside that read's value, in <see cref="ReadKinds"/>. A read no kind knows is always worked out again.
/// </summary>
internal sealed class TouchedReads
{
    public TouchedReads(IEnumerable<ContentChange> changes)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var curricula = new HashSet<string>(StringComparer.Ordinal);
        var communities = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            KeysCameOrWent |= change.ChangesKeys;
            foreach (var entry in change.Versions)
            {
                keys.Add(entry.Key);
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
            }
        }
        Keys = new(keys);
        Targets = new(targets);
        Curricula = new(curricula);
        Communities = new(communities);
        Listed = new(listed);
        Kinds = new(kinds);
        Tags = new(tags);
    }

    /// <summary>The keys of the edited entries, before and after.</summary>
    public Names Keys { get; }
    /// <summary>The keys the edited annotations aim at.</summary>
    public Names Targets { get; }
    /// <summary>The curricula of the edited modules.</summary>
    public Names Curricula { get; }
    /// <summary>The communities of the edited annotations.</summary>
    public Names Communities { get; }
    /// <summary>The keys the edited pages list as related or as values (whose reverse links they are in).</summary>
    public Names Listed { get; }
    /// <summary>The folders of the edited entries' kinds.</summary>
    public Names Kinds { get; }
    /// <summary>The tags of the edited pages.</summary>
    public Names Tags { get; }
    /// <summary>Whether a page (not only annotations) was edited.</summary>
    public bool PagesEdited { get; }
    /// <summary>Whether a key came or went.</summary>
    public bool KeysCameOrWent { get; }

    /// <summary>Whether the value of <paramref name="token"/> can be another after these edits.</summary>
    public bool MayHaveChanged(string token) =>
        ReadKinds.Of(token, out var prefix) is not { } kind || kind.MayChange(this, token.AsSpan(prefix));

    /// <summary>A set of names that can be asked about a part of a token without cutting it out.</summary>
    public readonly struct Names(HashSet<string> set)
    {
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count => set.Count;

        public bool Contains(ReadOnlySpan<char> name) => _lookup.Contains(name);

        public IEnumerable<string> All => set;
    }
}
