using System.Text.Encodings.Web;
using System.Text.Json;
using PeerCommons.Model;

namespace PeerCommons.Render.Propose;

/// <summary>
/// The propose form's data that grows with the site, cut into parts the form loads only when it
/// needs them: the keys of one kind (in runs of <see cref="KeysPerPart"/>) when a field that takes
/// keys of that kind is used, and the headings of a group of entries when one of them is chosen as
/// a note's target. Each part is a script that registers itself in <c>window.PeerCommonsProposeParts</c>,
/// so the form needs no fetch: it works from file://, under any sub-path and under the site's CSP.
/// Measured at 10,000 entries, these sizes keep each part at most 16 kB gzipped (see docs/architecture.md).
/// Which parts there are and which keys each holds (<see cref="Layout"/>) follows from the set of
/// keys alone, and each part is written on its own (<see cref="Write"/>), so the preview server
/// makes again only the parts an edit changed.
/// </summary>
public static class ProposeParts
{
    /// <summary>The parts' folder, beside the form page; a part's address is this plus its name and ".js".</summary>
    public const string Folder = ProposePage.Path + "parts/";

    /// <summary>How many keys (with their titles) one part holds.</summary>
    public const int KeysPerPart = 1000;

    /// <summary>How many entries, on average, share one part of headings.</summary>
    public const int EntriesPerGroup = 100;

    /// <summary>What a part holds: the keys (and titles) of one kind, the works a proposal may cite, or a group of entries' headings.</summary>
    public enum Content { Keys, Sources, Headings }

    /// <summary>One part: its file, what it holds, and the keys of the entries it holds (all of <paramref name="Kind"/> in a part of keys), in the order it lists them.</summary>
    public sealed record Part(string Name, Content Content, IReadOnlyList<string> Keys, EntryKind? Kind = null)
    {
        public string Path => Folder + Name + ".js";
    }

    /// <summary>The number of heading groups: enough that a group stays small, never fewer than one.</summary>
    public static int GroupCount(int pages) => Math.Max(1, (pages + EntriesPerGroup - 1) / EntriesPerGroup);

    /// <summary>The number of heading groups of this site.</summary>
    public static int GroupCount(Site site) => GroupCount(PageKeys(site).Count());

    /// <summary>
    /// The group of an entry's headings: FNV-1a over the key's UTF-16 code units, as propose-rules.js
    /// computes it, so the form finds an entry's part from its key alone (a link may name any entry).
    /// </summary>
    public static int GroupOf(string key, int groups)
    {
        var hash = 2166136261u;
        foreach (var c in key) hash = unchecked((hash ^ c) * 16777619u);
        return (int)(hash % (uint)groups);
    }

    public static string KindId(EntryKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>How many key parts each kind has, for the form's core data (kinds with no entry are left out).</summary>
    public static SortedDictionary<string, int> KeyPartCounts(Site site) =>
        new(KeysByKind(site).ToDictionary(g => g.Key, g => (g.Value.Keys.Count + KeysPerPart - 1) / KeysPerPart), StringComparer.Ordinal);

    /// <summary>Every part as (path below the output, script bytes).</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Files(RenderContext context) =>
        Layout(context.Site).Select(part => (part.Path, Write(part, context)));

    /// <summary>Every part, in the order the build writes them, with the keys each holds. Reads the set of keys only.</summary>
    public static IReadOnlyList<Part> Layout(Site site)
    {
        var parts = new List<Part>();
        foreach (var (kind, (entryKind, keys)) in KeysByKind(site))
            for (var i = 0; i * KeysPerPart < keys.Count; i++)
                parts.Add(new Part($"keys-{kind}-{i + 1}", Content.Keys, keys.GetRange(i * KeysPerPart, Math.Min(KeysPerPart, keys.Count - i * KeysPerPart)), entryKind));
        parts.Add(new Part("sources", Content.Sources, []));
        var pages = PagesByKey(site);
        var groups = GroupCount(pages.Count);
        var byGroup = pages.ToLookup(key => GroupOf(key, groups));
        for (var group = 0; group < groups; group++) parts.Add(new Part($"entries-{group}", Content.Headings, byGroup[group].ToList()));
        return parts;
    }

    /// <summary>One part's script. What it shows of each entry is looked up by key, so a page recording its reads knows which entries it shows.</summary>
    public static byte[] Write(Part part, RenderContext context)
    {
        var site = context.Site;
        return part.Content switch
        {
            // A page's title helps a person find it; an annotation's key is only checked against (its entry is not read).
            Content.Keys => Script(part.Name, part.Keys.Select(key =>
                part.Kind == EntryKind.Annotation ? new object[] { key } : [key, site.ByKey[key].Title])),
            // The works a proposal may cite: 500 sources are 13 kB gzipped, read when sources are chosen or checked.
            Content.Sources => Script(part.Name, site.Bibliography.Values.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new object[] { s.Key, $"{SourceFormatter.Label(s)}: {Shorten(s.Title)}" })),
            _ => Script(part.Name, part.Keys.Select(key => site.ByKey[key]).Select(e => new
            {
                key = e.Key,
                title = e.Title,
                kind = KindId(e.Kind),
                // Headings: [id, text, level, 1 when inside a ::: block (not an anchor of the page)].
                headings = context.Parsed.HeadingsOf(e).Select(h => new object[] { h.Id, h.Text, h.Level, h.InContainer ? 1 : 0 }),
                anchors = PageAnchors.Of(e, site).Except(PageAnchors.Fixed).Distinct(StringComparer.Ordinal),
            })),
        };
    }

    // Every key a new file could collide with or point at, annotations included, grouped by the kind of its entry.
    // An entry's kind follows from its key (its file's place under content/), so this reads the set of keys only.
    private static SortedDictionary<string, (EntryKind Kind, List<string> Keys)> KeysByKind(Site site) =>
        new(site.ByKey.Values.GroupBy(e => e.Kind)
            .ToDictionary(g => KindId(g.Key), g => (g.Key, g.Select(e => e.Key).Order(StringComparer.Ordinal).ToList())), StringComparer.Ordinal);

    /// <summary>The keys of the entries with a page of their own, sorted: those of <see cref="Site.Pages"/>, read as the set of keys.</summary>
    private static List<string> PagesByKey(Site site) => PageKeys(site).Order(StringComparer.Ordinal).ToList();

    /// <summary>The keys of the entries with a page of their own (all but annotations), read as the set of keys, not every page.</summary>
    private static IEnumerable<string> PageKeys(Site site) =>
        site.ByKey.Values.Where(e => e.Kind != EntryKind.Annotation).Select(e => e.Key);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "…";

    private static byte[] Script(string name, object payload)
    {
        var json = JsonSerializer.Serialize(payload, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        return System.Text.Encoding.UTF8.GetBytes(
            "// A part of the propose form's data, generated by the site build. Do not edit.\n" +
            $"(window.PeerCommonsProposeParts = window.PeerCommonsProposeParts || {{}})[\"{name}\"] = {json};\n");
    }
}
