using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PeerCommons.Index;

/// <summary>
/// Writes one small script at a time, <c>prefix + JSON + ";\n"</c>, into a buffer kept from one script to the
/// next: the store writes about 25,000 of them at 10,000 entries, and a fresh serializer call, buffer and
/// array for each cost more than the few hundred bytes they hold. One writer per thread.
/// </summary>
internal sealed class ScriptWriter : IDisposable
{
    /// <summary>Characters outside ASCII stay as they are (the files are UTF-8); what JavaScript or HTML
    /// treats specially is still escaped.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    public ScriptWriter() => _json = new Utf8JsonWriter(_buffer, Options);

    /// <summary>Starts a script with <paramref name="prefix"/> (ASCII) and, when given, a number and <c>]=</c>
    /// after it; write the value with the writer returned, then call <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin(ReadOnlySpan<byte> prefix, int? key = null)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write(prefix);
        if (key is { } number)
        {
            number.TryFormat(_buffer.GetSpan(11), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            _buffer.Advance(written);
            _buffer.Write("]="u8);
        }
        _json.Reset(_buffer);
        return _json;
    }

    /// <summary>Starts a bare JSON value (no prefix, no <c>;</c>), for a piece that a script takes in later
    /// as it is (<see cref="SearchDocument.Row"/>); end it with <see cref="EndValue"/>.</summary>
    public Utf8JsonWriter BeginValue()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        return _json;
    }

    /// <summary>The value written since <see cref="BeginValue"/>; valid until the next Begin.</summary>
    public ReadOnlySpan<byte> EndValue()
    {
        _json.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>The whole script; valid until the next <see cref="Begin"/>.</summary>
    public ReadOnlySpan<byte> End()
    {
        _json.Flush();
        _buffer.Write(";\n"u8);
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _json.Dispose();
}
