using Fluid;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Render.Liquid;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// The theme's Liquid templates (templates/*.liquid, partials in templates/partials/), from the
/// site's theme folder where it has a file of that name and from the bundled theme otherwise
/// (docs/theming.md), parsed once and rendered by Fluid. Each page renders its own template where
/// layout.liquid prints {{ content }}, in one pass, straight to the page's writer.
/// </summary>
public sealed class ThemeTemplates
{
    private readonly Dictionary<string, (IFluidTemplate Template, string File)> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;
    /// <summary>
    /// The site-wide part of pages as templates read it: one per <see cref="SiteView"/>, which thousands
    /// of pages share, so its values (the navigation, the asset links) are made once for all of them.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SiteView, ViewValue<SiteView>> _siteValues = new();

    private ThemeTemplates(PartialStore partials) => _options = LiquidSetup.OptionsFor(partials);

    /// <summary>True when a template could not be read: no page is rendered then.</summary>
    public bool HasErrors { get; private set; }

    public static ThemeTemplates Load(ThemeLayers theme, DiagnosticBag diagnostics)
    {
        var partials = new PartialStore();
        var templates = new ThemeTemplates(partials);
        var local = new DiagnosticBag();
        var sources = new List<(string File, string Text, IFluidTemplate Template)>();
        foreach (var (name, file) in theme.FilesIn("templates/partials", "*.liquid"))
        {
            var text = File.ReadAllText(file.Path);
            // A partial with a mistake is still there: its own diagnostic says what is wrong with it.
            partials.Add(name, text);
            if (Parse(file.Path, text, local) is { } template) sources.Add((file.Path, text, template));
        }
        var pageTemplates = theme.FilesIn("templates", "*.liquid");
        foreach (var (name, file) in pageTemplates)
        {
            var text = File.ReadAllText(file.Path);
            if (Parse(file.Path, text, local) is not { } template) continue;
            templates._templates[Path.GetFileNameWithoutExtension(name)] = (template, file.Path);
            sources.Add((file.Path, text, template));
        }
        var renders = new Dictionary<string, (string File, string Text, IReadOnlySet<string> Renders)>(StringComparer.Ordinal);
        foreach (var (file, text, template) in sources)
        {
            var rendered = TemplateChecks.Run(template, DisplayPath.For(file), text, templates._options, partials, local);
            if (IsPartial(file)) renders[Path.GetFileNameWithoutExtension(file)] = (DisplayPath.For(file), text, rendered);
        }
        TemplateChecks.Cycles(renders, local);
        if (!pageTemplates.ContainsKey("layout.liquid"))
            local.Error(DisplayPath.For(Path.Combine(theme.Bundled, "templates")), 1, 1, Codes.OutputFailed, "theme has no layout.liquid");
        templates.HasErrors = local.HasErrors;
        if (!local.HasErrors) templates.RenderSiteWidePartsOnce(sources.Select(s => (s.File, s.Template)).ToList());
        foreach (var diagnostic in local.Sorted()) diagnostics.Add(diagnostic);
        return templates;
    }

    /// <summary>The layout's parts that read only the site are rendered once per site view (<see cref="SiteWideParts"/>).</summary>
    private void RenderSiteWidePartsOnce(List<(string File, IFluidTemplate Template)> parsed)
    {
        var partials = parsed.Where(p => IsPartial(p.File)).ToDictionary(p => Path.GetFileNameWithoutExtension(p.File), p => p.Template, StringComparer.Ordinal);
        var (layout, file) = _templates["layout"];
        _templates["layout"] = (SiteWideParts.Apply(layout, parsed.Select(p => p.Template), partials), file);
    }

    private static bool IsPartial(string file) => Path.GetFileName(Path.GetDirectoryName(file)) == "partials";

    private static IFluidTemplate? Parse(string file, string text, DiagnosticBag diagnostics)
    {
        if (LiquidSetup.Parser.TryParse(text, out var template, out var error)) return template;
        var (line, column, message) = TemplateChecks.ParseError(error);
        diagnostics.Error(DisplayPath.For(file), line, column, Codes.TemplateError, $"template: {message} (the tag here is unknown, misspelt or not closed; docs/theming.md lists the tags)");
        return null;
    }

    /// <summary>Writes the page, in its layout, to <paramref name="output"/>.</summary>
    /// <exception cref="TemplateRenderException">The theme has no such template, or a template failed while rendering.</exception>
    public void Render(SiteView site, PageView page, TextWriter output)
    {
        if (!_templates.TryGetValue(page.Template, out var own))
            throw new TemplateRenderException(page.Template + ".liquid", $"the theme has no template '{page.Template}.liquid'");
        var (layout, layoutFile) = _templates["layout"];
        var context = new TemplateContext(_options);
        context.SetValue("site", _siteValues.GetValue(site, static view => new ViewValue<SiteView>(view)));
        context.SetValue("page", new ViewValue<PageView>(page));
        context.SetValue("content", new PageContent(own.Template, context));
        try
        {
            RenderNow.Into(layout, output, NullEncoder.Default, context);
        }
        catch (Exception ex) when (ex is FluidException or InvalidOperationException or ArgumentException or FormatException
                                       or InvalidCastException or FileNotFoundException or DivideByZeroException or OverflowException)
        {
            throw new TemplateRenderException(DisplayPath.For(own.File), $"{ex.Message} (in {Path.GetFileName(own.File)}, its partials or {Path.GetFileName(layoutFile)})");
        }
    }
}

/// <summary>A page's template failed: which template, and Fluid's words for why.</summary>
public sealed class TemplateRenderException(string template, string message) : Exception(message)
{
    public string Template { get; } = template;
}
