using System.Text;

namespace PeerCommons.Render;

/// <summary>
/// Where a page is rendered: straight to UTF-8 bytes, reused page after page by one thread. No string
/// of the whole page is made, which matters because pages above 42,500 characters would each be a
/// large-object allocation, and those bring full garbage collections closer.
/// </summary>
internal sealed class Utf8PageWriter
{
    [ThreadStatic] private static Utf8PageWriter? _forThisThread;

    private readonly MemoryStream _bytes = new(64 * 1024);

    private Utf8PageWriter() => Text = new StreamWriter(_bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true);

    /// <summary>This thread's writer, empty.</summary>
    public static Utf8PageWriter ForThisThread()
    {
        var writer = _forThisThread ??= new Utf8PageWriter();
        writer.Clear();
        return writer;
    }

    public TextWriter Text { get; }

    /// <summary>The bytes written so far (valid until the next write or <see cref="Clear"/>).</summary>
    public ReadOnlySpan<byte> Written
    {
        get
        {
            Text.Flush();
            return _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
        }
    }

    private void Clear()
    {
        Text.Flush();
        _bytes.SetLength(0);
    }
}
