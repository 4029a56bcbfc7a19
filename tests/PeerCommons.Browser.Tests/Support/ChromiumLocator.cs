namespace PeerCommons.Browser.Tests.Support;

/// <summary>
/// Where the system Chromium is: PEERCOMMONS_CHROMIUM when set, otherwise the first of the usual
/// program names found on PATH (Playwright's own browser download is never used).
/// </summary>
public static class ChromiumLocator
{
    public const string Variable = "PEERCOMMONS_CHROMIUM";
    public static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static string? Find() => Find(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The browser to launch, or null. A set variable must name an existing file: it is never second-guessed.</summary>
    public static string? Find(string? configured, string? searchPath)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        var folders = (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Names)
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        return null;
    }

    public static string NotFoundMessage =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? $"{Variable} is set to '{configured}', which does not exist; point it at the Chromium or Chrome program."
            : $"No Chromium found: none of {string.Join(", ", Names)} is on PATH. Install it (`apt-get update && apt-get install -y chromium`) or set {Variable} to the browser's path (Playwright's own browser download is not used).";
}
