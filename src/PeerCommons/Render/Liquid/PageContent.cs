using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// The layout's {{ content }}: the page's own template, rendered straight into the layout's output
/// where the layout prints it. A page is then written in one pass, and its body never becomes a
/// separate string (large pages would each be a large-object allocation, and a string cap could cut them).
/// </summary>
internal sealed class PageContent(IFluidTemplate template, TemplateContext context) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) =>
        template.RenderAsync(writer, encoder, context);

    /// <summary>Only when a layout does more than print it (a filter, a comparison): the page as text.</summary>
    public override string ToStringValue() => RenderNow.AsText(template, context);

    public override bool Equals(FluidValue other) => other is not null && ToStringValue() == other.ToStringValue();
    public override bool ToBooleanValue() => true;
    public override decimal ToNumberValue() => 0;
    public override object ToObjectValue() => ToStringValue();
    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);
    public override int GetHashCode() => template.GetHashCode();
}
