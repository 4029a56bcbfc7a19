using System.IO.Compression;

namespace PeerCommons.Write;

/// <summary>How many bytes a file takes on the wire, gzipped at the level hosts commonly use.</summary>
public static class Gzip
{
    public static long Length(ReadOnlySpan<byte> bytes)
    {
        // Only the length is wanted: counting the compressed bytes instead of keeping them spares a
        // growing buffer per page (a tenth of the render stage's time on a 10,000-entry site).
        var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return counter.Length;
    }

    /// <summary>
    /// The gzipped median and largest of many files, measured on a sample spread from the smallest to the
    /// largest by raw size (which holds the median and the largest): gzipping every search part took over a
    /// third of the search stage's time (8 of 22 s at 1,000 entries). With <paramref name="sampleSize"/> files
    /// or fewer it is all of them.
    /// </summary>
    /// <param name="bySize">The i-th smallest file by raw length, made or read only when sampled.</param>
    public static (long Median, long Largest) SampledMedianAndLargest(int count, Func<int, byte[]> bySize, int sampleSize = 33)
    {
        if (count == 0) return (0, 0);
        var sample = Enumerable.Range(0, Math.Min(sampleSize, count))
            .Select(i => count <= sampleSize ? i : (int)((long)i * (count - 1) / (sampleSize - 1)))
            .Append(count / 2).Distinct()
            .Select(i => Length(bySize(i))).Order().ToArray();
        return (sample[sample.Length / 2], sample[^1]);
    }

    /// <summary>A write-only stream that keeps nothing but the number of bytes written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
