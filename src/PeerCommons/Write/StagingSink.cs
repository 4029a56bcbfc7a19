using System.Collections.Concurrent;

namespace PeerCommons.Write;

/// <summary>
/// Writes into a fresh staging folder beside the output; <see cref="OutputSwap"/> moves it into
/// place only when the whole build succeeded, so a failed build never touches the old site.
/// </summary>
public sealed class StagingSink : IOutputSink
{
    private readonly ConcurrentDictionary<string, long> _sizes = new(StringComparer.Ordinal);

    public StagingSink(string stagingDirectory)
    {
        Root = Path.GetFullPath(stagingDirectory);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        // Paths come from validated ids, but never trust that: nothing may land outside the site.
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{path}' outside the output folder");
        if (!_sizes.TryAdd(path, bytes.Length)) throw new InvalidOperationException($"two outputs want the same path '{path}'");
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        stream.Write(bytes);
    }

    public IReadOnlyDictionary<string, long> Sizes => _sizes;
}
