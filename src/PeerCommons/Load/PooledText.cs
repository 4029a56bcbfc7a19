using System.Buffers;

namespace PeerCommons.Load;

/// <summary>A file's text in a buffer rented from the shared pool; disposing returns the buffer.</summary>
public sealed class PooledText(char[] buffer, int start, int length) : IDisposable
{
    private char[]? _buffer = buffer;

    public ReadOnlySpan<char> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PooledText))).AsSpan(start, length);

    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = null;
    }
}
