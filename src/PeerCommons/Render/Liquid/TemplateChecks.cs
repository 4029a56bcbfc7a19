using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using PeerCommons.Diagnostics;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// What Fluid would only find while rendering a page (a filter it does not know, a partial that is
/// not there), found when the theme loads and reported at its line and column in the template, so
/// a typo in a theme is one located diagnostic rather than one failure per page.
/// </summary>
internal static partial class TemplateChecks
{
    /// <summary>Checks one template; returns the partials it renders (for <see cref="Cycles"/>).</summary>
    public static IReadOnlySet<string> Run(IFluidTemplate template, string file, string text, TemplateOptions options, PartialStore partials, DiagnosticBag diagnostics)
    {
        var found = new Finder();
        found.VisitTemplate(template);
        foreach (var name in found.Filters.Where(f => !options.Filters.TryGetValue(f, out _)))
        {
            var (line, column) = Locate(text, FilterUse(name));
            diagnostics.Error(file, line, column, Codes.TemplateError, $"template: unknown filter '{name}'; see docs/theming.md for the filters a template can use");
        }
        foreach (var name in found.Partials.Where(p => !partials.Contains(p)))
        {
            var (line, column) = Locate(text, PartialUse(name));
            diagnostics.Error(file, line, column, Codes.TemplateError, $"template: no partial '{name}.liquid' in templates/partials of the theme or the site's theme folder");
        }
        return found.Partials;
    }

    /// <summary>
    /// A partial that renders itself, directly or through others, would never end: reported at the
    /// render tag that closes the circle. <paramref name="partials"/>: by name ("footer"), its file,
    /// its text and the partials it renders.
    /// </summary>
    public static void Cycles(IReadOnlyDictionary<string, (string File, string Text, IReadOnlySet<string> Renders)> partials, DiagnosticBag diagnostics)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        void Visit(string name)
        {
            if (done.Contains(name) || !partials.TryGetValue(name, out var partial)) return;
            path.Add(name);
            foreach (var next in partial.Renders)
            {
                if (path.Contains(next))
                {
                    var (line, column) = Locate(partial.Text, PartialUse(next));
                    var circle = string.Join(" → ", path.SkipWhile(p => p != next).Append(next));
                    diagnostics.Error(partial.File, line, column, Codes.TemplateError, $"template: partials render each other in a circle that never ends ({circle})");
                }
                else Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(name);
        }
        foreach (var name in partials.Keys.Order(StringComparer.Ordinal)) Visit(name);
    }

    /// <summary>Line and column (from 1) of Fluid's "... at (line:column)" parse error.</summary>
    public static (int Line, int Column, string Message) ParseError(string error)
    {
        var first = error.Split('\n')[0];
        var at = ParsePosition().Match(first);
        return at.Success
            ? (int.Parse(at.Groups[1].Value), int.Parse(at.Groups[2].Value), first[..at.Index].Trim())
            : (1, 1, first.Trim());
    }

    [GeneratedRegex(@"\s+at \((\d+):(\d+)\)")]
    private static partial Regex ParsePosition();

    private static Regex FilterUse(string name) => new(@"\|\s*" + Regex.Escape(name) + @"\b");

    private static Regex PartialUse(string name) => new(@"\{%-?\s*(render|include)\s+['""]" + Regex.Escape(name) + "['\"]");

    private static (int Line, int Column) Locate(string text, Regex pattern)
    {
        var match = pattern.Match(text);
        if (!match.Success) return (1, 1);
        var before = text.AsSpan(0, match.Index);
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count('\n') + 1, match.Index - lineStart + 1);
    }

    private sealed class Finder : AstVisitor
    {
        public SortedSet<string> Filters { get; } = new(StringComparer.Ordinal);
        public SortedSet<string> Partials { get; } = new(StringComparer.Ordinal);

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            Filters.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }

        protected override Statement VisitRenderStatement(RenderStatement renderStatement)
        {
            Partials.Add(renderStatement.Path);
            return base.VisitRenderStatement(renderStatement);
        }
    }
}
