using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// A small marker in each heading that has community annotations, linking to the first of them,
/// so a reader of the section sees at once that communities wrote about it.
/// </summary>
public static class AnnotationMarkers
{
    /// <summary>The marker to write at the end of each heading (by id) that annotations are placed on; see <see cref="PageLinks"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(IReadOnlyList<AnnotationView> placed) =>
        placed.GroupBy(a => a.SectionId, StringComparer.Ordinal).ToDictionary(
            notes => notes.Key,
            notes =>
            {
                var count = notes.Count();
                var label = count == 1 ? "1 community note" : $"{count} community notes";
                return $" <a class=\"annotation-marker\" href=\"#{notes.First().Anchor}\">{label}</a>";
            },
            StringComparer.Ordinal);
}
