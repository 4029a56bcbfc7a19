using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;

namespace PeerCommons.Engine;

/// <summary>The value of a read of this kind on one state of the site: <paramref name="name"/> is the token without its kind's prefix.</summary>
internal delegate ulong ReadValue(ReadPrints site, string name);

/// <summary>Whether the edits of <paramref name="touched"/> can have changed the value of a read of this kind named <paramref name="name"/>.</summary>
internal delegate bool ReadMayChange(TouchedReads touched, ReadOnlySpan<char> name);

/// <summary>
/// One kind of read (<see cref="PageReads"/> tokens of one prefix, or one token of its own): what its
/// value is, and which edits can change that value. Side by side, so that what serve works out again
/// after an edit (<see cref="TouchedReads"/>) follows from what the value is (<see cref="ReadPrints"/>).
/// </summary>
internal sealed record ReadKind(string Prefix, ReadValue Value, ReadMayChange MayChange);

/// <summary>
/// Every kind of read, in one table. The rule behind each "may change": a key's face, body, headings
/// or date change only when that key's entry was edited; every list is its members' faces in an order
/// of its own (site, key or module order), so it can change only when an edited entry, before or
/// after the edit, is one of its members.
/// </summary>
internal static class ReadKinds
{
    private static readonly ReadKind[] Prefixed =
    [
        new(PageReads.EntryPrefix, (s, key) => ReadPrints.Face(s.EntryOf(key)), (t, key) => t.Keys.Contains(key)),
        new(PageReads.BodyPrefix, (s, key) => ReadPrints.Body(s.EntryOf(key)), (t, key) => t.Keys.Contains(key)),
        new(PageReads.HeadingsPrefix, (s, key) => s.Headings(s.EntryOf(key)), (t, key) => t.Keys.Contains(key)),
        new(PageReads.DatedPrefix, (s, key) => s.EntryOf(key) is { } page ? ReadPrints.Text(page.Url + "\n" + page.Updated) : 0, (t, key) => t.Keys.Contains(key)),
        new(PageReads.AnnotationsPrefix, (s, target) => ReadPrints.List(s.Site.AnnotationsOf(target)), (t, target) => t.Targets.Contains(target)),
        new(PageReads.ModulesPrefix, (s, curriculum) => ReadPrints.List(s.Site.ModulesOf(curriculum)), (t, curriculum) => t.Curricula.Contains(curriculum)),
        new(PageReads.CommunityPrefix, (s, community) => ReadPrints.List(s.RenderContext.AnnotationsBy(community)), (t, community) => t.Communities.Contains(community)),
        new(PageReads.ReferencedByPrefix, (s, key) => ReadPrints.List(s.RenderContext.ReferencedBy.GetValueOrDefault(key) ?? []), (t, key) => t.Listed.Contains(key)),
        new(PageReads.KindPrefix, (s, folder) => ReadPrints.List(EntryKinds.FromFolder(folder) is { } kind ? s.Site.OfKind(kind) : []), (t, folder) => t.Kinds.Contains(folder)),
        new(PageReads.KindCountPrefix, (s, folder) => EntryKinds.FromFolder(folder) is { } kind ? (ulong)s.Site.OfKind(kind).Count() : 0, (t, folder) => t.Kinds.Contains(folder)),
        new(PageReads.TagPrefix, (s, tag) => ReadPrints.List(s.Site.Tagged(tag)), (t, tag) => t.Tags.Contains(tag)),
        // A page of a kind's or a tag's list ("projects/#2", "tags/peer-work/#1"): when an edited page is in that list.
        new(PageReads.SlicePrefix, (s, slice) => s.Slice(slice), (t, slice) =>
        {
            var list = slice[..slice.LastIndexOf('#')];
            return list.StartsWith("tags/", StringComparison.Ordinal) && list.Length > "tags/".Length
                ? t.Tags.Contains(list["tags/".Length..].TrimEnd('/'))
                : t.Kinds.Contains(list.TrimEnd('/'));
        }),
    ];

    /// <summary>Reads that are one token of their own.</summary>
    private static readonly ReadKind[] Whole =
    [
        new(PageReads.AllPages, (s, _) => ReadPrints.List(s.Site.Pages), (t, _) => t.PagesEdited),
        new(PageReads.AllKeys, (s, _) => ReadPrints.Text(string.Join('\n', s.Site.ByKey.Unrecorded.Keys)), (t, _) => t.KeysCameOrWent),
        new(PageReads.TagCounts, (s, _) => ReadPrints.Text(string.Join('\n', IndexPageBuilder.TagCounts(s.Site).Select(c => $"{c.Tag}\u0001{c.Count}"))),
            (t, _) => t.Tags.Count > 0 || t.KeysCameOrWent),
        // The feed of recent updates chooses among pages and annotations.
        new(PageReads.RecentFeed, (s, _) => ReadPrints.List(SiteFeeds.SelectRecent(s.Site)), (t, _) => t.Keys.Count > 0),
    ];

    private static readonly Dictionary<string, ReadKind> ByPrefix = Prefixed.Concat(Whole).ToDictionary(k => k.Prefix, StringComparer.Ordinal);
    private static readonly Dictionary<string, ReadKind>.AlternateLookup<ReadOnlySpan<char>> ByPrefixSpan = ByPrefix.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kind of <paramref name="token"/> and the length of its prefix, or null for a token no kind knows.</summary>
    public static ReadKind? Of(string token, out int prefixLength)
    {
        // Every prefix ends at the token's first ':'; a token without one is a read of its own.
        var colon = token.IndexOf(':');
        prefixLength = colon < 0 ? token.Length : colon + 1;
        return ByPrefixSpan.TryGetValue(token.AsSpan(0, prefixLength), out var kind) ? kind : null;
    }
}
