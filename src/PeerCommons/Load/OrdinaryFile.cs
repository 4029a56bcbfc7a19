using Mono.Unix.Native;

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
        if (OperatingSystem.IsWindows())
            return new FileInfo(fullPath).LinkTarget is { } windowsTarget ? LinkProblem(windowsTarget) : null;
        // One lstat tells a link, a pipe or a device from an ordinary file (the BCL cannot tell a pipe or a device
        // from an empty file); asking the BCL first cost a failing readlink and two more lstats per file read.
        if (Syscall.lstat(fullPath, out var stat) != 0) return null; // nothing there: the caller reports it
        return (stat.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => null,
            FilePermissions.S_IFLNK => LinkProblem(new FileInfo(fullPath).LinkTarget ?? "?"),
            FilePermissions.S_IFDIR => null, // as before: callers that expect a file report a folder themselves
            FilePermissions.S_IFIFO => "is a named pipe, not an ordinary file; reading it would wait for ever: delete it and put a text file in its place",
            FilePermissions.S_IFCHR or FilePermissions.S_IFBLK => "is a device, not an ordinary file; delete it and put a text file in its place",
            FilePermissions.S_IFSOCK => "is a socket, not an ordinary file; delete it",
            _ => "is not an ordinary file; delete it and put a text file in its place",
        };
    }

    private static string LinkProblem(string target) =>
        $"is a symbolic link (to '{target}'); PeerCommons reads only ordinary files inside content/, never through a link: replace the link with the file itself";

    /// <summary>True when there is something at the path (a file, or a link even if it leads nowhere).</summary>
    public static bool Exists(string fullPath) => File.Exists(fullPath) || new FileInfo(fullPath).LinkTarget is not null;
}
