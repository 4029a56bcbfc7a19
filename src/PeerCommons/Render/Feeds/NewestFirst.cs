using PeerCommons.Model;

namespace PeerCommons.Render.Feeds;

/// <summary>
/// The first entries in a feed's order (newest 'updated' first, then by key, then in the order given),
/// picked without sorting every candidate: a heap holds the best <c>count</c> seen so far, with the
/// one that would be shown last on top, so each later candidate is compared with it and most go by.
/// The same entries in the same order as sorting them all and taking the first <c>count</c>.
/// </summary>
internal static class NewestFirst
{
    public static IReadOnlyList<Entry> Take(IEnumerable<Entry> candidates, int count)
    {
        if (count <= 0) return [];
        // The heap's top is the candidate shown last among those kept (a max-heap in feed order).
        var kept = new PriorityQueue<Ranked, Ranked>(count + 1, Comparer<Ranked>.Create((a, b) => Compare(b, a)));
        var position = 0;
        foreach (var entry in candidates)
        {
            var ranked = new Ranked(entry, position++);
            if (kept.Count < count) kept.Enqueue(ranked, ranked);
            else if (Compare(ranked, kept.Peek()) < 0) kept.EnqueueDequeue(ranked, ranked);
        }
        var chosen = new List<Ranked>(kept.Count);
        while (kept.TryDequeue(out var ranked, out _)) chosen.Add(ranked);
        chosen.Reverse();
        return chosen.ConvertAll(r => r.Entry);
    }

    private readonly record struct Ranked(Entry Entry, int Position);

    /// <summary>Feed order: negative when <paramref name="a"/> is shown before <paramref name="b"/>.</summary>
    private static int Compare(Ranked a, Ranked b)
    {
        var byDate = Nullable.Compare(b.Entry.Updated, a.Entry.Updated);
        if (byDate != 0) return byDate;
        var byKey = string.CompareOrdinal(a.Entry.Key, b.Entry.Key);
        return byKey != 0 ? byKey : a.Position.CompareTo(b.Position);
    }
}
