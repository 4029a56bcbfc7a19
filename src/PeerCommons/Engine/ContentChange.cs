using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>One content file as it was and as it is after an edit (null when it did not or no longer exists).</summary>
internal sealed record ContentChange(Entry? Old, Entry? New)
{
    /// <summary>The old and the new version, whichever exist.</summary>
    public IEnumerable<Entry> Versions
    {
        get
        {
            if (Old is not null) yield return Old;
            if (New is not null) yield return New;
        }
    }

    /// <summary>
    /// True when the edit added or removed a key. Keys (and so kinds, which come from folders) are
    /// what whole-site lookups and "did you mean" suggestions depend on.
    /// </summary>
    public bool ChangesKeys => Old is null || New is null || Old.Key != New.Key;
}
