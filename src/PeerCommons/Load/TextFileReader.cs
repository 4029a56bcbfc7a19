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

        // The bytes are decoded and dropped: a pooled buffer instead of an array per file (about 0.1 GB
        // of garbage at 10,000 entries, 25,000 files).
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        string text;
        try
        {
            var bytes = buffer.AsSpan(0, ReadAll(handle, buffer.AsSpan(0, (int)length)));
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                var (line, column) = LineAndColumnOfByte(bytes, Math.Max(0, ex.Index));
                diagnostics.Error(displayPath, line, column, Codes.NotUtf8,
                    "file is not valid UTF-8; save it as UTF-8 in your editor (\"Save with encoding\" -> UTF-8)");
                return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(displayPath, 1, 1, Codes.EmptyFile,
                "file is empty; add front matter between '---' lines (at least title and summary) or delete the file");
            return null;
        }
        // Old Mac files end lines with a lone CR: read it as a line end too, so line numbers stay true.
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
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
