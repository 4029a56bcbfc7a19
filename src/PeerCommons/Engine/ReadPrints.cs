using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Engine;

/// <summary>
/// The value of each read (a <see cref="PageReads"/> token) on one state of the site, as a 64-bit
/// fingerprint: what a page read when it was built is kept as this fingerprint, and after a change
/// the same token's fingerprint on the new site says whether the page would read something else
/// now. One instance per state of the site; each token is worked out once. Thread-safe.
/// </summary>
internal sealed class ReadPrints(Site site, ParsedContent parsed)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ulong> _prints = new(StringComparer.Ordinal);

    /// <summary>For the reads made through the render context (reverse links, a community's annotations); set once it exists.</summary>
    public RenderContext? Context { get; set; }

    public Site Site => site;

    public ulong Of(string token) => _prints.GetOrAdd(token, Compute);

    private ulong Compute(string token)
    {
        // Worked out from the site as it is, never recorded: this is the engine looking, not a page reading.
        using var notRecorded = PageReads.Paused();
        return ReadKinds.Of(token, out var prefix) is { } kind
            ? kind.Value(this, token[prefix..])
            : throw new InvalidOperationException($"no value is known for the read '{token}'");
    }

    /// <summary>The entry of a key on this site, or null.</summary>
    public Entry? EntryOf(string key) => site.ByKey.Unrecorded.GetValueOrDefault(key);

    /// <summary>A page of a list: how many entries the list has, and the keys the page shows, in order.</summary>
    public ulong Slice(string slice)
    {
        var at = slice.LastIndexOf('#');
        var list = slice[..at];
        var number = int.Parse(slice[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        // Every page of a list reads its own slice of the same sorted list, which the pages rendered
        // after the plan share too: sorted once per state of the site (IndexPageBuilder.ListEntries).
        var entries = IndexPageBuilder.ListEntries(list, RenderContext) ?? [];
        return Text(entries.Count + "\n" + string.Join('\n', IndexPageBuilder.SliceKeys(entries, number, site.Config.ListPageSize)));
    }

    public RenderContext RenderContext => Context ?? throw new InvalidOperationException("a read of the render context before it exists");

    /// <summary>A list read shows its entries, in order, with what each shows (their bodies are read apart: <see cref="PageReads.Body"/>).</summary>
    public static ulong List(IEnumerable<Entry> entries)
    {
        var prints = new List<ulong>();
        foreach (var entry in entries) prints.Add(Face(entry));
        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(prints)));
    }

    public static ulong Text(string text) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// What other pages can show of an entry: all it holds but its file (whose body is read apart,
    /// by <see cref="PageReads.Body"/>), whatever the page picks of it. Kept per entry object: an
    /// entry that was not edited is the same object, and its fingerprint is not worked out again.
    /// </summary>
    public static ulong Face(Entry? entry) =>
        entry is null ? 0 : Faces.GetValue(entry, e => new StrongBox<ulong>(Text(JsonSerializer.Serialize(e, FaceJson)))).Value;

    private static readonly ConditionalWeakTable<Entry, StrongBox<ulong>> Faces = new();

    private static readonly JsonSerializerOptions FaceJson = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(Entry)) return;
                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                        if (info.Properties[i].Name == nameof(Entry.File)) info.Properties.RemoveAt(i);
                },
            },
        },
    };

    /// <summary>An entry's Markdown as a page renders it: its text, and where it starts in the file (findings give file lines).</summary>
    public static ulong Body(Entry? entry) =>
        entry is null ? 0 : Text(entry.File.BodyLine + "\n" + entry.File.Body);

    /// <summary>
    /// An entry's headings come from its own Markdown only, so they are kept per entry object like its
    /// face: the propose form's data reads every entry's headings, and working them all out again after
    /// each title edit cost about 200 ms at 10,000 entries.
    /// </summary>
    public ulong Headings(Entry? entry) =>
        entry is null ? 0 : HeadingPrints.GetValue(entry, e => new StrongBox<ulong>(Text(string.Join('\n', parsed.HeadingsOf(e).Select(h => h.ToString()))))).Value;

    private static readonly ConditionalWeakTable<Entry, StrongBox<ulong>> HeadingPrints = new();
}
