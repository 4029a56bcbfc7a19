using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;

namespace PeerCommons.Engine;

/// <summary>The value of a read of this kind on one state of the site: <paramref name="name"/> is the token without its kind's prefix.</summary>
internal delegate ulong ReadValue(ReadPrints site, string name);

/// <summary>
/// The names of the reads of this kind whose value the edits of <paramref name="touched"/> can have
/// changed (for a kind whose reads are grouped, the names of the groups; for a read of its own, "" when it can).
/// </summary>
internal delegate IEnumerable<string> ReadsTouched(TouchedReads touched);

/// <summary>
/// One kind of read (<see cref="PageReads"/> tokens of one prefix, or one token of its own): what its
/// value is, and which edits can change that value. Side by side, so that what serve works out again
/// after an edit (<see cref="TouchedReads"/>) follows from what the value is (<see cref="ReadPrints"/>).
/// A kind with <paramref name="Group"/> names its reads by group (a list's pages by the list).
/// </summary>
internal sealed record ReadKind(string Prefix, ReadValue Value, ReadsTouched Touched, Func<string, string>? Group = null);

/// <summary>
/// Every kind of read, in one table. The rule behind each "touched": a key's face, body, headings
/// or date change only when that key's entry was edited; every list is its members' faces in an order
/// of its own (site, key or module order), so it can change only when an edited entry, before or
/// after the edit, is one of its members, and the edit changed its face (<see cref="TouchedReads"/>).
/// </summary>
internal static class ReadKinds
{
    private static readonly ReadKind[] Prefixed =
    [
        new(PageReads.EntryPrefix, (s, key) => ReadPrints.Face(s.EntryOf(key)), t => t.Keys),
        new(PageReads.BodyPrefix, (s, key) => ReadPrints.Body(s.EntryOf(key)), t => t.Keys),
        new(PageReads.HeadingsPrefix, (s, key) => s.Headings(s.EntryOf(key)), t => t.Keys),
        new(PageReads.DatedPrefix, (s, key) => s.EntryOf(key) is { } page ? ReadPrints.Text(page.Url + "\n" + page.Updated) : 0, t => t.Keys),
        new(PageReads.AnnotationsPrefix, (s, target) => ReadPrints.List(s.Site.AnnotationsOf(target)), t => t.Targets),
        new(PageReads.ModulesPrefix, (s, curriculum) => ReadPrints.List(s.Site.ModulesOf(curriculum)), t => t.Curricula),
        new(PageReads.CommunityPrefix, (s, community) => ReadPrints.List(s.RenderContext.AnnotationsBy(community)), t => t.Communities),
        new(PageReads.ReferencedByPrefix, (s, key) => ReadPrints.List(s.RenderContext.ReferencedBy.GetValueOrDefault(key) ?? []), t => t.Listed),
        new(PageReads.KindPrefix, (s, folder) => ReadPrints.List(EntryKinds.FromFolder(folder) is { } kind ? s.Site.OfKind(kind) : []), t => t.Kinds),
        new(PageReads.KindCountPrefix, (s, folder) => EntryKinds.FromFolder(folder) is { } kind ? (ulong)s.Site.OfKind(kind).Count() : 0, t => t.Kinds),
        new(PageReads.TagPrefix, (s, tag) => ReadPrints.List(s.Site.Tagged(tag)), t => t.Tags),
        // A page of a kind's, a tag's or a value's related list ("projects/#2", "tags/peer-work/#1",
        // "values/mutuality/#2"), grouped by its list: touched when an edited page is in that list.
        new(PageReads.SlicePrefix, (s, slice) => s.Slice(slice),
            t => t.Kinds.Select(kind => kind + "/").Concat(t.Tags.Select(tag => "tags/" + tag + "/")).Concat(t.RelatedLists),
            slice => slice[..slice.LastIndexOf('#')]),
        new(PageReads.ListPagesPrefix, (s, list) => (ulong)ValueListPages.PageCount(list, s.RenderContext), t => t.RelatedLists),
    ];

    /// <summary>Reads that are one token of their own.</summary>
    private static readonly ReadKind[] Whole =
    [
        new(PageReads.AllPages, (s, _) => ReadPrints.List(s.Site.Pages), t => If(t.PagesEdited)),
        new(PageReads.AllKeys, (s, _) => ReadPrints.Text(string.Join('\n', s.Site.ByKey.Unrecorded.Keys)), t => If(t.KeysCameOrWent)),
        new(PageReads.TagCounts, (s, _) => ReadPrints.Text(string.Join('\n', IndexPageBuilder.TagCounts(s.Site).Select(c => $"{c.Tag}\u0001{c.Count}"))),
            t => If(t.Tags.Count > 0 || t.KeysCameOrWent)),
        // The feed of recent updates chooses among pages and annotations.
        new(PageReads.RecentFeed, (s, _) => ReadPrints.List(SiteFeeds.SelectRecent(s.Site)), t => If(t.FacesChanged)),
    ];

    private static IEnumerable<string> If(bool touched) => touched ? [""] : [];

    private static readonly ReadKind[] Table = [.. Prefixed, .. Whole];
    private static readonly Dictionary<string, ReadKind>.AlternateLookup<ReadOnlySpan<char>> ByPrefix =
        Table.ToDictionary(k => k.Prefix, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind of <paramref name="token"/> and the length of its prefix, or null for a token no kind knows.</summary>
    public static ReadKind? Of(string token, out int prefixLength)
    {
        // Every prefix ends at the token's first ':'; a token without one is a read of its own.
        var colon = token.IndexOf(':');
        prefixLength = colon < 0 ? token.Length : colon + 1;
        return ByPrefix.TryGetValue(token.AsSpan(0, prefixLength), out var kind) ? kind : null;
    }

    /// <summary>The group of <paramref name="token"/> (its kind's prefix and the group's name), or null when its kind has no groups.</summary>
    public static string? GroupOf(string token) =>
        Of(token, out var prefix) is { Group: { } group } kind ? kind.Prefix + group(token[prefix..]) : null;

    /// <summary>
    /// The reads (tokens) and groups of reads (<see cref="GroupOf"/>) whose value these edits can
    /// have changed: only these are worked out again.
    /// </summary>
    public static IEnumerable<(string Token, bool IsGroup)> TouchedBy(TouchedReads touched)
    {
        foreach (var kind in Table)
            foreach (var name in kind.Touched(touched))
                yield return (kind.Prefix + name, kind.Group is not null);
    }
}
