using Mono.Unix.Native;

namespace PeerCommons.Write;

/// <summary>
/// The output folder a build replaces. A file whose bytes are exactly what the new build would write
/// is hard-linked into the staging folder instead of being written again: a rebuild over an existing
/// site then writes only what changed (no new data blocks, nothing for the kernel to write back), and
/// deleting the previous output afterwards only removes names, not data. Unchanged files also keep
/// their modification time, so deploy tools that compare times skip them.
/// </summary>
/// <remarks>
/// Safe because nothing ever writes into an existing file: staged files are created new
/// (<see cref="FileMode.CreateNew"/>), so a link is only ever read, and a failed build deletes only its
/// staging folder's names. Only ordinary files are linked (never a symbolic link someone left in the
/// output), and only after their bytes were compared with the new ones, so an output edited by hand
/// or half-written by a killed build is never carried over.
/// </remarks>
public sealed class PreviousOutput
{
    private const int ChunkBytes = 64 * 1024;

    [ThreadStatic] private static byte[]? chunk;

    private readonly string _root;

    private PreviousOutput(string root) => _root = root;

    /// <summary>The output folder to link from, or null when there is none or links are not available.</summary>
    public static PreviousOutput? At(string outputDirectory)
    {
        // Hard links from the BCL need Unix; on Windows every file is written, as before.
        if (OperatingSystem.IsWindows()) return null;
        var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Directory.Exists(root) ? new PreviousOutput(root) : null;
    }

    /// <summary>
    /// Links the previous output's file at <paramref name="relativePath"/> to <paramref name="stagedPath"/>
    /// when it is an ordinary file holding exactly <paramref name="bytes"/>; false (and nothing made) otherwise.
    /// </summary>
    public bool TryLink(string relativePath, ReadOnlySpan<byte> bytes, string stagedPath)
    {
        var old = Path.Combine(_root, relativePath);
        if (Syscall.lstat(old, out var stat) != 0) return false; // not there: a new file
        if ((stat.st_mode & FilePermissions.S_IFMT) != FilePermissions.S_IFREG || stat.st_size != bytes.Length) return false;
        if (!HoldsExactly(old, bytes)) return false;
        // link() fails across file systems or where links are not supported: the caller then writes the file.
        return Syscall.link(old, stagedPath) == 0;
    }

    private static bool HoldsExactly(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var buffer = chunk ??= new byte[ChunkBytes];
            for (var offset = 0; ;)
            {
                // One byte more than is left: a file longer than the new bytes shows itself in the same read.
                var wanted = Math.Min(ChunkBytes, bytes.Length - offset + 1);
                var read = RandomAccess.Read(file, buffer.AsSpan(0, wanted), offset);
                if (offset + read > bytes.Length || !buffer.AsSpan(0, read).SequenceEqual(bytes.Slice(offset, read))) return false;
                offset += read;
                if (read < wanted) return offset == bytes.Length; // a short read is the end of an ordinary file
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: write the file instead
        }
    }
}
