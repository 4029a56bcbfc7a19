using System.CommandLine;
using PeerCommons.Pipeline;

namespace PeerCommons.Cli;

/// <summary>The command-line interface (fixed: scripts rely on it). Exit codes: see <see cref="ExitCodes"/>.</summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        var content = new Option<string>("--content") { Description = "Folder with site.yaml and the entries", DefaultValueFactory = _ => "content" };
        var output = new Option<string>("--output") { Description = "Folder to write the site to (replaced only when the build succeeds)", DefaultValueFactory = _ => "_site" };
        var theme = new Option<string?>("--theme") { Description = "Bundled theme folder (templates/ and assets/); default: the theme shipped with peercommons" };
        var overrides = new Option<string?>("--theme-overrides") { Description = "The site's own theme files, which replace bundled files of the same name; default: theme/ beside the content folder" };
        var format = new Option<OutputFormat>("--format") { Description = "How diagnostics are printed: text, github or json", DefaultValueFactory = _ => OutputFormat.Text };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only diagnostics (and the summary when something is wrong)" };
        var drafts = new Option<bool>("--drafts") { Description = "Include entries marked draft: true" };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"The site's public address, for canonical links, feeds, the sitemap and QR codes, instead of site.yaml's base_url (default: ${BuildCommand.BaseUrlVariable} when set)",
        };

        var build = new Command("build", "Build the static site from the content folder");
        var check = new Command("check", "Validate all content without writing anything; exits 1 on any error");
        foreach (var option in new Option[] { content, theme, overrides, format, quiet, drafts }) { build.Options.Add(option); check.Options.Add(option); }
        build.Options.Add(output);
        build.Options.Add(baseUrl);

        BuildCommand.Settings Settings(ParseResult parse, bool isCheck) => new(
            new BuildOptions
            {
                ContentDirectory = parse.GetValue(content)!,
                OutputDirectory = isCheck ? "_site" : parse.GetValue(output)!,
                ThemeDirectory = parse.GetValue(theme),
                ThemeOverridesDirectory = parse.GetValue(overrides),
                WriteOutput = !isCheck,
                IncludeDrafts = parse.GetValue(drafts),
            },
            parse.GetValue(format),
            parse.GetValue(quiet),
            isCheck)
        {
            BaseUrl = isCheck ? null : parse.GetValue(baseUrl) ?? Environment.GetEnvironmentVariable(BuildCommand.BaseUrlVariable),
        };

        build.SetAction(parse => Guarded(() => BuildCommand.Run(Settings(parse, false))));
        check.SetAction(parse => Guarded(() => BuildCommand.Run(Settings(parse, true))));

        var root = new RootCommand("PeerCommons: builds the peer support knowledge commons into a static site") { build, check };
        root.Subcommands.Add(NewCommand.Create(Guarded));
        root.Subcommands.Add(CodeOwnersCommand.Create(Guarded));
        root.Subcommands.Add(SearchIndexCommand.Create(Guarded));
        root.Subcommands.Add(SchemaCommand.Create(Guarded));
        root.Subcommands.Add(ThemeCommand.Create(Guarded, content, theme, overrides));
        var serve = new Command("serve", "Preview the site on 127.0.0.1, rebuilding and reloading pages as content/ and theme/ change");
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 8080 };
        foreach (var option in new Option[] { content, theme, overrides, port, drafts }) serve.Options.Add(option);
        serve.SetAction(parse => Guarded(() => ServeCommand.Run(parse.GetValue(content)!, parse.GetValue(theme), parse.GetValue(port), parse.GetValue(drafts), parse.GetValue(overrides))));
        root.Subcommands.Add(serve);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("Run 'peercommons --help' for usage.");
            return ExitCodes.UsageOrIo;
        }
        return parsed.Invoke();
    }

    /// <summary>A bug must still end in a clear message and a documented exit code, not a bare stack trace.</summary>
    private static int Guarded(Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine("This is a bug in PeerCommons, not in your content. Please report it with the lines above.");
            if (Environment.GetEnvironmentVariable("PEERCOMMONS_DEBUG") is not null) Console.Error.WriteLine(ex);
            return ExitCodes.InternalError;
        }
    }
}
