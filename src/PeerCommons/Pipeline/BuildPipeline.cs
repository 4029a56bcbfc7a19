using System.Diagnostics;
using System.Text;
using PeerCommons.Diagnostics;
using PeerCommons.Index;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Ownership;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;
using PeerCommons.Render.Views;
using PeerCommons.Validate;
using PeerCommons.Write;

namespace PeerCommons.Pipeline;

/// <summary>
/// The whole generator, one explicit stage after another: load, validate, parse, render, write.
/// check runs the same stages with a sink that writes nothing.
/// </summary>
public static class BuildPipeline
{
    public static BuildResult Run(BuildOptions options, Action<string>? progress = null)
    {
        var diagnostics = new DiagnosticBag();
        SearchIndexStage.Payload? search = null;
        var timings = new List<StageTiming>();
        T Stage<T>(string name, Func<T> work)
        {
            progress?.Invoke(name);
            var clock = Stopwatch.StartNew();
            var result = work();
            timings.Add(new StageTiming(name, clock.Elapsed));
            return result;
        }
        void Step(string name, Action work) => Stage(name, () => { work(); return 0; });
        BuildResult Result(IOutputSink? sink, int pages, bool written, string? fatal = null) => new()
        {
            Diagnostics = diagnostics.Sorted(),
            Stages = timings,
            Files = sink?.Sizes ?? new Dictionary<string, long>(),
            Pages = pages,
            Written = written,
            OutputDirectory = written ? Path.GetFullPath(options.OutputDirectory) : null,
            FatalError = fatal,
            Search = search,
            PageWeights = (sink as WeighingSink)?.Weights() ?? [],
        };

        var theme = ThemeLocator.Find(options);
        // Refused before anything is read: an output inside content/ would otherwise be loaded as content first.
        if (options.WriteOutput && OutputSwap.CheckReplaceable(options.OutputDirectory,
                [options.ContentDirectory, .. theme?.Roots ?? []]) is { } refusal)
            return Result(null, 0, false, refusal);

        var site = Stage("load", () => ContentLoader.Load(options.ContentDirectory, diagnostics, options.IncludeDrafts));
        if (options.BaseUrl is { } baseUrl) site = new Site(site.Config with { BaseUrl = baseUrl }, site.Bibliography, site.Entries);
        Step("validate", () =>
        {
            ReferenceValidator.Validate(site, diagnostics);
            CodeOwners.Check(options.ContentDirectory, diagnostics);
        });
        var parsed = Stage("parse", () => MarkdownStage.Parse(site, diagnostics));

        if (theme is null)
            return Result(null, 0, false, "no theme found: pass --theme with the folder that holds templates/ and assets/");

        string? staging = null;
        IOutputSink sink;
        Task<(SearchIndexStage.Payload, TimeSpan)>? indexing = null;
        if (options.WriteOutput)
        {
            OutputSwap.DiscardAbandoned(options.OutputDirectory);
            staging = OutputSwap.StagingPathFor(options.OutputDirectory);
            OutputSwap.Discard(staging);
            sink = new WeighingSink(new StagingSink(staging));
        }
        else sink = new DiscardingSink();

        try
        {
            var templates = Stage("theme", () => ThemeTemplates.Load(theme, diagnostics));
            var npm = ThemeAssets.FromNpm(theme).ToList();
            if (options.WriteOutput && (ThemeAssets.Lunr(theme) is null || ThemeAssets.MarkdownIt(theme) is null))
                throw new IOException(ThemeAssets.MissingNpmScripts(theme));
            var assets = Stage("assets", () => ThemeAssets.Publish(theme, sink, npm));
            var context = new RenderContext(site, parsed, assets, diagnostics);
            var links = new LinkChecker();
            // The search index is built on its own thread while the pages render: it is one long
            // single-threaded job, and rendering leaves a core idle whenever it waits on the disk.
            Step("text", () => SearchIndexStage.TakeText(context));
            indexing = Task.Run(() =>
            {
                var clock = Stopwatch.StartNew();
                return (Payload: SearchIndexStage.Write(context, sink), clock.Elapsed);
            });
            var pages = templates.HasErrors ? 0
                : Stage("render", () => RenderPages(context, templates, sink, links));
            Step("feeds", () => SiteFeeds.WriteAll(context, sink));
            var (payload, indexTime) = indexing.GetAwaiter().GetResult();
            (search, indexing) = (payload, null);
            timings.Add(new StageTiming("index", indexTime));
            if (!diagnostics.HasErrors) Step("links", () => ReportBrokenLinks(links, sink, site, diagnostics));

            if (diagnostics.HasErrors || !options.WriteOutput)
            {
                if (staging is not null) OutputSwap.Discard(staging);
                return Result(sink, pages, false);
            }
            Step("write", () => OutputSwap.Swap(staging!, options.OutputDirectory));
            return Result(sink, pages, true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Settle(indexing);
            if (staging is not null) OutputSwap.Discard(staging);
            return Result(sink, 0, false, $"could not write the site: {ex.Message}");
        }
        catch
        {
            // A bug (the command line reports it as an internal error): still leave no half-written folder behind.
            Settle(indexing);
            if (staging is not null) OutputSwap.Discard(staging);
            throw;
        }
    }

    /// <summary>Waits for a background stage that may still be writing before its output is discarded.</summary>
    private static void Settle(Task? background)
    {
        try { background?.Wait(); }
        catch (AggregateException) { } // the build has already failed for another reason
    }

    private static int RenderPages(RenderContext context, ThemeTemplates templates, IOutputSink sink, LinkChecker links)
    {
        var site = context.Site;
        // Entry pages first, each built by one worker (building resolves that entry's links in place).
        var work = site.Pages.Select(e => (Entry: (Entry?)e, Section: e.Kind == EntryKind.Page ? null : e.Kind.Folder())).ToList();
        var count = 0;
        Parallel.ForEach(work, item =>
        {
            foreach (var (page, view) in EntryPageBuilder.Build(item.Entry!, context))
            {
                WritePage(page, view, item.Section, item.Entry, context, templates, sink, links);
                Interlocked.Increment(ref count);
            }
        });

        // Print views reuse their modules' parses, so they come after the module pages, and each
        // curriculum's two print views are built one after the other by one worker.
        Parallel.ForEach(site.OfKind(EntryKind.Curriculum).ToList(), curriculum =>
        {
            foreach (var (page, view) in PrintPage.Build(curriculum, context))
            {
                WritePage(page, view, "curricula", null, context, templates, sink, links);
                Interlocked.Increment(ref count);
            }
        });

        var others = IndexPageBuilder.Build(context).Concat(Redirects.Pages(context)).ToList();
        Parallel.ForEach(others, item =>
        {
            var section = item.Page.Split('/')[0];
            WritePage(item.Page, item.View, EntryKinds.Listed.Any(k => k.Folder() == section) ? section : null, null, context, templates, sink, links);
            Interlocked.Increment(ref count);
        });
        sink.Write("_redirects", Redirects.NetlifyFile(site));
        foreach (var (path, bytes) in Render.Propose.ProposeFormData.Files(context)) sink.Write(path, bytes);
        Schema.JsonSchemas.Publish(sink);
        foreach (var (path, bytes) in PrintPage.QrCodes(site)) sink.Write(path, bytes);
        return count;
    }

    internal static void WritePage(string page, PageView view, string? section, Entry? entry, RenderContext context, ThemeTemplates templates, IOutputSink sink, LinkChecker links)
    {
        var writer = Utf8PageWriter.ForThisThread();
        try
        {
            templates.Render(context.SiteView(page, section), view, writer.Text);
        }
        catch (TemplateRenderException ex)
        {
            // The template is at fault, not the entry: the diagnostic names the template, and the page.
            context.Diagnostics.Error(ex.Template, 1, 1, Codes.TemplateError, $"template: page '{page}' could not be rendered: {ex.Message}");
            return;
        }
        var html = writer.Written;
        sink.Write(SitePaths.FileOf(page), html);
        links.Add(SitePaths.FileOf(page), html);
    }

    /// <summary>A broken internal link fails the build, naming the page and the link.</summary>
    private static void ReportBrokenLinks(LinkChecker links, IOutputSink sink, Site site, DiagnosticBag diagnostics)
    {
        var sources = site.Pages.ToDictionary(e => SitePaths.FileOf(e.Url), e => e.Path, StringComparer.Ordinal);
        foreach (var broken in links.Check(sink.Sizes))
            diagnostics.Error(sources.GetValueOrDefault(broken.Page, "_site/" + broken.Page), 1, 1, Codes.BrokenInternalLink,
                $"page '{broken.Page}' links to '{broken.Link}': {broken.Reason}");
    }
}
