using System.Text;
using System.Text.Json;

namespace PeerCommons.Search;

/// <summary>
/// A built lunr.js 2.3.9 index. <see cref="WriteJson(Stream)"/> writes exactly what
/// <c>JSON.stringify(idx)</c> writes for the index lunr.js would build from the same documents.
/// </summary>
public sealed class LunrIndex
{
    /// <summary>The version string lunr.js 2.3.9 writes (and checks on load).</summary>
    public const string LunrVersion = "2.3.9";

    private readonly string[] _fields;
    private readonly string[] _refs;
    private readonly FieldRefRecord[] _records;
    private readonly long[] _pairs;
    private readonly double[] _scores;
    private readonly TermEntry[] _sortedTerms;
    private readonly string[] _whitelist;

    internal LunrIndex(string[] fields, string[] refs, FieldRefRecord[] records, long[] pairs, double[] scores,
        TermEntry[] sortedTerms, string[] whitelist, int documentCount)
    {
        _fields = fields;
        _refs = refs;
        _records = records;
        _pairs = pairs;
        _scores = scores;
        _sortedTerms = sortedTerms;
        _whitelist = whitelist;
        DocumentCount = documentCount;
    }

    /// <summary>The indexed fields, in lunr's order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>Documents added (duplicates of a reference counted each time, as lunr does).</summary>
    public int DocumentCount { get; }

    /// <summary>Distinct document references.</summary>
    public int ReferenceCount => _refs.Length;

    /// <summary>Distinct terms in the inverted index.</summary>
    public int TermCount => _sortedTerms.Length;

    /// <summary>The terms of the inverted index, in its (ordinal) order.</summary>
    public IEnumerable<string> Terms => _sortedTerms.Select(t => t.Term);

    /// <summary>The search pipeline lunr.js runs on queries against this index, as serialized.</summary>
    public static IReadOnlyList<string> SearchPipeline { get; } = ["stemmer"];

    /// <summary>Document references by reference number: the order in which documents were first added.</summary>
    public IReadOnlyList<string> References => _refs;

    /// <summary>Whether postings carry term metadata (a metadata whitelist was set).</summary>
    public bool HasMetadata => _whitelist.Length > 0;

    /// <summary>Term <paramref name="position"/> of the inverted index, in its (ordinal) order, as
    /// <see cref="WriteJson(Stream)"/> writes them: for writers of other transport forms.</summary>
    public IndexTerm GetTerm(int position) => new(_sortedTerms[position]);

    /// <summary>The number of field vectors (one per field of each document).</summary>
    public int FieldVectorCount => _records.Length;

    /// <summary>Field vector <paramref name="position"/>, in the order <see cref="WriteJson(Stream)"/> writes them.</summary>
    public FieldVector GetFieldVector(int position) => new(_records[position], _pairs, _scores);

    /// <summary>Writes the serialized index as UTF-8 JSON to <paramref name="stream"/> (not closed).</summary>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new JsonOut(stream);
        Write(w);
        w.Flush();
    }

    /// <summary>Writes the serialized index as one JSON value through <paramref name="writer"/>
    /// (as a raw value, so that the bytes are exactly lunr's).</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(ToUtf8Json(), skipInputValidation: true);
    }

    /// <summary>The serialized index as UTF-8 JSON bytes.</summary>
    public byte[] ToUtf8Json()
    {
        using var ms = new MemoryStream();
        WriteJson(ms);
        return ms.ToArray();
    }

    /// <summary>The serialized index as a JSON string.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Json());

    private void Write(JsonOut w)
    {
        w.Raw("{\"version\":"u8);
        w.String(LunrVersion);
        w.Raw(",\"fields\":["u8);
        for (int i = 0; i < _fields.Length; i++)
        {
            if (i > 0) w.Byte((byte)',');
            w.String(_fields[i]);
        }

        // fieldVectors: [["field/ref",[termIndex,score,...]],...] in fieldRef insertion order
        w.Raw("],\"fieldVectors\":["u8);
        var fieldPrefixes = _fields.Select(f => JsonOut.EncodeStringBody(f + "/")).ToArray();
        for (int i = 0; i < _records.Length; i++)
        {
            ref readonly var r = ref _records[i];
            if (i > 0) w.Byte((byte)',');
            w.Raw("[\""u8);
            w.Raw(fieldPrefixes[r.FieldIndex]);
            w.StringBody(_refs[r.RefId]);
            w.Raw("\",["u8);
            int end = r.PairStart + r.PairCount;
            for (int j = r.PairStart; j < end; j++)
            {
                if (j > r.PairStart) w.Byte((byte)',');
                w.Int((int)(_pairs[j] >> 32));
                w.Byte((byte)',');
                w.Score(_scores[j]);
            }
            w.Raw("]]"u8);
        }

        // invertedIndex: [["term",{"_index":n,"field":{"ref":{...}}}],...] sorted by term (UTF-16 order)
        w.Raw("],\"invertedIndex\":["u8);
        var refKeys = new byte[_refs.Length][];
        var refIsIndex = new bool[_refs.Length];
        var refIndexValue = new uint[_refs.Length];
        bool anyIndexRef = false;
        for (int i = 0; i < _refs.Length; i++)
        {
            refKeys[i] = JsonOut.EncodeKey(_refs[i]);
            if (JsMath.IsArrayIndex(_refs[i], out refIndexValue[i])) refIsIndex[i] = anyIndexRef = true;
        }
        // posting keys: "_index" and the fields, in JS enumeration order
        var postingKeys = JsMath.JsKeyOrder(new[] { "_index" }.Concat(_fields));
        var fieldKeyBytes = _fields.Select(JsonOut.EncodeKey).ToArray();
        var whitelistKeys = _whitelist.Distinct().ToArray();
        var whitelistOrder = JsMath.JsKeyOrder(whitelistKeys);
        var whitelistRepeat = whitelistOrder.Select(k => _whitelist.Count(x => x == k)).ToArray();
        var whitelistKeyBytes = whitelistOrder.Select(JsonOut.EncodeKey).ToArray();
        var order = new List<int>();

        for (int t = 0; t < _sortedTerms.Length; t++)
        {
            var term = _sortedTerms[t];
            if (t > 0) w.Byte((byte)',');
            w.Byte((byte)'[');
            w.String(term.Term);
            w.Raw(",{"u8);
            bool firstKey = true;
            foreach (var key in postingKeys)
            {
                if (!firstKey) w.Byte((byte)',');
                firstKey = false;
                if (key == "_index")
                {
                    w.Raw("\"_index\":"u8);
                    w.Int(term.Index);
                    continue;
                }
                int f = Array.IndexOf(_fields, key);
                w.Raw(fieldKeyBytes[f]);
                w.Byte((byte)'{');
                ref readonly var posting = ref term.Fields[f];
                if (posting.Count > 0)
                {
                    var refs = posting.Refs!;
                    bool reorder = anyIndexRef && NeedsJsReorder(refs, posting.Count, refIsIndex, refIndexValue);
                    if (reorder)
                    {
                        order.Clear();
                        for (int k = 0; k < posting.Count; k++) order.Add(k);
                        order.Sort((a, c) =>
                        {
                            bool ai = refIsIndex[refs[a]], ci = refIsIndex[refs[c]];
                            if (ai && ci) return refIndexValue[refs[a]].CompareTo(refIndexValue[refs[c]]);
                            if (ai != ci) return ai ? -1 : 1;
                            return a.CompareTo(c);
                        });
                    }
                    for (int k = 0; k < posting.Count; k++)
                    {
                        int slot = reorder ? order[k] : k;
                        if (k > 0) w.Byte((byte)',');
                        w.Raw(refKeys[refs[slot]]);
                        if (whitelistKeys.Length == 0)
                        {
                            w.Raw("{}"u8);
                        }
                        else
                        {
                            WriteMetadata(w, posting.Meta?[slot], f, whitelistOrder, whitelistRepeat, whitelistKeyBytes);
                        }
                    }
                }
                w.Byte((byte)'}');
            }
            w.Raw("}]"u8);
        }

        w.Raw("],\"pipeline\":["u8);
        for (int i = 0; i < SearchPipeline.Count; i++)
        {
            if (i > 0) w.Byte((byte)',');
            w.String(SearchPipeline[i]);
        }
        w.Raw("]}"u8);
    }

    private static bool NeedsJsReorder(int[] refs, int count, bool[] isIndex, uint[] value)
    {
        // Already in JS order when all array-index refs come first in ascending order.
        bool seenOther = false;
        long last = -1;
        for (int i = 0; i < count; i++)
        {
            int r = refs[i];
            if (isIndex[r])
            {
                if (seenOther || value[r] <= last) return true;
                last = value[r];
            }
            else seenOther = true;
        }
        return false;
    }

    private void WriteMetadata(JsonOut w, List<Occurrence>? occurrences, int field, List<string> keys, int[] repeat, byte[][] keyBytes)
    {
        w.Byte((byte)'{');
        for (int k = 0; k < keys.Count; k++)
        {
            if (k > 0) w.Byte((byte)',');
            w.Raw(keyBytes[k]);
            w.Byte((byte)'[');
            bool first = true;
            if (occurrences is not null)
            {
                foreach (var occ in occurrences)
                {
                    for (int rep = 0; rep < repeat[k]; rep++)
                    {
                        if (!first) w.Byte((byte)',');
                        first = false;
                        switch (keys[k])
                        {
                            case "position" when occ.Start >= 0:
                                w.Byte((byte)'[');
                                w.Int(occ.Start);
                                w.Byte((byte)',');
                                w.Int(occ.Length);
                                w.Byte((byte)']');
                                break;
                            case "index" when occ.TokenIndex >= 0:
                                w.Int(occ.TokenIndex);
                                break;
                            case "fields":
                                w.Byte((byte)'[');
                                w.String(_fields[field]);
                                w.Byte((byte)']');
                                break;
                            default:
                                w.Raw("null"u8);
                                break;
                        }
                    }
                }
            }
            w.Byte((byte)']');
        }
        w.Byte((byte)'}');
    }
}

/// <summary>One term of the inverted index: its text, lunr's <c>_index</c>, and per field the reference
/// numbers (see <see cref="LunrIndex.References"/>) of the documents holding it, in insertion order.</summary>
public readonly struct IndexTerm
{
    private readonly TermEntry _entry;

    internal IndexTerm(TermEntry entry) => _entry = entry;

    public string Text => _entry.Term;

    public int Index => _entry.Index;

    public ReadOnlySpan<int> Documents(int field) => _entry.Fields[field].Refs.AsSpan(0, _entry.Fields[field].Count);
}

/// <summary>One document's vector for one field: (term <c>_index</c>, score) pairs in ascending term order;
/// scores already rounded to three decimals, as lunr serializes them.</summary>
public readonly struct FieldVector
{
    private readonly FieldRefRecord _record;
    private readonly long[] _pairs;
    private readonly double[] _scores;

    internal FieldVector(FieldRefRecord record, long[] pairs, double[] scores) => (_record, _pairs, _scores) = (record, pairs, scores);

    /// <summary>The field's position in <see cref="LunrIndex.Fields"/>.</summary>
    public int Field => _record.FieldIndex;

    /// <summary>The document's reference number (see <see cref="LunrIndex.References"/>).</summary>
    public int Reference => _record.RefId;

    public int Count => _record.PairCount;

    public int TermIndex(int i) => (int)(_pairs[_record.PairStart + i] >> 32);

    public double Score(int i) => _scores[_record.PairStart + i];
}
