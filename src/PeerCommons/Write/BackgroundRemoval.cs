using System.Collections.Concurrent;

namespace PeerCommons.Write;

/// <summary>
/// Deletes folders that are no longer needed (the previous site once a new one is in place, folders
/// left by killed builds) on a background thread, so that nobody waits for tens of thousands of
/// files to be unlinked. A background thread does not keep the process alive: whatever it has not
/// removed when the process exits is found and removed by the next build
/// (<see cref="OutputSwap.DiscardAbandoned"/>).
/// </summary>
public static class BackgroundRemoval
{
    private static readonly ConcurrentDictionary<string, Task> Pending = new(StringComparer.Ordinal);

    /// <summary>Starts deleting <paramref name="folder"/> unless it is already being deleted.</summary>
    public static void Start(string folder) =>
        Pending.GetOrAdd(folder, path => Task.Factory.StartNew(() => Remove(path), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <summary>
    /// Waits until every removal started so far has ended; for callers that must see the folder
    /// gone (a long-running host before it exits, tests).
    /// </summary>
    public static void WaitForAll()
    {
        foreach (var task in Pending.Values) task.Wait();
    }

    private static void Remove(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next build's DiscardAbandoned to try again (a file held open, another build deleting it too).
        }
        finally
        {
            Pending.TryRemove(folder, out _);
        }
    }
}
