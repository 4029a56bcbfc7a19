using System.Globalization;

namespace PeerCommons.Write;

/// <summary>
/// The folders a build makes beside the output folder, named after it: the staging folder it writes
/// into (<c>_site.staging-&lt;pid&gt;</c>), a previous output set aside by a swap
/// (<c>_site.old-&lt;pid&gt;-&lt;n&gt;</c>) and a folder being removed (<c>_site.removing-&lt;pid&gt;</c>). Each
/// name carries the id of the process that owns the folder, so a later build can tell a folder still
/// in use from one left by a process that was killed. These are the only folders a build ever removes
/// beside the output: anything else there is the user's.
/// </summary>
public static class SideFolders
{
    public enum Kind { Staging, Aside, Removing }

    private const string StagingMarker = ".staging-", AsideMarker = ".old-", RemovingMarker = ".removing-";

    private static readonly (string Marker, Kind Kind)[] Markers =
        [(StagingMarker, Kind.Staging), (AsideMarker, Kind.Aside), (RemovingMarker, Kind.Removing)];

    /// <summary>The output folder's full path, without a trailing separator: what every side folder is named after.</summary>
    public static string Target(string output) => Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);

    public static string StagingFor(string output) => Target(output) + StagingMarker + Environment.ProcessId;

    /// <summary>An aside folder's name for <paramref name="number"/>, owned by this process.</summary>
    public static string AsideFor(string output, int number) =>
        Target(output) + AsideMarker + Environment.ProcessId + "-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a remover renames its folder to, followed by its own process id.</summary>
    public static string RemovingPrefixFor(string output) => Target(output) + RemovingMarker;

    /// <summary>The folders beside <paramref name="output"/> that carry one of the markers (whether or not their owner still runs).</summary>
    public static IEnumerable<(string Folder, Kind Kind, int Owner)> Beside(string output)
    {
        var target = Target(output);
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) yield break;
        foreach (var (marker, _) in Markers)
            foreach (var folder in Directory.EnumerateDirectories(parent, Path.GetFileName(target) + marker + "*"))
                if (Identify(output, folder) is { } side) yield return (folder, side.Kind, side.Owner);
    }

    /// <summary>
    /// What <paramref name="folder"/> is and which process owns it, when its name is the output's name,
    /// a marker and a process id (and, for an aside folder, a number), in the output's own parent folder;
    /// null for anything else.
    /// </summary>
    public static (Kind Kind, int Owner)? Identify(string output, string folder)
    {
        var target = Target(output);
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        if (!string.Equals(Path.GetDirectoryName(full), Path.GetDirectoryName(target), StringComparison.Ordinal)) return null;
        var name = Path.GetFileName(full);
        var outputName = Path.GetFileName(target);
        if (outputName.Length == 0 || !name.StartsWith(outputName, StringComparison.Ordinal)) return null;
        var rest = name[outputName.Length..];
        foreach (var (marker, kind) in Markers)
        {
            if (!rest.StartsWith(marker, StringComparison.Ordinal)) continue;
            var owner = rest[marker.Length..];
            if (kind == Kind.Aside)
            {
                // "<pid>-<n>": numbered, because a long-running process may set several outputs aside.
                var dash = owner.IndexOf('-');
                if (dash <= 0 || !IsNumber(owner[(dash + 1)..])) return null;
                owner = owner[..dash];
            }
            return IsNumber(owner) && int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
                ? (kind, pid) : null;
        }
        return null;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
