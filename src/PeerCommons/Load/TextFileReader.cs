using System.Buffers;
using System.Text;
using PeerCommons.Diagnostics;

namespace PeerCommons.Load;

/// <summary>Reads a file as strict UTF-8 with a size limit, reporting problems instead of throwing.</summary>
public static class TextFileReader
{
    /// <summary>Entries are prose; anything larger than this is a mistake (a pasted dump, a binary).</summary>
    public const long MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        using var text = ReadPooled(fullPath, displayPath, diagnostics);
        return text?.Span.ToString();
    }

    /// <summary>
    /// The text in a pooled buffer, returned to the pool when disposed. The loader keeps only the parts
    /// of an entry file it splits off (front matter, body): a string of the whole file besides was
    /// 0.2 GB of garbage at 10,000 entries (25,000 files).
    /// </summary>
    public static PooledText? ReadPooled(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        if (OrdinaryFile.Problem(fullPath) is { } notOrdinary)
        {
            diagnostics.Error(displayPath, 1, 1, Codes.NotOrdinaryFile, $"'{Path.GetFileName(fullPath)}' {notOrdinary}");
            return null;
        }
        using var handle = File.OpenHandle(fullPath);
        var length = RandomAccess.GetLength(handle);
        if (length > MaxBytes)
        {
            diagnostics.Error(displayPath, 1, 1, Codes.FileTooLarge,
                $"file is {length / 1024.0 / 1024.0:0.0} MB, more than the {MaxBytes / 1024 / 1024} MB limit for one entry; split it into several entries or modules");
            return null;
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        // UTF-8 never takes fewer bytes than UTF-16 characters, so the text fits in as many characters.
        var chars = ArrayPool<char>.Shared.Rent((int)length);
        int count;
        try
        {
            var read = bytes.AsSpan(0, ReadAll(handle, bytes.AsSpan(0, (int)length)));
            try
            {
                count = StrictUtf8.GetChars(read, chars);
            }
            catch (DecoderFallbackException ex)
            {
                ArrayPool<char>.Shared.Return(chars);
                var (line, column) = LineAndColumnOfByte(read, Math.Max(0, ex.Index));
                diagnostics.Error(displayPath, line, column, Codes.NotUtf8,
                    "file is not valid UTF-8; save it as UTF-8 in your editor (\"Save with encoding\" -> UTF-8)");
                return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        var start = count > 0 && chars[0] == '\uFEFF' ? 1 : 0;
        if (chars.AsSpan(start, count - start).IsWhiteSpace())
        {
            ArrayPool<char>.Shared.Return(chars);
            diagnostics.Error(displayPath, 1, 1, Codes.EmptyFile,
                "file is empty; add front matter between '---' lines (at least title and summary) or delete the file");
            return null;
        }
        return new PooledText(chars, start, EndLinesWithLineFeeds(chars.AsSpan(start, count - start)));
    }

    /// <summary>
    /// Windows files end lines with CR LF, old Mac files with a lone CR: both become LF, in place, so
    /// line numbers stay true. Returns the new length.
    /// </summary>
    private static int EndLinesWithLineFeeds(Span<char> text)
    {
        var first = text.IndexOf('\r');
        if (first < 0) return text.Length;
        var written = first;
        for (var i = first; i < text.Length; i++)
        {
            if (text[i] != '\r') text[written++] = text[i];
            else if (i + 1 >= text.Length || text[i + 1] != '\n') text[written++] = '\n';
        }
        return written;
    }

    /// <summary>Reads until the span is full or the file ends (a file that shrank meanwhile is read as it is now).</summary>
    private static int ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> into)
    {
        var total = 0;
        while (total < into.Length && RandomAccess.Read(handle, into[total..], total) is var read and > 0) total += read;
        return total;
    }

    private static (int Line, int Column) LineAndColumnOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < index && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))) { line++; lineStart = i + 1; }
        // The bytes before the first invalid one are valid UTF-8: count characters, as editors do.
        return (line, Encoding.UTF8.GetCharCount(bytes[lineStart..Math.Min(index, bytes.Length)]) + 1);
    }
}
