using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// What each piece of output (a reader: an entry's pages, an index page, a redirect page, a list
/// item, an annotation's anchor check) read when it was last made, as <see cref="PageReads"/>
/// tokens with the fingerprint of the value each had then (<see cref="ReadPrints"/>), and for each
/// token its readers. After a change, the readers to make again are those that read a token whose
/// value is another now. Recorded by serve only (build and check make everything once).
/// </summary>
internal sealed class PageDependencies
{
    private readonly Dictionary<string, string[]> _reads = new(StringComparer.Ordinal);
    /// <summary>Per token, its readers with the fingerprint of what each read.</summary>
    private readonly Dictionary<string, Dictionary<string, ulong>> _readers = new(StringComparer.Ordinal);
    /// <summary>The tokens of each group of reads that has any (<see cref="ReadKinds.GroupOf"/>: a list's pages).</summary>
    private readonly Dictionary<string, HashSet<string>> _groups = new(StringComparer.Ordinal);

    public void Clear()
    {
        _reads.Clear();
        _readers.Clear();
        _groups.Clear();
    }

    /// <summary>What this reader read when it was last made (nothing when unknown).</summary>
    public IReadOnlyList<string> ReadsOf(string reader) => _reads.GetValueOrDefault(reader) ?? [];

    /// <summary>Replaces what this reader read, with the values it read (those of <paramref name="prints"/>'s site).</summary>
    public void Record(string reader, IEnumerable<string> tokens, ReadPrints prints)
    {
        var read = tokens.ToArray();
        if (_reads.Remove(reader, out var old))
        {
            // What it read before and reads again keeps its place (its value is set below); only what it no longer reads goes.
            var now = tokens as IReadOnlySet<string> ?? read.ToHashSet(StringComparer.Ordinal);
            foreach (var token in old)
                if (!now.Contains(token)) Unread(token, reader);
        }
        _reads[reader] = read;
        foreach (var token in read)
        {
            if (!_readers.TryGetValue(token, out var readers))
            {
                _readers[token] = readers = new Dictionary<string, ulong>(StringComparer.Ordinal);
                if (ReadKinds.GroupOf(token) is { } group)
                {
                    if (!_groups.TryGetValue(group, out var members)) _groups[group] = members = new HashSet<string>(StringComparer.Ordinal);
                    members.Add(token);
                }
            }
            readers[reader] = prints.Of(token);
        }
    }

    /// <summary>Makes a reader's output with <paramref name="make"/>, recording what it reads on <paramref name="prints"/>'s site.</summary>
    public void Make(string reader, ReadPrints prints, Action make)
    {
        var reads = new PageReads();
        using (PageReads.Into(reads)) make();
        Record(reader, reads.Tokens, prints);
    }

    /// <summary>A reader that is gone (or will be made again).</summary>
    public void Forget(string reader)
    {
        if (!_reads.Remove(reader, out var old)) return;
        foreach (var token in old) Unread(token, reader);
    }

    private void Unread(string token, string reader)
    {
        if (!_readers.TryGetValue(token, out var readers) || !readers.Remove(reader) || readers.Count > 0) return;
        _readers.Remove(token);
        if (ReadKinds.GroupOf(token) is { } group && _groups.TryGetValue(group, out var members) && members.Remove(token) && members.Count == 0) _groups.Remove(group);
    }

    /// <summary>
    /// The readers that read something whose value is another on <paramref name="now"/>'s site. Only
    /// the reads these edits can have changed (<see cref="ReadKinds.TouchedBy"/>) are worked out again.
    /// </summary>
    public HashSet<string> Changed(ReadPrints now, TouchedReads touched)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        // Looked up, not searched for: a site of 10,000 entries has some 100,000 reads, an edit touches a few.
        foreach (var (touchedRead, isGroup) in ReadKinds.TouchedBy(touched))
            if (!isGroup) Compare(touchedRead);
            else if (_groups.TryGetValue(touchedRead, out var members)) foreach (var token in members) Compare(token);
        return changed;

        void Compare(string token)
        {
            if (!_readers.TryGetValue(token, out var readers)) return;
            var print = now.Of(token);
            foreach (var (reader, read) in readers)
                if (read != print) changed.Add(reader);
        }
    }
}
