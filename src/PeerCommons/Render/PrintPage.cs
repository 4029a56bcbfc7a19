using System.Globalization;
using System.Text.RegularExpressions;
using PeerCommons.Markdown;
using PeerCommons.Model;
using PeerCommons.Render.Views;
using QRCoder;

namespace PeerCommons.Render;

/// <summary>
/// A whole curriculum on one page for printing (learner or trainer version): every module in
/// order, ids prefixed per module so they stay unique, and on the first page a QR code and the
/// address of the online version when the site's address (base_url) is known.
/// </summary>
public static partial class PrintPage
{
    public static string PathOf(Entry curriculum, bool trainer) =>
        trainer ? $"curricula/{curriculum.Id}/{EntryPageBuilder.TrainerFolder}/print/" : $"curricula/{curriculum.Id}/print/";

    public static string QrPathOf(Entry curriculum) => $"curricula/{curriculum.Id}/print/qr.png";

    /// <summary>The learner and trainer print views of one curriculum.</summary>
    public static IEnumerable<(string Page, PageView View)> Build(Entry curriculum, RenderContext context)
    {
        foreach (var trainer in new[] { false, true })
            yield return (PathOf(curriculum, trainer), View(curriculum, trainer, context));
    }

    /// <summary>The QR code image of each curriculum's online address (only when base_url is set).</summary>
    public static IEnumerable<(string Path, byte[] Bytes)> QrCodes(Site site)
    {
        if (site.Config.BaseUrl is not { } baseUrl) yield break;
        using var generator = new QRCodeGenerator();
        foreach (var curriculum in site.OfKind(EntryKind.Curriculum).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            using var data = generator.CreateQrCode(baseUrl + curriculum.Url, QRCodeGenerator.ECCLevel.M);
            yield return (QrPathOf(curriculum), new PngByteQRCode(data).GetGraphic(6));
        }
    }

    internal static PageView View(Entry curriculum, bool trainer, RenderContext context)
    {
        var page = PathOf(curriculum, trainer);
        var pipeline = trainer ? MarkdownPipelines.Trainer : MarkdownPipelines.Learner;
        // The entries' own parses, bound to this page's links as they render.
        var intro = context.Parsed.Of(curriculum);
        var (introHtml, cited) = MarkdownHtml.Render(intro, page, context, pipeline);
        var keys = new List<string>(cited.Concat(curriculum.Sources));
        var modules = new List<PrintModuleView>();
        var number = 0;
        foreach (var module in context.Site.ModulesOf(curriculum.Id))
        {
            number++;
            var document = context.Parsed.Of(module);
            var (html, moduleCited) = MarkdownHtml.Render(document, page, context, pipeline);
            keys.AddRange(moduleCited.Concat(module.Sources));
            var minutes = module.Field<int>("duration_minutes");
            modules.Add(new PrintModuleView(
                PageAnchors.Module(module),
                number.ToString(CultureInfo.InvariantCulture),
                Html.Escape(module.Title),
                minutes > 0 ? Humanize.Minutes(minutes) : "",
                module.FieldList("objectives").Select((o, i) => new ObjectiveView($"{module.Id}--{PageAnchors.Objective(i + 1)}", Html.Escape(o))).ToList(),
                PrefixIds(html, module.Id),
                context.EntryLink(page, module)));
        }
        var site = context.Site;
        var total = site.TotalMinutes(curriculum.Id);
        return new PageView
        {
            Template = "print",
            Title = Html.Escape(curriculum.Title),
            Summary = Html.Escape(curriculum.Summary),
            Kind = "curriculum",
            KindLabel = trainer ? "Curriculum, trainer version" : "Curriculum",
            View = trainer ? "trainer" : "learner",
            BodyHtml = PrefixIds(introHtml, "intro"),
            Facts = FactsBuilder.For(curriculum, page, context),
            PrintModules = modules,
            TotalDuration = total > 0 ? Humanize.Minutes(total) : null,
            Sources = keys.Distinct(StringComparer.Ordinal).Where(site.Bibliography.ContainsKey)
                .Select(k => new SourceView(k, SourceFormatter.ReferenceHtml(site.Bibliography[k]))).ToList(),
            OnlineUrl = site.Config.BaseUrl is { } baseUrl ? Html.Escape(baseUrl + curriculum.Url) : null,
            QrCodeUrl = site.Config.BaseUrl is null ? null : SitePaths.Relative(page, QrPathOf(curriculum)),
            Parent = new LinkView(Html.Escape(curriculum.Title), SitePaths.Relative(page, trainer ? EntryPageBuilder.TrainerPath(curriculum) : curriculum.Url)),
            Breadcrumbs = [new LinkView("Home", SitePaths.Relative(page, "")), new LinkView("Curricula", SitePaths.Relative(page, "curricula/")),
                new LinkView(Html.Escape(curriculum.Title), SitePaths.Relative(page, trainer ? EntryPageBuilder.TrainerPath(curriculum) : curriculum.Url))],
            NoIndex = true,
        };
    }

    [GeneratedRegex(@"(\sid="")([^""]+)""")]
    private static partial Regex Id();

    [GeneratedRegex(@"(\shref=""#)(?!cite-)([^""]+)""")]
    private static partial Regex InPageLink();

    /// <summary>
    /// Module bodies share heading ids ("in-practice"); on one page each gets its module's prefix,
    /// and so do the in-page links to them (not those to the page's list of cited sources).
    /// The HTML is our own renderer's, with every attribute double-quoted, so patterns are exact.
    /// </summary>
    private static string PrefixIds(string html, string prefix)
    {
        // A replacement pattern rather than a function per match: no match object, groups or pieces of text
        // are made for each id. "${1}" and not "$1", which a prefix starting with a digit would extend.
        var replacement = "${1}" + prefix.Replace("$", "$$") + "--${2}\"";
        return InPageLink().Replace(Id().Replace(html, replacement), replacement);
    }
}
