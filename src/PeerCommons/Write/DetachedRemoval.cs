using System.ComponentModel;
using System.Diagnostics;

namespace PeerCommons.Write;

/// <summary>
/// Removes a folder in a child process that outlives the build (Linux and macOS): `rm -rf` in its own
/// session, at the lowest CPU and I/O priority, with its standard streams on /dev/null. Unlinking the
/// previous site (about 80,000 files and folders at 10,000 entries) then costs neither this build's
/// time nor the next one's: a build used to exit long before a background thread had finished, and
/// the next build deleted the rest inside its own run, competing for the cores.
/// </summary>
/// <remarks>
/// The child first renames the folder to <c>&lt;output&gt;.removing-&lt;its own pid&gt;</c> (a shell's <c>$$</c>
/// is the pid that <c>exec</c> hands on to <c>rm</c>), so a later build sees that folder's remover still
/// running and leaves it alone rather than starting a second one on the same tree; if the child is
/// killed, its id no longer runs and the next build removes the folder (<see cref="OutputSwap.DiscardAbandoned"/>).
/// The folder and the new name reach the shell as arguments, never as part of the script's text.
/// Its own session keeps a Ctrl+C meant for whatever runs next in the terminal from reaching it; streams
/// not tied to ours mean a caller reading the build's output to its end (`$(peercommons build)`, a
/// CI log) does not wait for the deletion.
/// </remarks>
internal static class DetachedRemoval
{
    // $1: the folder; $2: the prefix of its new name. Descriptors 3-9 are closed too, so no pipe the
    // build inherited stays open in the child. `nice`, `ionice` and `setsid` are used where they exist
    // (macOS has no `ionice` or `setsid`); `ionice -t` goes on where the I/O class cannot be set;
    // best effort at the lowest level rather than the idle class, which a busy disk can starve
    // indefinitely while it holds the parent folder's lock. `setsid -w` keeps the pid in the name
    // alive while rm runs, should setsid have to fork.
    private const string Script = """
        exec </dev/null >/dev/null 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
        to="$2$$"
        [ -d "$1" ] && [ ! -L "$1" ] && [ ! -e "$to" ] && mv -- "$1" "$to" || exit 1
        set -- rm -rf -- "$to"
        ! command -v ionice >/dev/null || set -- ionice -t -c 2 -n 7 "$@"
        ! command -v nice >/dev/null || set -- nice -n 19 "$@"
        ! command -v setsid >/dev/null || set -- setsid -w "$@"
        exec "$@"
        """;

    /// <summary>The running removal (it ends when the child exits), or null when no child could be started (Windows, no shell).</summary>
    public static Task? TryStart(string folder, string removingPrefix)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) return null;
        // All three streams redirected and our ends closed at once: the child never shares our terminal or our
        // caller's pipes (the script points them at /dev/null before it does anything).
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", Script, "sh", folder, removingPrefix }) start.ArgumentList.Add(argument);
        Process? child;
        try
        {
            child = Process.Start(start);
        }
        catch (Exception ex) when (ex is Win32Exception or IOException)
        {
            return null;
        }
        if (child is null) return null;
        child.StandardInput.Close();
        child.StandardOutput.Close();
        child.StandardError.Close();
        return child.WaitForExitAsync().ContinueWith(_ => child.Dispose(), TaskScheduler.Default);
    }
}
