namespace PeerCommons.Search;

/// <summary>
/// The field vectors of a <see cref="LunrIndex"/> turned inside out: for each term (by lunr's <c>_index</c>)
/// and field, the documents whose field holds the term with the weight lunr's field vector gives it, as an
/// integer number of thousandths (lunr rounds weights to <c>Math.round(x * 1000) / 1000</c>, so k / 1000 in
/// JavaScript gives back the very same double).
/// </summary>
internal sealed class Weights
{
    internal readonly record struct Posting(int Document, int Weight);

    private readonly int _fields;
    private readonly int[] _start;
    private readonly Posting[] _postings;

    private Weights(int fields, int[] start, Posting[] postings) => (_fields, _start, _postings) = (fields, start, postings);

    /// <summary>The postings of term <paramref name="termIndex"/> in <paramref name="field"/>, documents ascending.</summary>
    public ReadOnlySpan<Posting> Postings(int termIndex, int field)
    {
        var slot = termIndex * _fields + field;
        return _postings.AsSpan(_start[slot], _start[slot + 1] - _start[slot]);
    }

    public static Weights Of(LunrIndex index)
    {
        var fields = index.Fields.Count;
        var slots = index.TermCount * fields;
        var start = new int[slots + 1];
        for (var v = 0; v < index.FieldVectorCount; v++)
        {
            var vector = index.GetFieldVector(v);
            for (var i = 0; i < vector.Count; i++) start[Slot(vector.TermIndex(i), vector.Field, fields, slots) + 1]++;
        }
        for (var s = 0; s < slots; s++) start[s + 1] += start[s];

        var postings = new Posting[start[slots]];
        var next = start[..slots];
        // Field vectors come in document order, so each term's postings fill in ascending document order.
        for (var v = 0; v < index.FieldVectorCount; v++)
        {
            var vector = index.GetFieldVector(v);
            for (var i = 0; i < vector.Count; i++)
                postings[next[Slot(vector.TermIndex(i), vector.Field, fields, slots)]++] = new Posting(vector.Reference, Thousandths(vector.Score(i)));
        }
        return new Weights(fields, start, postings);
    }

    private static int Slot(int termIndex, int field, int fields, int slots)
    {
        var slot = termIndex * fields + field;
        if ((uint)slot >= (uint)slots) throw new InvalidOperationException($"field vector names term {termIndex}, which the index does not have");
        return slot;
    }

    private static int Thousandths(double score)
    {
        var scaled = Math.Round(score * 1000, MidpointRounding.AwayFromZero);
        if (scaled / 1000 != score || Math.Abs(scaled) > int.MaxValue)
            throw new InvalidOperationException($"weight {score} is not a number of thousandths, as lunr rounds weights");
        return (int)scaled;
    }
}
