using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;

namespace PeerCommons.Render.Liquid;

/// <summary>Renders a template on the calling thread: pages are rendered from memory, so Fluid's rendering completes synchronously.</summary>
internal static class RenderNow
{
    /// <summary>Renders into <paramref name="output"/>; a Task is made only in the rare case that rendering did not complete at once.</summary>
    public static void Into(IFluidTemplate template, TextWriter output, TextEncoder encoder, TemplateContext context)
    {
        var rendering = template.RenderAsync(output, encoder, context);
        if (rendering.IsCompletedSuccessfully) rendering.GetAwaiter().GetResult();
        else rendering.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The template's output as text, unencoded (its values are HTML already).</summary>
    public static string AsText(IFluidTemplate template, TemplateContext context)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Into(template, text, NullEncoder.Default, context);
        return text.ToString();
    }
}
