namespace PeerCommons.Pipeline;

/// <summary>Finds the theme: --theme, else theme/ beside content/, else the theme shipped with the tool.</summary>
public static class ThemeLocator
{
    public static string? Find(BuildOptions options)
    {
        if (options.ThemeDirectory is not null)
            return Directory.Exists(Path.Combine(options.ThemeDirectory, "templates")) ? Path.GetFullPath(options.ThemeDirectory) : null;
        var content = Path.GetFullPath(options.ContentDirectory);
        string?[] candidates =
        [
            Path.Combine(Path.GetDirectoryName(content) ?? content, "theme"),
            Path.Combine(AppContext.BaseDirectory, "theme"),
        ];
        return candidates.OfType<string>().FirstOrDefault(c => Directory.Exists(Path.Combine(c, "templates")));
    }
}
