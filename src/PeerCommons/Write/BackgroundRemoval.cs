namespace PeerCommons.Write;

/// <summary>
/// Deletes folders that are no longer needed (the previous site once a new one is in place, folders
/// left by killed builds) so that no build waits for tens of thousands of files to be unlinked. On
/// Linux and macOS a detached, low-priority child process does it (<see cref="DetachedRemoval"/>): it
/// outlives the build, so neither this build nor the next pays for the deletion. On Windows, or when
/// no child can be started, a background thread of this process does it; whatever it has not removed
/// when the process exits is found and removed by the next build (<see cref="OutputSwap.DiscardAbandoned"/>),
/// as is a folder whose child was killed.
/// </summary>
public static class BackgroundRemoval
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Task> Pending = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts removing <paramref name="folder"/> unless it is already being removed. Only a real
    /// folder (not a symbolic link) named as one of ours beside <paramref name="output"/>
    /// (<see cref="SideFolders"/>) is ever removed; anything else is left alone.
    /// </summary>
    public static void Start(string output, string folder)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        // Checked again here, right before removing: callers name folders they found or made, and this is the last word.
        if (SideFolders.Identify(output, full) is null || new DirectoryInfo(full) is not { Exists: true, LinkTarget: null }) return;
        lock (Gate)
        {
            if (Pending.ContainsKey(full)) return;
            // A child that ended with the folder still under its name never took it over (no `mv`, a name
            // taken, killed at once): then this process removes it, as when no child can start.
            var removal = DetachedRemoval.TryStart(full, SideFolders.RemovingPrefixFor(output)) is { } detached
                ? detached.ContinueWith(_ => RemoveHere(full), TaskScheduler.Default)
                : Task.Factory.StartNew(() => RemoveHere(full), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Pending[full] = removal;
            removal.ContinueWith(_ => { lock (Gate) Pending.Remove(full); }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Waits until every removal started so far has ended (a detached child included); for callers
    /// that must see the folders gone (a long-running host before it exits, tests).
    /// </summary>
    public static void WaitForAll()
    {
        Task[] started;
        lock (Gate) started = Pending.Values.ToArray();
        Task.WaitAll(started);
    }

    private static void RemoveHere(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next build's DiscardAbandoned to try again (a file held open, another build deleting it too).
        }
    }
}
