namespace PeerCommons.Load;

/// <summary>
/// Names Windows reserves for devices (in any case, with any extension): a file called con.md or a
/// folder called aux cannot be checked out there, so one such file breaks the clone for every
/// Windows contributor.
/// </summary>
public static class WindowsNames
{
    private static readonly HashSet<string> Reserved = new(
        new[] { "con", "prn", "aux", "nul" }
            .Concat(Enumerable.Range(1, 9).SelectMany(i => new[] { $"com{i}", $"lpt{i}" })),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The first part of a '/'-separated relative path that Windows reserves, or null.</summary>
    public static string? ReservedPart(string relative) =>
        relative.Split('/').FirstOrDefault(part => Reserved.Contains(part.Split('.')[0].TrimEnd(' ')));
}
