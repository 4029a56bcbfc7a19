using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// Puts a small marker in each heading that has community annotations, linking to the first of
/// them, so a reader of the section sees at once that communities wrote about it.
/// </summary>
public static class AnnotationMarkers
{
    private static readonly object Marked = new();

    /// <summary>Adds the markers once; a document rendered for a second view already has them.</summary>
    public static void Add(MarkdownDocument document, IReadOnlyList<AnnotationView> placed)
    {
        if (placed.Count == 0) return;
        foreach (var heading in document.OfType<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            var notes = placed.Where(a => a.SectionId == id).ToList();
            if (notes.Count == 0 || heading.Inline is null || heading.GetData(Marked) is not null) continue;
            heading.SetData(Marked, true);
            var label = notes.Count == 1 ? "1 community note" : $"{notes.Count} community notes";
            heading.Inline.AppendChild(new HtmlInline($" <a class=\"annotation-marker\" href=\"#{notes[0].Anchor}\">{label}</a>"));
        }
    }
}
