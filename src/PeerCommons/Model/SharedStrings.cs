using System.Collections.Concurrent;

namespace PeerCommons.Model;

/// <summary>
/// One string for each short text that thousands of entries repeat (front-matter field names, cited
/// source keys and locators), instead of one per occurrence: fewer objects alive for the whole build,
/// which every collection has to copy or mark. Looked up by span, so a text already here allocates
/// nothing. Bounded, because contributor content is untrusted and may hold any number of distinct
/// texts: past the limit a text simply gets its own string, as before.
/// </summary>
public static class SharedStrings
{
    private const int Limit = 32_768;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    // Counted here, not with Pool.Count, which takes every lock of the dictionary: once the pool is
    // full, each text not in it would ask again.
    private static int _count;

    public static string Get(ReadOnlySpan<char> text)
    {
        if (BySpan.TryGetValue(text, out var shared)) return shared;
        return Add(text.ToString());
    }

    public static string Get(string text) => Pool.TryGetValue(text, out var shared) ? shared : Add(text);

    private static string Add(string text)
    {
        if (Volatile.Read(ref _count) >= Limit) return text;
        if (Pool.TryAdd(text, text))
        {
            Interlocked.Increment(ref _count);
            return text;
        }
        return Pool.TryGetValue(text, out var shared) ? shared : text;
    }
}
