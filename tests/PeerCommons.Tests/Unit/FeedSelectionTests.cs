using PeerCommons.Model;
using PeerCommons.Render.Feeds;
using Xunit;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// feed.xml shows the newest entries; they are picked without sorting every entry, and must be the
/// very ones (same objects, same order) a full sort would show, ties included.
/// </summary>
public class FeedSelectionTests
{
    private static Entry Make(string key, DateOnly? updated) => new()
    {
        Kind = EntryKind.Project,
        Id = key,
        Key = key,
        File = new ContentFile(key + ".md", key + ".md", FrontMatterPositions.Empty(1), "", 1),
        ContentPath = key + ".md",
        Updated = updated,
    };

    private static List<Entry> FullSort(IEnumerable<Entry> candidates, int count) =>
        candidates.Where(e => e.Updated is not null)
            .OrderByDescending(e => e.Updated).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(count).ToList();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(20, 0)]
    [InlineData(20, 5)]
    [InlineData(20, 20)]
    [InlineData(20, 21)]
    [InlineData(20, 500)]
    [InlineData(3, 500)]
    public void Picks_the_same_entries_in_the_same_order_as_sorting_them_all(int count, int candidates)
    {
        var random = new Random(candidates * 31 + count);
        // Few dates and few keys, so that many entries tie on the date and some on the key too
        // (a duplicate key is reported, but the feed must still come out the same).
        var entries = Enumerable.Range(0, candidates)
            .Select(i => Make($"projects/p-{random.Next(candidates / 2 + 1)}",
                random.Next(6) == 0 ? null : new DateOnly(2025, 1, 1 + random.Next(4))))
            .ToList();

        var picked = AtomFeed.Select(entries, count);

        var expected = FullSort(entries, count);
        Assert.Equal(expected.Count, picked.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Same(expected[i], picked[i]);
    }

    [Fact]
    public void Newest_first_then_by_key()
    {
        var old = Make("values/a", new DateOnly(2024, 5, 1));
        var newB = Make("values/b", new DateOnly(2025, 5, 1));
        var newA = Make("projects/z", new DateOnly(2025, 5, 1));
        var undated = Make("values/c", null);

        var picked = AtomFeed.Select([old, newB, undated, newA], 2);

        Assert.Equal(["projects/z", "values/b"], picked.Select(e => e.Key));
    }

    [Fact]
    public void Shows_nothing_when_asked_for_no_entries() =>
        Assert.Empty(AtomFeed.Select([Make("values/a", new DateOnly(2025, 1, 1))], 0));
}
