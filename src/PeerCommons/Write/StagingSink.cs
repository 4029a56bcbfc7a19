using System.Collections.Concurrent;

namespace PeerCommons.Write;

/// <summary>
/// Writes into a fresh staging folder beside the output; <see cref="OutputSwap"/> moves it into
/// place only when the whole build succeeded, so a failed build never touches the old site. Files
/// whose bytes the previous output already holds are linked from it (<see cref="PreviousOutput"/>).
/// </summary>
public sealed class StagingSink : IOutputSink
{
    private readonly ConcurrentDictionary<string, long> _sizes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    private readonly PreviousOutput? _previous;

    public StagingSink(string stagingDirectory, PreviousOutput? previous = null)
    {
        _previous = previous;
        Root = Path.GetFullPath(stagingDirectory);
        _inside = Root + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>How every path inside <see cref="Root"/> begins.</summary>
    private readonly string _inside;

    public void Write(string path, ReadOnlySpan<byte> bytes) => WriteOrCarryOver(path, bytes);

    public bool WriteOrCarryOver(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        // Paths come from validated ids, but never trust that: nothing may land outside the site.
        if (!full.StartsWith(_inside, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{path}' outside the output folder");
        if (!_sizes.TryAdd(path, bytes.Length)) throw new InvalidOperationException($"two outputs want the same path '{path}'");
        var folder = Path.GetDirectoryName(full)!;
        // Many files share a folder (the search index's parts, a curriculum's trainer pages): made once.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }
        if (_previous is not null && _previous.TryLink(path, bytes, full)) return true;
        // A handle and one positioned write: a FileStream (its strategy objects, its position) buys nothing
        // for a file written whole at once, 26,000 times a build.
        using var file = File.OpenHandle(full, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(file, bytes, 0);
        return false;
    }

    public IReadOnlyDictionary<string, long> Sizes => _sizes;
}
