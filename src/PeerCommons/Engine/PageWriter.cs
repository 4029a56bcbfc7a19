using PeerCommons.Diagnostics;
using PeerCommons.Render;
using PeerCommons.Render.Views;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>Renders one page's view with the theme into the sink, and hands its HTML to the link check. Thread-safe.</summary>
internal sealed class PageWriter(RenderContext context, ThemeTemplates templates, IOutputSink sink, SiteLinkCheck links)
{
    /// <returns>The page's file, below the site root.</returns>
    public string Write(string page, PageView view, string? section)
    {
        var file = SitePaths.FileOf(page);
        var writer = Utf8PageWriter.ForThisThread();
        try
        {
            templates.Render(context.SiteView(page, section), view, writer);
        }
        catch (TemplateRenderException ex)
        {
            // The template is at fault, not the entry: the diagnostic names the template, and the page.
            context.Diagnostics.Error(ex.Template, 1, 1, Codes.TemplateError, $"template: page '{page}' could not be rendered: {ex.Message}");
            return file;
        }
        var html = writer.Written;
        sink.Write(file, html);
        links.Record(file, html);
        return file;
    }
}
