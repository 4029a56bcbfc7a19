using System.Collections.Frozen;
using System.Reflection;
using Fluid;
using Fluid.Values;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// The members of one view model type a template can read, by the name it reads them with
/// (<c>body_html</c>), each a typed getter that returns the member as a <see cref="FluidValue"/>.
/// Made once per type, from the same public properties and names as Fluid's own registration
/// (<see cref="LiquidSetup"/>), so a template reads exactly what it read before.
/// </summary>
internal static class ViewMembers<TView> where TView : class
{
    private static readonly FrozenDictionary<string, int> Slots;
    private static readonly Func<TView, TemplateOptions, FluidValue>[] Readers;

    static ViewMembers()
    {
        var properties = typeof(TView).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetGetMethod() is not null).ToList();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        // As Fluid registers them: where two properties have one name, the later one is read.
        for (var i = 0; i < properties.Count; i++) slots[LiquidSetup.MemberNames(properties[i])] = i;
        Slots = slots.ToFrozenDictionary(StringComparer.Ordinal);
        Readers = properties.Select(p => (Func<TView, TemplateOptions, FluidValue>)typeof(ViewMembers<TView>)
            .GetMethod(nameof(ReaderOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(p.PropertyType).Invoke(null, [p])!).ToArray();
    }

    public static int Count => Readers.Length;

    public static bool TryGetSlot(string name, out int slot) => Slots.TryGetValue(name, out slot);

    public static FluidValue Read(int slot, TView view, TemplateOptions options) => Readers[slot](view, options);

    private static Func<TView, TemplateOptions, FluidValue> ReaderOf<TMember>(PropertyInfo property)
    {
        var get = property.GetGetMethod()!.CreateDelegate<Func<TView, TMember>>();
        var wrap = TemplateValue<TMember>.Wrap;
        return (view, options) => wrap(get(view), options);
    }
}

/// <summary>
/// How a member of type <typeparamref name="T"/> becomes a template value, chosen once per type:
/// what <see cref="FluidValue.Create"/> makes of it (with no value converters), without its type tests
/// on every read. A type without a shortcut here is left to <see cref="FluidValue.Create"/> itself.
/// </summary>
internal static class TemplateValue<T>
{
    public static readonly Func<T, TemplateOptions, FluidValue> Wrap = Choose();

    private static Func<T, TemplateOptions, FluidValue> Choose()
    {
        var type = typeof(T);
        Delegate? wrap = null;
        if (type == typeof(string)) wrap = (Func<string?, TemplateOptions, FluidValue>)((text, _) => text is null ? NilValue.Instance : new StringValue(text));
        else if (type == typeof(bool)) wrap = (Func<bool, TemplateOptions, FluidValue>)((flag, _) => BooleanValue.Create(flag));
        else if (type == typeof(int)) wrap = (Func<int, TemplateOptions, FluidValue>)((number, _) => NumberValue.Create(number));
        else if (IsView(type)) wrap = Method(nameof(ViewOf), type);
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) wrap = Method(nameof(ListOf), type.GetGenericArguments()[0]);
        return (Func<T, TemplateOptions, FluidValue>?)wrap ?? ((value, options) => FluidValue.Create(value, options));
    }

    /// <summary>The types a template reads as views: the sealed classes of Render/Views (a subclass could have more members).</summary>
    private static bool IsView(Type type) =>
        type is { IsClass: true, IsSealed: true } && type.Namespace == typeof(Views.PageView).Namespace && type.Assembly == typeof(TemplateValue<>).Assembly;

    private static Delegate Method(string name, Type argument) =>
        typeof(TemplateValue<T>).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(argument).CreateDelegate<Func<T, TemplateOptions, FluidValue>>();

    private static FluidValue ViewOf<TView>(T value, TemplateOptions options) where TView : class =>
        value is TView view ? new ViewValue<TView>(view) : NilValue.Instance;

    /// <summary>A list as <see cref="FluidValue.Create"/> makes it: the one empty array, or each item wrapped.</summary>
    private static FluidValue ListOf<TItem>(T value, TemplateOptions options)
    {
        if (value is not IReadOnlyList<TItem> items) return NilValue.Instance;
        if (items.Count == 0) return ArrayValue.Empty;
        var wrap = TemplateValue<TItem>.Wrap;
        var values = new FluidValue[items.Count];
        for (var i = 0; i < values.Length; i++) values[i] = wrap(items[i], options);
        return new ArrayValue(values);
    }
}
