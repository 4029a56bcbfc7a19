using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// What each entry's pages read when they were last rendered (<see cref="PageReads"/> tokens), and
/// for each token the entries whose pages read it: after a change, the pages to render again are
/// those that read something that changed. Recorded by serve only (build and check render once).
/// </summary>
internal sealed class PageDependencies
{
    private readonly Dictionary<string, string[]> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _readers = new(StringComparer.Ordinal);

    public void Clear()
    {
        _reads.Clear();
        _readers.Clear();
    }

    /// <summary>Replaces what the pages of the entry with this key read.</summary>
    public void Record(string key, IEnumerable<string> tokens)
    {
        Forget(key);
        var read = tokens.ToArray();
        _reads[key] = read;
        foreach (var token in read)
        {
            if (!_readers.TryGetValue(token, out var readers)) _readers[token] = readers = new HashSet<string>(StringComparer.Ordinal);
            readers.Add(key);
        }
    }

    /// <summary>An entry whose pages are gone.</summary>
    public void Forget(string key)
    {
        if (!_reads.Remove(key, out var old)) return;
        foreach (var token in old)
            if (_readers.TryGetValue(token, out var readers) && readers.Remove(key) && readers.Count == 0) _readers.Remove(token);
    }

    /// <summary>The keys of the entries whose pages read any of these tokens.</summary>
    public IEnumerable<string> ReadersOf(IEnumerable<string> changed) =>
        changed.SelectMany(token => _readers.GetValueOrDefault(token) ?? []).Distinct(StringComparer.Ordinal);
}
