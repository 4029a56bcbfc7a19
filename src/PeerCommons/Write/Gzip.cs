using System.IO.Compression;

namespace PeerCommons.Write;

/// <summary>How many bytes a file takes on the wire, gzipped at the level hosts commonly use.</summary>
public static class Gzip
{
    public static long Length(ReadOnlySpan<byte> bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.Length;
    }
}
