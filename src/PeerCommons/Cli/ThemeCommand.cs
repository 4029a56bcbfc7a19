using System.CommandLine;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Pipeline;
using PeerCommons.Validate;

namespace PeerCommons.Cli;

/// <summary>
/// <c>peercommons theme list</c> and <c>peercommons theme copy NAME</c>: which file of the theme
/// wins for each name (the site's own theme folder or the bundled theme), and a bundled file copied
/// into the site's folder to be edited there (docs/theming.md).
/// </summary>
public static class ThemeCommand
{
    /// <param name="guard">Turns an unexpected exception into a clear message and exit code (CommandLine.Guarded).</param>
    public static Command Create(Func<Func<int>, int> guard, Option<string> content, Option<string?> theme, Option<string?> overrides)
    {
        var list = new Command("list", "Show each template, partial and asset, and whether the site's theme folder or the bundled theme provides it");
        var copy = new Command("copy", "Copy one bundled theme file into the site's theme folder to edit it there (never overwrites)");
        var name = new Argument<string>("name") { Description = "The file as 'theme list' shows it, e.g. templates/partials/footer.liquid (or just footer.liquid)" };
        copy.Arguments.Add(name);
        var command = new Command("theme", "See and override the theme's files") { list, copy };
        foreach (var option in new Option[] { content, theme, overrides }) { list.Options.Add(option); copy.Options.Add(option); }
        BuildOptions Options(ParseResult parse) => new()
        {
            ContentDirectory = parse.GetValue(content)!,
            ThemeDirectory = parse.GetValue(theme),
            ThemeOverridesDirectory = parse.GetValue(overrides),
        };
        list.SetAction(parse => guard(() => List(Options(parse), Console.Out, Console.Error)));
        copy.SetAction(parse => guard(() => Copy(Options(parse), parse.GetValue(name)!, Console.Out, Console.Error)));
        return command;
    }

    public static int List(BuildOptions options, TextWriter output, TextWriter error)
    {
        if (Locate(options, error) is not { } theme) return ExitCodes.UsageOrIo;
        output.WriteLine($"bundled theme: {DisplayPath.For(theme.Bundled)}");
        output.WriteLine($"site's theme:  {DisplayPath.For(ThemeLocator.SiteFolder(options))}{(theme.Site is null ? " (not there yet: 'theme copy' creates it)" : "")}");
        output.WriteLine();
        var files = theme.AllFiles();
        var width = files.Max(f => f.Name.Length);
        foreach (var file in files)
            output.WriteLine($"{file.Name.PadRight(width)}  {(file.FromSite ? "site   " : "bundled")}  {DisplayPath.For(file.Path)}");
        return ExitCodes.Success;
    }

    public static int Copy(BuildOptions options, string name, TextWriter output, TextWriter error)
    {
        if (Locate(options, error) is not { } theme) return ExitCodes.UsageOrIo;
        var bundled = new ThemeLayers(theme.Bundled, null).AllFiles();
        var wanted = name.Replace('\\', '/').Trim('/');
        var matches = bundled.Where(f => f.Name == wanted).ToList();
        if (matches.Count == 0) matches = bundled.Where(f => f.Name.EndsWith("/" + wanted, StringComparison.Ordinal)).ToList();
        if (matches.Count != 1)
        {
            error.WriteLine(matches.Count == 0
                ? $"error: the bundled theme has no file '{name}'{Suggest.DidYouMean(wanted, bundled.Select(f => f.Name))}; 'peercommons theme list' shows every name"
                : $"error: '{name}' could be {string.Join(" or ", matches.Select(m => m.Name))}; give the whole name");
            return ExitCodes.UsageOrIo;
        }
        var file = matches[0];
        var target = Path.Combine(ThemeLocator.SiteFolder(options), file.Name);
        if (File.Exists(target))
        {
            error.WriteLine($"error: {DisplayPath.For(target)} already exists; it is the site's own copy and is left as it is (delete it first to copy the bundled file again)");
            return ExitCodes.UsageOrIo;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file.Path, target);
        output.WriteLine($"Copied {file.Name} to {DisplayPath.For(target)}: edit it there; it now replaces the bundled file.");
        return ExitCodes.Success;
    }

    private static ThemeLayers? Locate(BuildOptions options, TextWriter error)
    {
        var theme = ThemeLocator.Find(options);
        if (theme is null) error.WriteLine("error: no theme found: pass --theme with the folder that holds templates/ and assets/");
        return theme;
    }
}
