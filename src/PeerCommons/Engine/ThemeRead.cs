using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Pipeline;
using PeerCommons.Render;

namespace PeerCommons.Engine;

/// <summary>The theme as one run reads it: its layers (null when there is none), its parsed templates and what is wrong with them.</summary>
internal sealed record ThemeRead(ThemeLayers? Layers, ThemeTemplates? Templates, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static ThemeRead From(BuildOptions options)
    {
        if (ThemeLocator.Find(options) is not { } layers) return new ThemeRead(null, null, []);
        var bag = new DiagnosticBag();
        var templates = ThemeTemplates.Load(layers, bag);
        return new ThemeRead(layers, templates, bag.Sorted().ToList());
    }
}
