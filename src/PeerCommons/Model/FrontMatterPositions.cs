namespace PeerCommons.Model;

/// <summary>
/// Where each top-level field of an entry's front matter was written (its key, its value, and each
/// item of a list), which is all that later stages read of the front matter: the checks across the
/// site point their diagnostics there. The values themselves are in <see cref="Entry"/>, typed.
/// Kept instead of the <see cref="YMapping"/> tree because that tree is about 120 objects per
/// entry (1.24 million of the 8.8 million objects alive at the end of a 10,000-entry build, each
/// copied by every gen1 and marked by every gen2 collection); this is four.
/// </summary>
public sealed class FrontMatterPositions
{
    // Per field, six numbers: key line, key column, value line, value column (0 when the value is
    // not a scalar), where its items start in _items, how many items it has.
    private const int Stride = 6;

    private readonly string[] _names;
    private readonly int[] _fields;
    private readonly int[] _items;

    /// <summary>The line the front matter's first field is on (where a missing field is reported).</summary>
    public int Line { get; }

    private FrontMatterPositions(int line, string[] names, int[] fields, int[] items)
    {
        Line = line;
        _names = names;
        _fields = fields;
        _items = items;
    }

    /// <summary>Front matter with no field, starting at <paramref name="line"/>.</summary>
    public static FrontMatterPositions Empty(int line) => new(line, [], [], []);

    public static FrontMatterPositions From(YMapping mapping)
    {
        var entries = mapping.Entries;
        var names = new string[entries.Count];
        var fields = new int[entries.Count * Stride];
        var itemCount = 0;
        foreach (var entry in entries)
            if (entry.Value is YSequence sequence) itemCount += sequence.Items.Count;
        var items = itemCount == 0 ? [] : new int[itemCount * 2];
        var next = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var (key, value) = (entries[i].Key, entries[i].Value);
            // Field names repeat across every entry (title, summary, tags...): one string each, not one per file.
            names[i] = SharedStrings.Get(key.Value);
            var at = i * Stride;
            fields[at] = key.Line;
            fields[at + 1] = key.Column;
            if (value is YScalar scalar) (fields[at + 2], fields[at + 3]) = (scalar.Line, scalar.Column);
            fields[at + 4] = next;
            if (value is YSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    items[next * 2] = item.Line;
                    items[next * 2 + 1] = item.Column;
                    next++;
                }
                fields[at + 5] = sequence.Items.Count;
            }
        }
        return new FrontMatterPositions(mapping.Line, names, fields, items);
    }

    /// <summary>Where a field's key was written, or null when the front matter has no such field.</summary>
    public (int Line, int Column)? KeyOf(string field) =>
        IndexOf(field) is var i and >= 0 ? (_fields[i * Stride], _fields[i * Stride + 1]) : null;

    /// <summary>
    /// Where a field was written: one item of a list field when <paramref name="item"/> is one of its
    /// items, else its value when that is a scalar, else its key; the front matter's first line when
    /// the field is not there.
    /// </summary>
    public (int Line, int Column) Of(string field, int item = -1)
    {
        var i = IndexOf(field);
        if (i < 0) return (Line, 1);
        var at = i * Stride;
        if (item >= 0 && item < _fields[at + 5])
        {
            var itemAt = (_fields[at + 4] + item) * 2;
            return (_items[itemAt], _items[itemAt + 1]);
        }
        return _fields[at + 2] > 0 ? (_fields[at + 2], _fields[at + 3]) : (_fields[at], _fields[at + 1]);
    }

    // The first field of that name, as YMapping.Find finds it.
    private int IndexOf(string field) => Array.IndexOf(_names, field);
}
