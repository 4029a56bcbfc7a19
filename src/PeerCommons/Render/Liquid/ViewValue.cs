using Fluid;
using Fluid.Values;
using PeerCommons.Render.Views;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// A view model (Render/Views) as a template reads it: <c>page.title</c> goes straight to a typed
/// getter that makes the value Fluid would have made, found by name alone, and made once per view.
/// </summary>
/// <remarks>
/// Fluid wraps a plain object in an <see cref="ObjectValue"/>, and each member read looks its accessor
/// up by type and name, calls it through reflection-built code, and passes the result to
/// <see cref="FluidValue.Create"/>, which tests its type again before wrapping it; a list is wrapped
/// item by item again at each read (<c>page.annotations.size</c>, then each loop over it). That was
/// 6.5% of a 10,000-entry build's CPU (perf, 2026-11-28), for about 27,000 pages that each read a few
/// hundred members. The values are the same (a string is a <see cref="StringValue"/>, a list an
/// <see cref="ArrayValue"/>, a nested view another ViewValue, which behaves as an ObjectValue does);
/// any other name, or options that convert values, take Fluid's own way. A view is read-only, so the
/// page's and the site's values, once made, serve every later read of them on the page (the site's on
/// every page that shares it). A smaller view (a list item) keeps nothing: its members are mostly read
/// once, and an array to keep them in cost more than it saved (33 MB more allocated for 2,733 pages).
/// </remarks>
internal sealed class ViewValue<TView> : ObjectValueBase where TView : class
{
    /// <summary>Only the views a page reads again and again keep the values they made.</summary>
    private static readonly bool Keeps = typeof(TView) == typeof(PageView) || typeof(TView) == typeof(SiteView);

    /// <summary>Each member's value once read (by <see cref="ViewMembers{TView}"/> slot), made on the first read.</summary>
    private FluidValue?[]? _read;

    public ViewValue(TView view) : base(view) { }

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context)
    {
        if (context.Options.ValueConverters.Count > 0 || !ViewMembers<TView>.TryGetSlot(name, out var slot))
            return base.GetValueAsync(name, context);
        if (!Keeps) return new ValueTask<FluidValue>(ViewMembers<TView>.Read(slot, (TView)Value, context.Options));
        var read = _read ??= new FluidValue?[ViewMembers<TView>.Count];
        // Two threads reading a shared view may both make a value: equal values, and either is kept.
        return new ValueTask<FluidValue>(read[slot] ??= ViewMembers<TView>.Read(slot, (TView)Value, context.Options));
    }
}
