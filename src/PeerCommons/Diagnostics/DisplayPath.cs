namespace PeerCommons.Diagnostics;

/// <summary>Paths in diagnostics are relative to the working folder when inside it, as editors expect.</summary>
public static class DisplayPath
{
    public static string For(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }
}
