using PeerCommons.Diagnostics;
using PeerCommons.Render.Views;
using Scriban;
using System.Text.RegularExpressions;
using Scriban.Runtime;

namespace PeerCommons.Render;

/// <summary>
/// The theme's Liquid templates (theme/templates/*.liquid, partials in templates/partials/),
/// parsed once. Each page renders its own template, then layout.liquid around it. Rendered with
/// Scriban's Liquid mode: Fluid, the engine first chosen, cannot run with the Parlot version the
/// package registry serves.
/// </summary>
public sealed partial class ThemeTemplates
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly string _folder;

    private ThemeTemplates(string folder) => _folder = folder;

    [GeneratedRegex(@"\{%-?\s*include\s+'([A-Za-z0-9_-]+)'\s*-?%\}")]
    private static partial Regex Include();

    public static ThemeTemplates Load(string themeDirectory, DiagnosticBag diagnostics)
    {
        var folder = Path.Combine(themeDirectory, "templates");
        var theme = new ThemeTemplates(folder);
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DisplayPath.For(folder), 1, 1, Codes.OutputFailed, "theme templates folder is missing; pass --theme with the folder that holds templates/");
            return theme;
        }
        var partialFolder = Path.Combine(folder, "partials");
        var partials = Sources(partialFolder);
        foreach (var (name, (file, text)) in partials) Parse(file, text, diagnostics);
        var expandedTexts = new Dictionary<string, (string File, string Text)>(StringComparer.Ordinal);
        foreach (var (name, (file, text)) in Sources(folder))
        {
            // Errors are reported against the file as written; pages render from a copy with the
            // partials written in place, since Scriban's include costs more than the page itself.
            if (Parse(file, text, diagnostics) is null) continue;
            var expanded = Expand(text, partials, file, diagnostics, depth: 0);
            if (expanded is null || Parse(file, expanded, diagnostics) is not { } template) continue;
            theme._templates[name] = template;
            expandedTexts[name] = (file, expanded);
        }
        if (!theme._templates.ContainsKey("layout"))
            diagnostics.Error(DisplayPath.For(folder), 1, 1, Codes.OutputFailed, "theme has no layout.liquid");
        else if (ContentSlot().Matches(expandedTexts["layout"].Text) is [{ Value: "{{ content }}" } slot])
        {
            // A layout that shows the page once, as a plain {{ content }}, is written around each page
            // template in advance: a page then renders in one pass, without its body as an extra string.
            var layout = expandedTexts["layout"].Text;
            foreach (var (name, (file, text)) in expandedTexts)
                if (name != "layout" && Parse(file, string.Concat(layout.AsSpan(0, slot.Index), text, layout.AsSpan(slot.Index + slot.Length)), diagnostics) is { } whole)
                    theme._wholePages[name] = whole;
        }
        return theme;
    }

    /// <summary>Liquid tags of the layout that mention the page's rendered content.</summary>
    [GeneratedRegex(@"\{[{%][^}]*\bcontent\b[^}]*[}%]\}")]
    private static partial Regex ContentSlot();

    private readonly Dictionary<string, Template> _wholePages = new(StringComparer.Ordinal);

    /// <summary>Whether pages of this template render with their layout in one pass.</summary>
    internal bool RendersInOnePass(string template) => _wholePages.ContainsKey(template);

    private static SortedDictionary<string, (string File, string Text)> Sources(string folder) =>
        Directory.Exists(folder)
            ? new(Directory.GetFiles(folder, "*.liquid").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => (f, File.ReadAllText(f))), StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    private static Template? Parse(string file, string text, DiagnosticBag diagnostics)
    {
        var template = Template.ParseLiquid(text, file);
        foreach (var message in template.Messages)
            diagnostics.Error(DisplayPath.For(file), message.Span.Start.Line + 1, message.Span.Start.Column + 1, Codes.OutputFailed, "template: " + message.Message);
        return template.HasErrors ? null : template;
    }

    /// <summary>Writes each {% include 'name' %} out as the partial's text (partials may include partials).</summary>
    private static string? Expand(string text, SortedDictionary<string, (string File, string Text)> partials, string file, DiagnosticBag diagnostics, int depth)
    {
        var failed = false;
        var expanded = Include().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            if (depth < 8 && partials.TryGetValue(name, out var partial))
                return Expand(partial.Text, partials, partial.File, diagnostics, depth + 1) ?? "";
            failed = true;
            diagnostics.Error(DisplayPath.For(file), 1, 1, Codes.OutputFailed,
                depth >= 8 ? $"template: partials include each other too deeply at '{name}'" : $"template: no partial '{name}.liquid' in templates/partials");
            return "";
        });
        return failed ? null : expanded;
    }

    /// <summary>Writes the page, in its layout, to <paramref name="output"/>.</summary>
    public void Render(SiteView site, PageView page, TextWriter output)
    {
        if (!_templates.TryGetValue(page.Template, out var template))
            throw new InvalidOperationException($"theme has no template '{page.Template}.liquid' in {_folder}");
        if (_wholePages.TryGetValue(page.Template, out var whole))
        {
            RenderOne(whole, site, page, null, output);
            return;
        }
        var content = RenderOne(template, site, page, null, null);
        RenderOne(_templates["layout"], site, page, content, output);
    }

    /// <summary>Renders to <paramref name="output"/>, or returns the text when there is none.</summary>
    private string? RenderOne(Template template, SiteView site, PageView page, string? content, TextWriter? output)
    {
        var context = ContextForThisThread();
        context.PushGlobal(new ScriptObject { ["site"] = site, ["page"] = page, ["content"] = content ?? "" });
        if (output is not null) context.PushOutput(new TextWriterOutput(output));
        try
        {
            var text = template.Render(context);
            return output is null ? text : null;
        }
        finally
        {
            if (output is not null) context.PopOutput();
            // A template that failed half-way leaves its text behind; the next page must not start with it.
            if (context.Output is StringBuilderOutput buffered) buffered.Builder.Length = 0;
            context.PopGlobal();
        }
    }

    // A Liquid context sets up every built-in filter when it is created, which costs more than
    // rendering a page: each rendering thread keeps one and only swaps the page's globals.
    [ThreadStatic] private static LiquidTemplateContext? _threadContext;
    [ThreadStatic] private static ThemeTemplates? _threadContextOwner;

    private LiquidTemplateContext ContextForThisThread()
    {
        if (_threadContext is not null && ReferenceEquals(_threadContextOwner, this)) return _threadContext;
        var context = new LiquidTemplateContext
        {
            StrictVariables = false, EnableRelaxedMemberAccess = true, LoopLimit = 0, RecursiveLimit = 50,
        };
        (_threadContext, _threadContextOwner) = (context, this);
        return context;
    }
}
