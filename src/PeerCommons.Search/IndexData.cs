using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace PeerCommons.Search;

/// <summary>One occurrence's metadata: position [Start, Length] and token index; Start = -1 when lunr has no
/// position (array-valued fields).</summary>
internal readonly record struct Occurrence(int Start, int Length, int TokenIndex);

/// <summary>A unique term of the inverted index, with its postings per field.</summary>
internal sealed class TermEntry
{
    public readonly string Term;
    public readonly int Index;        // lunr's _index: order of first appearance
    public readonly Posting[] Fields; // one per field
    public int Stamp = -1;            // scratch for per-field term frequency
    public int Count;

    public TermEntry(string term, int index, int fieldCount)
    {
        Term = term;
        Index = index;
        Fields = new Posting[fieldCount];
    }
}

/// <summary>The documents (by reference id) containing a term in one field, in first-insertion order.</summary>
internal struct Posting
{
    public int[]? Refs;
    public int Count;
    public List<Occurrence>[]? Meta; // parallel to Refs when metadata is whitelisted

    public int Add(int refId, bool searchAll)
    {
        if (Count > 0)
        {
            if (Refs![Count - 1] == refId) return Count - 1;
            if (searchAll)
            {
                int at = Array.IndexOf(Refs, refId, 0, Count);
                if (at >= 0) return at;
            }
        }
        if (Refs is null) Refs = new int[2];
        else if (Count == Refs.Length) Array.Resize(ref Refs, Count * 2);
        Refs[Count] = refId;
        if (Meta is not null && Meta.Length < Refs.Length) Array.Resize(ref Meta, Refs.Length);
        return Count++;
    }
}

/// <summary>One (field, document) pair: lunr's fieldRef, with its term frequencies.</summary>
internal struct FieldRefRecord
{
    public int RefId;
    public int FieldIndex;
    public int PairStart;   // into IndexData._pairs
    public int PairCount;
    public int Length;      // number of terms after the pipeline
}

/// <summary>The mutable state of a builder; see <see cref="LunrIndexBuilder"/>.</summary>
internal sealed class IndexData
{
    private static readonly TermEntry StopMarker = new("", -1, 0);

    public readonly (string Name, double Boost)[] Fields; // in JS key order
    public readonly FieldInput[] FieldInputScratch;
    private readonly string[] _whitelist;
    private readonly double _b, _k1;
    private readonly TrimmerMode _trimmer;

    // references
    private readonly Dictionary<string, int> _refIds = new(StringComparer.Ordinal);
    private readonly List<string> _refs = [];
    private readonly List<double> _docBoosts = [];
    private readonly List<int> _firstRecord = [];
    public int DocumentCount;

    // terms
    private readonly Dictionary<string, TermEntry> _terms = new(StringComparer.Ordinal);
    private readonly List<TermEntry> _termsByIndex = [];
    private readonly Dictionary<string, TermEntry> _rawTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry>.AlternateLookup<ReadOnlySpan<char>> _rawLookup;

    // field vectors in the making
    private readonly List<FieldRefRecord> _records = [];
    private long[] _pairs = new long[1024]; // (termIndex << 32) | tf
    private int _pairCount;
    private readonly List<TermEntry> _distinct = [];
    private char[]? _lowered; // the field being tokenized, lower-cased (JsText.ToLower)
    private int _stamp;

    public IndexData(List<(string Name, double Boost)> declared, List<string> whitelist, double b, double k1, TrimmerMode trimmer)
    {
        var order = JsMath.JsKeyOrder(declared.Select(f => f.Name));
        Fields = order.Select(n => declared.First(f => f.Name == n)).Select(f => (f.Name, f.Boost)).ToArray();
        FieldInputScratch = new FieldInput[Fields.Length];
        _whitelist = whitelist.ToArray();
        _b = b;
        _k1 = k1;
        _trimmer = trimmer;
        _rawLookup = _rawTokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void AddDocument(string reference, ReadOnlySpan<FieldInput> inputs, double boost)
    {
        ref int refIdSlot = ref CollectionsMarshal.GetValueRefOrAddDefault(_refIds, reference, out bool exists);
        bool repeat = exists;
        int refId;
        if (exists)
        {
            refId = refIdSlot;
            _docBoosts[refId] = boost;
        }
        else
        {
            refId = refIdSlot = _refs.Count;
            _refs.Add(reference);
            _docBoosts.Add(boost);
            _firstRecord.Add(_records.Count);
        }
        DocumentCount++;

        for (int f = 0; f < Fields.Length; f++)
        {
            int stamp = ++_stamp;
            int pairStart = _pairCount;
            int length = 0;
            _distinct.Clear();
            var input = inputs[f];
            if (input.Items is not null)
            {
                for (int i = 0; i < input.Items.Length; i++)
                {
                    var lowered = JsText.ToLower(input.Items[i] ?? "", ref _lowered);
                    length += AddToken(lowered, refId, f, stamp, repeat, new Occurrence(-1, 0, -1)) ? 1 : 0;
                }
            }
            else
            {
                var lowered = JsText.ToLower(input.Text.Span, ref _lowered);
                int tokenIndex = 0;
                var tokens = new TokenEnumerator(lowered);
                while (tokens.MoveNext())
                {
                    var occ = new Occurrence(tokens.TokenStart, tokens.TokenLength, tokenIndex++);
                    length += AddToken(tokens.Current, refId, f, stamp, repeat, occ) ? 1 : 0;
                }
            }

            // term frequencies for this field of this document
            EnsurePairCapacity(_pairCount + _distinct.Count);
            foreach (var entry in _distinct)
            {
                _pairs[_pairCount++] = ((long)entry.Index << 32) | (uint)entry.Count;
            }
            var record = new FieldRefRecord
            {
                RefId = refId, FieldIndex = f, PairStart = pairStart, PairCount = _pairCount - pairStart, Length = length,
            };
            if (repeat) _records[_firstRecord[refId] + f] = record; // lunr overwrites, keeping the key's place
            else _records.Add(record);
        }
    }

    private void EnsurePairCapacity(int n)
    {
        if (n > _pairs.Length) Array.Resize(ref _pairs, Math.Max(n, _pairs.Length * 2));
    }

    /// <returns>Whether the token produced a term (false for stop words).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AddToken(ReadOnlySpan<char> raw, int refId, int field, int stamp, bool repeat, Occurrence occ)
    {
        if (!_rawLookup.TryGetValue(raw, out var entry))
        {
            entry = ResolveTerm(raw);
            _rawLookup[raw] = entry;
        }
        if (ReferenceEquals(entry, StopMarker)) return false;

        if (entry.Stamp != stamp)
        {
            entry.Stamp = stamp;
            entry.Count = 0;
            _distinct.Add(entry);
        }
        entry.Count++;

        ref var posting = ref entry.Fields[field];
        int slot = posting.Add(refId, repeat);
        if (_whitelist.Length > 0)
        {
            posting.Meta ??= new List<Occurrence>[posting.Refs!.Length];
            var list = posting.Meta[slot] ??= [];
            list.Add(occ);
        }
        return true;
    }

    /// <summary>Runs the pipeline (trimmer, stop-word filter, stemmer) on a new raw token.</summary>
    private TermEntry ResolveTerm(ReadOnlySpan<char> raw)
    {
        var trimmed = Trimmer.Trim(raw, _trimmer);
        if (StopWordFilter.IsStopWord(trimmed)) return StopMarker;
        string term = trimmed.ToString();
        if (_trimmer == TrimmerMode.Unicode && !Ascii.IsValid(term))
        {
            // Browsers send NFC text; keep decomposed input searchable.
            try { term = term.Normalize(NormalizationForm.FormC); } catch (ArgumentException) { /* lone surrogates */ }
        }
        term = PorterStemmer.Stem(term);
        if (!_terms.TryGetValue(term, out var entry))
        {
            entry = new TermEntry(term, _termsByIndex.Count, Fields.Length);
            _terms.Add(term, entry);
            _termsByIndex.Add(entry);
        }
        return entry;
    }

    public LunrIndex Build()
    {
        int fieldCount = Fields.Length;

        // average field lengths (lunr: over the fieldRefs of each field)
        var sums = new double[fieldCount];
        var counts = new int[fieldCount];
        foreach (var r in CollectionsMarshal.AsSpan(_records))
        {
            sums[r.FieldIndex] += r.Length;
            counts[r.FieldIndex]++;
        }
        var avg = new double[fieldCount];
        for (int f = 0; f < fieldCount; f++) avg[f] = sums[f] / counts[f];

        // idf per term, as lunr.idf: documents counted once per field that contains the term
        var idf = new double[_termsByIndex.Count];
        for (int t = 0; t < idf.Length; t++)
        {
            int docsWithTerm = 0;
            foreach (var p in _termsByIndex[t].Fields) docsWithTerm += p.Count;
            double x = (DocumentCount - docsWithTerm + 0.5) / (docsWithTerm + 0.5);
            idf[t] = JsMath.Log(1 + Math.Abs(x));
        }

        var fieldBoosts = new double[fieldCount];
        for (int f = 0; f < fieldCount; f++) fieldBoosts[f] = Fields[f].Boost is var fb && (fb == 0 || double.IsNaN(fb)) ? 1 : fb;

        // field vectors: sort each record's pairs by term index, then score
        var scores = new double[_pairCount];
        var pairs = _pairs;
        double k1 = _k1, b = _b;
        var records = CollectionsMarshal.AsSpan(_records);
        for (int i = 0; i < records.Length; i++)
        {
            ref var r = ref records[i];
            var span = pairs.AsSpan(r.PairStart, r.PairCount);
            span.Sort();
            double fieldLength = r.Length;
            double fieldAvg = avg[r.FieldIndex];
            double boost = fieldBoosts[r.FieldIndex];
            double docBoost = _docBoosts[r.RefId] is var db && (db == 0 || double.IsNaN(db)) ? 1 : db;
            for (int j = 0; j < span.Length; j++)
            {
                int termIndex = (int)(span[j] >> 32);
                int tf = (int)(uint)span[j];
                double score = idf[termIndex] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (fieldLength / fieldAvg)) + tf);
                score *= boost;
                score *= docBoost;
                scores[r.PairStart + j] = JsMath.RoundTo3(score);
            }
        }

        var sortedTerms = _termsByIndex.ToArray();
        Array.Sort(sortedTerms, static (a, c) => string.CompareOrdinal(a.Term, c.Term));

        return new LunrIndex(
            Fields.Select(f => f.Name).ToArray(),
            _refs.ToArray(),
            _records.ToArray(),
            pairs,
            scores,
            sortedTerms,
            _whitelist,
            DocumentCount);
    }
}
