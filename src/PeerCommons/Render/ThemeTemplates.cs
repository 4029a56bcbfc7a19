using PeerCommons.Diagnostics;
using PeerCommons.Render.Views;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PeerCommons.Render;

/// <summary>
/// The theme's Liquid templates (theme/templates/*.liquid), parsed once. Each page renders its
/// own template, then layout.liquid around it. Rendered with Scriban's Liquid mode: Fluid, the
/// engine first chosen, cannot run with the Parlot version the package registry serves.
/// </summary>
public sealed class ThemeTemplates
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);
    private readonly string _folder;

    private ThemeTemplates(string folder) => _folder = folder;

    public static ThemeTemplates Load(string themeDirectory, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(themeDirectory, "templates");
        var theme = new ThemeTemplates(folder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DisplayPath.For(folder), 1, 1, Codes.OutputFailed, "theme templates folder is missing; pass --theme with the folder that holds templates/");
            return theme;
        }
        theme.ParseAll(folder, theme._templates, diagnostics);
        var partials = Path.Combine(folder, "partials");
        if (Directory.Exists(partials)) theme.ParseAll(partials, theme._partials, diagnostics);
        if (!theme._templates.ContainsKey("layout"))
            diagnostics.Error(DisplayPath.For(folder), 1, 1, Codes.OutputFailed, "theme has no layout.liquid");
        return theme;
    }

    private void ParseAll(string folder, Dictionary<string, Template> into, DiagnosticBag diagnostics)
    {
        foreach (var file in Directory.GetFiles(folder, "*.liquid").OrderBy(f => f, StringComparer.Ordinal))
        {
            var template = Template.ParseLiquid(File.ReadAllText(file), file);
            foreach (var message in template.Messages)
                diagnostics.Error(DisplayPath.For(file), message.Span.Start.Line + 1, message.Span.Start.Column + 1, Codes.OutputFailed, "template: " + message.Message);
            if (!template.HasErrors) into[Path.GetFileNameWithoutExtension(file)] = template;
        }
    }

    public string Render(SiteView site, PageView page)
    {
        if (!_templates.TryGetValue(page.Template, out var template))
            throw new InvalidOperationException($"theme has no template '{page.Template}.liquid' in {_folder}");
        var content = RenderOne(template, site, page, null);
        return RenderOne(_templates["layout"], site, page, content);
    }

    private string RenderOne(Template template, SiteView site, PageView page, string? content)
    {
        var globals = new ScriptObject { ["site"] = site, ["page"] = page, ["content"] = content ?? "" };
        var context = new LiquidTemplateContext
        {
            StrictVariables = false, EnableRelaxedMemberAccess = true, LoopLimit = 0, RecursiveLimit = 50,
            TemplateLoader = new PartialLoader(this),
        };
        // Partials are parsed once at load; every page reuses them.
        foreach (var (name, partial) in _partials) context.CachedTemplates[name] = partial;
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>Resolves {% include 'name' %} to the partials parsed at load time.</summary>
    private sealed class PartialLoader(ThemeTemplates theme) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            theme._partials.ContainsKey(templateName) ? templateName
                : throw new InvalidOperationException($"theme has no partial '{templateName}.liquid' in templates/partials");

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new InvalidOperationException($"partial '{templatePath}' was not parsed at load time");

        public ValueTask<string> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult(Load(context, callerSpan, templatePath));
    }
}
