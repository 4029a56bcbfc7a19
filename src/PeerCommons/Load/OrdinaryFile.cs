using Mono.Unix;

namespace PeerCommons.Load;

/// <summary>
/// Decides whether a path may be opened at all, before anything reads it. Git keeps symbolic
/// links, so a pull request can point site.yaml at a file outside content/ or at /dev/zero; a pipe
/// would hang the build. Only ordinary files are read, never through a link.
/// </summary>
public static class OrdinaryFile
{
    /// <summary>Null when the path is an ordinary file (not a link), or what it is instead, in plain words.</summary>
    public static string? Problem(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is { } target)
            return $"is a symbolic link (to '{target}'); PeerCommons reads only ordinary files inside content/, never through a link: replace the link with the file itself";
        // The BCL cannot tell a pipe or a device from an empty file; lstat can (Windows has neither in a clone).
        if (OperatingSystem.IsWindows() || !info.Exists) return null;
        var kind = UnixFileSystemInfo.GetFileSystemEntry(fullPath).FileType;
        return kind switch
        {
            FileTypes.RegularFile => null,
            FileTypes.Directory => "is a folder where a file was expected; rename or remove the folder",
            FileTypes.Fifo => "is a named pipe, not an ordinary file; reading it would wait for ever: delete it and put a text file in its place",
            FileTypes.CharacterDevice or FileTypes.BlockDevice => "is a device, not an ordinary file; delete it and put a text file in its place",
            FileTypes.Socket => "is a socket, not an ordinary file; delete it",
            _ => "is not an ordinary file; delete it and put a text file in its place",
        };
    }

    /// <summary>True when there is something at the path (a file, or a link even if it leads nowhere).</summary>
    public static bool Exists(string fullPath) => File.Exists(fullPath) || new FileInfo(fullPath).LinkTarget is not null;
}
