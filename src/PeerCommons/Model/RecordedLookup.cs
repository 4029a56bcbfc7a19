using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PeerCommons.Model;

/// <summary>
/// A read-only dictionary by key whose lookups are reported to <see cref="PageReads"/> (each key
/// looked up, found or not, as <paramref name="prefix"/> + key; listing the keys as
/// <see cref="PageReads.AllKeys"/>), so a page that looked an entry up is known to depend on it.
/// </summary>
public sealed class RecordedLookup<TValue>(IReadOnlyDictionary<string, TValue> inner, string prefix) : IReadOnlyDictionary<string, TValue>
{
    /// <summary>The dictionary itself, for lookups that are not a page's (they are not recorded).</summary>
    public IReadOnlyDictionary<string, TValue> Unrecorded => inner;

    public TValue this[string key]
    {
        get
        {
            PageReads.Note(prefix, key);
            return inner[key];
        }
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        PageReads.Note(prefix, key);
        return inner.TryGetValue(key, out value);
    }

    public bool ContainsKey(string key)
    {
        PageReads.Note(prefix, key);
        return inner.ContainsKey(key);
    }

    public IEnumerable<string> Keys
    {
        get
        {
            PageReads.Note(PageReads.AllKeys);
            return inner.Keys;
        }
    }

    public IEnumerable<TValue> Values
    {
        get
        {
            PageReads.Note(PageReads.AllKeys);
            return inner.Values;
        }
    }

    public int Count => inner.Count;

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        PageReads.Note(PageReads.AllKeys);
        return inner.GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
