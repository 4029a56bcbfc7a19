using Fluid;
using Fluid.Ast;
using Fluid.Parser;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// Finds the parts of the layout that read nothing but <c>site</c> (the head's asset links, the
/// header and navigation, the footer) and has each rendered once per site view instead of once per
/// page (<see cref="SiteWideRun"/>). A site view is shared by every page at one folder depth and
/// section, so at 10,000 entries about 27,000 pages share a few dozen of them.
/// </summary>
/// <remarks>
/// A part is site-wide only when that is proven from the parsed template: text, comments, and
/// <c>if</c>, <c>unless</c>, <c>for</c>, output and <c>render</c> (of a partial that is itself
/// site-wide, without arguments) whose every value is read from <c>site</c> or from the variable of
/// a loop over it, without filters. Anything else (a read of <c>page</c>, a filter, any other tag) keeps
/// its part rendered per page. When any template or partial of the theme can give the name
/// <c>site</c> another value (assign, capture, a loop variable, increment, a render's alias or
/// argument), nothing is rendered once: a page's template renders inside the layout, so what it
/// assigns would reach the parts of the layout after <c>{{ content }}</c>.
/// </remarks>
internal static class SiteWideParts
{
    private const string Site = "site";

    /// <summary>
    /// The layout with each run of site-wide statements (holding more than text) as one
    /// <see cref="SiteWideRun"/>; the layout itself when the theme can give <c>site</c> another value.
    /// </summary>
    /// <param name="templates">Every parsed page template and partial of the theme.</param>
    /// <param name="partials">The parsed partials, by the name <c>{% render %}</c> gives ("footer").</param>
    public static IFluidTemplate Apply(IFluidTemplate layout, IEnumerable<IFluidTemplate> templates, IReadOnlyDictionary<string, IFluidTemplate> partials)
    {
        if (layout is not FluidTemplate parsed || templates.Any(RedefinesSite)) return layout;
        var analysis = new Analysis(partials);
        var siteOnly = new HashSet<string>(StringComparer.Ordinal) { Site };
        var statements = new List<Statement>();
        var run = new List<Statement>();
        void EndRun()
        {
            // A run of text alone is already as cheap as a copy of it.
            if (run.All(s => s is TextSpanStatement or CommentStatement)) statements.AddRange(run);
            else statements.Add(new SiteWideRun(new FluidTemplate(run.ToArray())));
            run.Clear();
        }
        foreach (var statement in parsed.Statements)
        {
            if (analysis.Statement(statement, siteOnly)) run.Add(statement);
            else
            {
                EndRun();
                statements.Add(statement);
            }
        }
        EndRun();
        return new FluidTemplate(statements.ToArray());
    }

    private static bool RedefinesSite(IFluidTemplate template)
    {
        var finder = new SiteDefinitions();
        finder.VisitTemplate(template);
        return finder.Found;
    }

    /// <summary>Finds every statement that can give a name a value, and notes whether one names <c>site</c>.</summary>
    private sealed class SiteDefinitions : AstVisitor
    {
        public bool Found { get; private set; }

        private void Defines(string? name) => Found |= name == Site;

        protected override Statement VisitAssignStatement(AssignStatement s) { Defines(s.Identifier); return base.VisitAssignStatement(s); }
        protected override Statement VisitCaptureStatement(CaptureStatement s) { Defines(s.Identifier); return base.VisitCaptureStatement(s); }
        protected override Statement VisitForStatement(ForStatement s) { Defines(s.Identifier); return base.VisitForStatement(s); }
        protected override Statement VisitTableRowStatement(TableRowStatement s) { Defines(s.Identifier); return base.VisitTableRowStatement(s); }
        protected override Statement VisitIncrementStatement(IncrementStatement s) { Defines(s.Identifier); return base.VisitIncrementStatement(s); }
        protected override Statement VisitDecrementStatement(DecrementStatement s) { Defines(s.Identifier); return base.VisitDecrementStatement(s); }
        protected override Statement VisitMacroStatement(MacroStatement s) { Defines(s.Identifier); return base.VisitMacroStatement(s); }

        protected override Statement VisitRenderStatement(RenderStatement s)
        {
            Defines(s.Alias);
            foreach (var assign in s.AssignStatements ?? []) Defines(assign.Identifier);
            return base.VisitRenderStatement(s);
        }

        protected override Statement VisitIncludeStatement(IncludeStatement s)
        {
            Defines(s.Alias);
            foreach (var assign in s.AssignStatements ?? []) Defines(assign.Identifier);
            return base.VisitIncludeStatement(s);
        }
    }

    /// <summary>Whether statements and expressions read only the names given (site, and loop variables over it).</summary>
    private sealed class Analysis(IReadOnlyDictionary<string, IFluidTemplate> partials)
    {
        /// <summary>Partials being looked at, so partials that render each other (a theme error) end the walk.</summary>
        private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

        public bool Statement(Statement statement, IReadOnlySet<string> names) => statement switch
        {
            TextSpanStatement or CommentStatement => true,
            OutputStatement output => output.Filters is not { Count: > 0 } && Expression(output.Expression, names),
            IfStatement branch => Expression(branch.Condition, names) && Statements(branch.Statements, names)
                && branch.ElseIfs.All(e => Expression(e.Condition, names) && Statements(e.Statements, names))
                && (branch.Else is null || Statements(branch.Else.Statements, names)),
            UnlessStatement unless => Expression(unless.Condition, names) && Statements(unless.Statements, names)
                && (unless.Else is null || Statements(unless.Else.Statements, names)),
            ForStatement loop => loop.Range is null && !loop.OffsetIsContinue && Expression(loop.Source, names)
                && (loop.Limit is null || Expression(loop.Limit, names)) && (loop.Offset is null || Expression(loop.Offset, names))
                && Statements(loop.Statements, new HashSet<string>(names, StringComparer.Ordinal) { loop.Identifier, "forloop" })
                && (loop.Else is null || Statements(loop.Else.Statements, names)),
            RenderStatement render => render.With is null && render.For is null && render.Alias is null
                && render.AssignStatements is not { Count: > 0 } && Partial(render.Path),
            _ => false,
        };

        private bool Statements(IReadOnlyList<Statement> statements, IReadOnlySet<string> names) => statements.All(s => Statement(s, names));

        private bool Partial(string path)
        {
            var name = path.EndsWith(".liquid", StringComparison.Ordinal) ? path[..^".liquid".Length] : path;
            if (!partials.TryGetValue(name, out var partial) || partial is not FluidTemplate parsed || !_entered.Add(name)) return false;
            var siteWide = Statements(parsed.Statements, new HashSet<string>(StringComparer.Ordinal) { Site });
            _entered.Remove(name);
            return siteWide;
        }

        private static bool Expression(Expression expression, IReadOnlySet<string> names) => expression switch
        {
            LiteralExpression => true,
            MemberExpression member => member.Segments.Count > 0 && member.Segments[0] is IdentifierSegment root && names.Contains(root.Identifier)
                && member.Segments.Skip(1).All(s => s is IdentifierSegment || s is IndexerSegment indexer && Expression(indexer.Expression, names)),
            BinaryExpression binary => Expression(binary.Left, names) && Expression(binary.Right, names),
            _ => false,
        };
    }
}
