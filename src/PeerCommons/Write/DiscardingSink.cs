using System.Collections.Concurrent;

namespace PeerCommons.Write;

/// <summary>Used by check: everything is rendered (so every link is checked) and nothing written.</summary>
public sealed class DiscardingSink : IOutputSink
{
    private readonly ConcurrentDictionary<string, long> _sizes = new(StringComparer.Ordinal);

    public void Write(string path, ReadOnlySpan<byte> bytes)
    {
        if (!_sizes.TryAdd(path, bytes.Length)) throw new InvalidOperationException($"two outputs want the same path '{path}'");
    }

    public IReadOnlyDictionary<string, long> Sizes => _sizes;
}
