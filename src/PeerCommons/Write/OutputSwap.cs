namespace PeerCommons.Write;

/// <summary>
/// Puts a finished staging folder in place of the output folder with renames, keeping the old
/// output until the new one is in place; the old one is then renamed aside and deleted in the
/// background (<see cref="BackgroundRemoval"/>), off the build's critical path. Refuses to replace a
/// folder that does not look like a built site, so a mistaken --output cannot delete someone's files.
/// </summary>
public static class OutputSwap
{
    public static string StagingPathFor(string output) => SideFolders.StagingFor(output);

    /// <summary>Null when the output folder may be replaced, or the reason it may not.</summary>
    public static string? CheckReplaceable(string output, params string[] protectedFolders)
    {
        var full = SideFolders.Target(output);
        if (Path.GetPathRoot(full) == full + Path.DirectorySeparatorChar || full.Length == 0)
            return "the output folder cannot be the root of a drive";
        foreach (var folder in protectedFolders)
        {
            var guarded = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
            if (guarded == full || guarded.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return $"the output folder would replace {folder}; choose another --output";
            // Inside content/ the site would be read back as content (and replaced on every build).
            if (full.StartsWith(guarded + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return $"the output folder {output} is inside {folder}; choose an --output outside it, such as _site beside it";
        }
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()
            && !File.Exists(Path.Combine(full, "index.html")) && !File.Exists(Path.Combine(full, "sitemap.xml")))
            return $"{output} exists and does not look like a site built by PeerCommons (no index.html); empty it or choose another --output";
        return null;
    }

    private static int asideCount;

    /// <summary>
    /// Where the previous output waits to be removed: named by this process (so a later build knows
    /// whether its owner still runs) and numbered, because a long-running process swaps again while an
    /// earlier previous output may still be being removed.
    /// </summary>
    private static string AsidePathFor(string output) => SideFolders.AsideFor(output, Interlocked.Increment(ref asideCount));

    public static void Swap(string staging, string output)
    {
        var target = SideFolders.Target(output);
        if (Directory.Exists(target))
        {
            var old = AsidePathFor(target);
            while (Directory.Exists(old)) old = AsidePathFor(target); // left by an earlier process with the same id
            Directory.Move(target, old);
            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                Directory.Move(old, target); // put the previous site back
                throw;
            }
            BackgroundRemoval.Start(target, old);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
        }
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }

    /// <summary>
    /// Removes, in the background, the folders that earlier builds left beside the output when their
    /// process was killed or exited before removing them: staging folders, previous outputs set aside,
    /// folders whose remover was stopped. Only those whose owning process no longer runs: a build still
    /// running keeps its own, and a remover still at work is left to finish.
    /// </summary>
    public static void DiscardAbandoned(string output)
    {
        var target = SideFolders.Target(output);
        // A previous output set aside is the only copy of the site until an output is in place again
        // (a build killed between the two renames of Swap): then it is kept.
        var outputInPlace = Directory.Exists(target);
        foreach (var (folder, kind, owner) in SideFolders.Beside(target).ToList())
            if ((kind != SideFolders.Kind.Aside || outputInPlace) && !IsRunning(owner))
                BackgroundRemoval.Start(target, folder);
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; } // no such process
        catch (InvalidOperationException) { return false; }
    }
}
