using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PeerCommons.Search;

/// <summary>A minimal buffered UTF-8 writer producing JSON exactly as JavaScript's <c>JSON.stringify</c>
/// does (string escaping and number formatting).</summary>
internal sealed class JsonOut : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _pos;

    public JsonOut(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int n)
    {
        if (_buffer.Length - _pos < n) Grow(n);
        return _buffer.AsSpan(_pos);
    }

    private void Grow(int n)
    {
        FlushBuffer();
        if (_buffer.Length < n)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(n);
        }
    }

    private void FlushBuffer()
    {
        if (_pos > 0) _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }

    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte b)
    {
        if (_pos == _buffer.Length) FlushBuffer();
        _buffer[_pos++] = b;
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _pos += bytes.Length;
    }

    public void Int(int value)
    {
        value.TryFormat(Reserve(11), out int n, default, CultureInfo.InvariantCulture);
        _pos += n;
    }

    /// <summary>A lunr score: a multiple of 0.001 nearly always, formatted as JS would.</summary>
    public void Score(double value)
    {
        var dest = Reserve(40);
        double scaled = Math.Round(value * 1000);
        if (value > 0 && scaled < 1e15 && scaled / 1000 == value)
        {
            // value is the double nearest to k/1000; its shortest round-trip decimal is k/1000 itself
            long k = (long)scaled;
            long intPart = k / 1000;
            int frac = (int)(k % 1000);
            intPart.TryFormat(dest, out int n, default, CultureInfo.InvariantCulture);
            if (frac != 0)
            {
                dest[n++] = (byte)'.';
                dest[n++] = (byte)('0' + frac / 100);
                int rest = frac % 100;
                if (rest != 0)
                {
                    dest[n++] = (byte)('0' + rest / 10);
                    if (rest % 10 != 0) dest[n++] = (byte)('0' + rest % 10);
                }
            }
            _pos += n;
            return;
        }
        _pos += JsMath.FormatNumber(value, dest);
    }

    public void String(string s)
    {
        Byte((byte)'"');
        StringBody(s);
        Byte((byte)'"');
    }

    /// <summary>The escaped content of a JSON string, without quotes.</summary>
    public void StringBody(string s)
    {
        if (!NeedsEscaping(s))
        {
            var dest = Reserve(Encoding.UTF8.GetMaxByteCount(s.Length));
            _pos += Encoding.UTF8.GetBytes(s, dest);
            return;
        }
        Raw(EncodeStringBody(s));
    }

    private static bool NeedsEscaping(string s)
    {
        foreach (char c in s)
        {
            if (c < 0x20 || c == '"' || c == '\\' || char.IsSurrogate(c)) return true;
        }
        return false;
    }

    /// <summary>JSON.stringify's QuoteJSONString body, UTF-8 encoded.</summary>
    public static byte[] EncodeStringBody(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary><c>"key":</c> as UTF-8 bytes.</summary>
    public static byte[] EncodeKey(string key)
    {
        var body = EncodeStringBody(key);
        var result = new byte[body.Length + 3];
        result[0] = (byte)'"';
        body.CopyTo(result, 1);
        result[^2] = (byte)'"';
        result[^1] = (byte)':';
        return result;
    }

    public void Dispose()
    {
        FlushBuffer();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
