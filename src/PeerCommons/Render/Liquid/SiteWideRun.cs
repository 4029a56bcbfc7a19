using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;
using PeerCommons.Render.Views;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// Statements of the layout that read only <c>site</c> (<see cref="SiteWideParts"/>): rendered once
/// per site view, the text then written on every page that shares the view. The parts of the default
/// layout that qualify (the head's asset links, the header with its navigation, the footer) were
/// about a fifth of the templates' CPU on a 10,000-entry build (perf, 2026-11-28: 1,740 samples of
/// ThemeTemplates.Render before, 1,403 after).
/// </summary>
internal sealed class SiteWideRun(FluidTemplate statements) : Statement
{
    /// <summary>The run's text, by the site view it was rendered with (a view is one object per depth and section).</summary>
    private readonly ConditionalWeakTable<SiteView, string> _rendered = new();

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var site = context.GetValue("site");
        // Pages are rendered without encoding (their values are HTML already); another way is rendered as it comes.
        if (encoder != NullEncoder.Default || site.ToObjectValue() is not SiteView view) return RenderHere(writer, encoder, context);
        if (!_rendered.TryGetValue(view, out var text))
        {
            // Two pages of one view may render it at once: the same text, and either is kept.
            text = RenderOnce(site, context.Options);
            _rendered.AddOrUpdate(view, text);
        }
        writer.Write(text);
        return new ValueTask<Completion>(Completion.Normal);
    }

    private async ValueTask<Completion> RenderHere(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        await statements.RenderAsync(writer, encoder, context);
        return Completion.Normal;
    }

    /// <summary>The run in a context that holds only the site: all these statements can read.</summary>
    private string RenderOnce(FluidValue site, TemplateOptions options)
    {
        var context = new TemplateContext(options);
        context.SetValue("site", site);
        return RenderNow.AsText(statements, context);
    }
}
