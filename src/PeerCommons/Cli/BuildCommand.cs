using System.Diagnostics;
using PeerCommons.Pipeline;
using Spectre.Console;

namespace PeerCommons.Cli;

/// <summary><c>peercommons build</c> and <c>peercommons check</c>: run the pipeline, print diagnostics and a summary.</summary>
public static class BuildCommand
{
    public sealed record Settings(BuildOptions Options, OutputFormat Format, bool Quiet, bool Check)
    {
        /// <summary>--base-url, or the environment variable, as given (checked by <see cref="Run"/>).</summary>
        public string? BaseUrl { get; init; }
    }

    /// <summary>The environment variable a deploy sets to give the site's address without changing site.yaml.</summary>
    public const string BaseUrlVariable = "PEERCOMMONS_BASE_URL";

    public static int Run(Settings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl))
        {
            if (Model.SiteConfig.NormalizeBaseUrl(settings.BaseUrl) is not { } baseUrl)
            {
                Console.Error.WriteLine($"error: the base URL '{settings.BaseUrl}' (from --base-url or {BaseUrlVariable}) must be a full address starting with https://, such as https://example.github.io/peercommons/");
                return ExitCodes.UsageOrIo;
            }
            settings = settings with { Options = settings.Options with { BaseUrl = baseUrl } };
        }
        if (!settings.Check && settings.Options.WriteOutput)
        {
            // Read beside loading the content: the figures are first wanted when pages are written.
            var report = BuildReport.PathFor(settings.Options.OutputDirectory);
            settings = settings with { Options = settings.Options with { PreviousPageWeights = Task.Run(() => BuildReport.ReadPageWeights(report)) } };
        }
        var console = Console.IsErrorRedirected || Environment.GetEnvironmentVariable("CI") is not null
            ? AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(Console.Error) })
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var interactive = console.Profile.Capabilities.Interactive && !settings.Quiet && settings.Format == OutputFormat.Text;
        var clock = Stopwatch.StartNew();

        BuildResult result;
        if (interactive)
        {
            BuildResult? captured = null;
            console.Status().Start("Loading content…", status =>
                captured = BuildPipeline.Run(settings.Options, stage => status.Status($"{Describe(stage)}…")));
            result = captured!;
        }
        else
        {
            result = BuildPipeline.Run(settings.Options, stage =>
            {
                if (!settings.Quiet && settings.Format == OutputFormat.Text) console.WriteLine($"{Describe(stage)}…");
            });
        }

        DiagnosticFormatter.Write(result.Diagnostics, settings.Format, Console.Out);
        if (result.FatalError is not null)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(result.FatalError)}");
            return ExitCodes.UsageOrIo;
        }
        if (!settings.Check && settings.Options.WriteOutput)
            BuildReport.Write(result, BuildReport.PathFor(settings.Options.OutputDirectory));

        if (settings.Format == OutputFormat.Text && (!settings.Quiet || !result.Succeeded))
            PrintSummary(console, result, settings, clock.Elapsed);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }

    private static void PrintSummary(IAnsiConsole console, BuildResult result, Settings settings, TimeSpan elapsed)
    {
        var outcome = result.Succeeded
            ? settings.Check ? "[green]Content is valid.[/]" : $"[green]Site written to {Markup.Escape(settings.Options.OutputDirectory)}.[/]"
            : settings.Check ? "[red]Content has errors.[/]" : "[red]Build failed; the previous output was left as it was.[/]";
        console.MarkupLine(outcome);
        var table = new Table().Border(TableBorder.Simple).AddColumn("pages").AddColumn("files").AddColumn("errors").AddColumn("warnings").AddColumn("time");
        table.AddRow(result.Pages.ToString(), result.Files.Count.ToString(), result.ErrorCount.ToString(), result.WarningCount.ToString(), $"{elapsed.TotalSeconds:0.00} s");
        console.Write(table);
        if (result.Search is { } search)
        {
            console.MarkupLine($"Search: {search.Documents} documents, {search.Terms} terms in {search.Parts} index parts, {search.RawBytes / 1024.0:0.0} kB before gzip in all (index and store), of which a search loads only what its words and the results it shows need.");
            console.MarkupLine($"First single-word search (gzipped, search files only, not lunr.js or the theme's scripts): manifest {search.ManifestGzipBytes / 1024.0:0.0} kB + one index part (median {search.PartGzipMedian / 1024.0:0.0} kB, largest {search.PartGzipMax / 1024.0:0.0} kB) + facets {search.FacetsGzipBytes / 1024.0:0.0} kB + the store's files of {PeerCommons.Index.SearchIndexStage.ResultsShownFirst} results ({(search.DocumentsPerPart == 1 ? "one document" : $"{search.DocumentsPerPart} documents")} a file, {search.DocumentParts} files; median {search.DocumentGzipMedian / 1024.0:0.0} kB each, largest {search.DocumentGzipMax / 1024.0:0.0} kB) = {search.FirstSearchGzipBytes / 1024.0:0.0} kB; fuzzy and leading-wildcard searches add the term list, {search.TermListGzipBytes / 1024.0:0.0} kB.");
        }
        if (result.PageWeights.Count > 0)
        {
            var sorted = result.PageWeights.OrderBy(w => w.TotalGzipBytes).ThenBy(w => w.Page, StringComparer.Ordinal).ToList();
            var heaviest = sorted[^1];
            var median = sorted[sorted.Count / 2].TotalGzipBytes;
            console.MarkupLine($"Page weight before search (HTML + CSS + JS, gzipped): median {median / 1024.0:0.0} kB, heaviest {heaviest.TotalGzipBytes / 1024.0:0.0} kB ({Markup.Escape(heaviest.Page)}).");
        }
    }

    private static string Describe(string stage) => stage switch
    {
        "load" => "Loading content",
        "validate" => "Validating references",
        "parse" => "Parsing Markdown",
        "theme" => "Loading theme",
        "assets" => "Copying assets",
        "render" => "Rendering pages",
        "feeds" => "Writing feed and sitemap",
        "index" => "Building the search index",
        "links" => "Checking every internal link",
        "write" => "Putting the new site in place",
        _ => stage,
    };
}
