using System.Collections.Concurrent;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>An output sink that keeps every file in memory (serve renders here, never to disk). Thread-safe; a later write of a path replaces it.</summary>
public sealed class MemorySink : IOutputSink
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public void Write(string path, ReadOnlySpan<byte> bytes) => _files[path] = bytes.ToArray();

    public IReadOnlyDictionary<string, long> Sizes => _files.ToDictionary(p => p.Key, p => (long)p.Value.Length, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;
}
