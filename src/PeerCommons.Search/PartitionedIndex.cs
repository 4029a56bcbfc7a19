namespace PeerCommons.Search;

/// <summary>One file of a partitioned index: its path below the index folder and its bytes.</summary>
public sealed record IndexFile(string Path, byte[] Bytes);

/// <summary>
/// A lunr.js 2.3.9 index written as a small manifest plus many small parts (see FORMAT.md), so that a
/// browser loads only the parts a query needs. Written by <see cref="PartitionedIndexWriter"/>.
/// </summary>
/// <param name="Manifest">The manifest, <c>index.js</c>: the only file with a fixed name.</param>
/// <param name="Parts">The posting parts, in term order; <c>Parts[i]</c> holds the terms from
/// <c>Boundaries[i]</c> (inclusive) to <c>Boundaries[i + 1]</c> (exclusive).</param>
/// <param name="Boundaries">The first term (or a shorter prefix of it that still sorts after the previous
/// part's last term) of each part; the first is always "".</param>
/// <param name="Terms">The term list (the lexicon), loaded only for fuzzy and leading-wildcard queries.</param>
/// <param name="TermsPerPart">How many terms each part holds, in the order of <see cref="Parts"/>.</param>
public sealed record PartitionedIndex(
    IndexFile Manifest,
    IReadOnlyList<IndexFile> Parts,
    IReadOnlyList<string> Boundaries,
    IndexFile Terms,
    IReadOnlyList<int> TermsPerPart)
{
    /// <summary>Every file, manifest first.</summary>
    public IEnumerable<IndexFile> Files => new[] { Manifest, Terms }.Concat(Parts);

    /// <summary>The part that holds <paramref name="term"/> (whether or not the index has it): the last part whose
    /// boundary sorts at or before the term, in UTF-16 code unit order as JavaScript compares strings.</summary>
    public int PartOf(string term)
    {
        int low = 0, high = Boundaries.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (string.CompareOrdinal(Boundaries[middle], term) <= 0) low = middle;
            else high = middle - 1;
        }
        return low;
    }
}

/// <summary>How a partitioned index is cut.</summary>
public sealed record PartitionOptions
{
    /// <summary>Consecutive terms are packed into one part until it would exceed this many bytes (before gzip);
    /// a term whose postings alone are larger gets a part of its own. The default, 12 kB, keeps a first search
    /// of the starter content within its 40 kB budget now that the scripts hold lunr's scoring over arrays
    /// (search-score.js; at 24 kB the starter's parts were 10 kB gzipped, median); at 10,000 entries most terms
    /// have a part of their own (median 26 kB gzipped) whatever the target.</summary>
    public int TargetPartBytes { get; init; } = 12 * 1024;
}
