using System.Buffers;
using System.Text;

namespace PeerCommons.Render;

/// <summary>
/// Where a page is rendered: straight to UTF-8 bytes, reused page after page by one thread. No string
/// of the whole page is made, which matters because pages above 42,500 characters would each be a
/// large-object allocation, and those bring full garbage collections closer.
/// </summary>
/// <remarks>
/// Fluid writes with <c>WriteAsync</c>. A <see cref="StreamWriter"/> runs an async state machine and
/// copies into its own char buffer for each of those calls (about 1.3% of a 10,000-entry build's CPU);
/// this writer encodes each piece into the byte buffer at once and returns a completed task. Its
/// encoder keeps a surrogate pair split between two writes whole, as a StreamWriter's does.
/// </remarks>
internal sealed class Utf8PageWriter : TextWriter
{
    [ThreadStatic] private static Utf8PageWriter? _forThisThread;

    private readonly ArrayBufferWriter<byte> _bytes = new(64 * 1024);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Encoder _encoder = Utf8.GetEncoder();

    private Utf8PageWriter() { }

    /// <summary>This thread's writer, empty.</summary>
    public static Utf8PageWriter ForThisThread()
    {
        var writer = _forThisThread ??= new Utf8PageWriter();
        writer._bytes.ResetWrittenCount();
        writer._encoder.Reset();
        return writer;
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>The bytes written so far (valid until the next write or <see cref="ForThisThread"/>).</summary>
    public ReadOnlySpan<byte> Written
    {
        get
        {
            Encode([], flush: true);
            return _bytes.WrittenSpan;
        }
    }

    private void Encode(ReadOnlySpan<char> text, bool flush = false)
    {
        // Room for the most bytes the text can take (with a character held from the last write), so the
        // text is read once: counting its bytes first was a second pass over every piece, about a fifth
        // of the writer's time. The buffer is this thread's for every page, so its growth is made once.
        var span = _bytes.GetSpan(Utf8.GetMaxByteCount(text.Length));
        _bytes.Advance(_encoder.GetBytes(text, span, flush));
    }

    public override void Write(char value) => Encode(new ReadOnlySpan<char>(in value));
    public override void Write(string? value) => Encode(value);
    public override void Write(char[] buffer, int index, int count) => Encode(buffer.AsSpan(index, count));
    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;
}
