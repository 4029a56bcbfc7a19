namespace PeerCommons.TestSupport;

/// <summary>Locates the repository (the folder with PeerCommons.sln) from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PeerCommons.sln"))) return dir.FullName;
        throw new InvalidOperationException("PeerCommons.sln not found above " + AppContext.BaseDirectory);
    }
}
