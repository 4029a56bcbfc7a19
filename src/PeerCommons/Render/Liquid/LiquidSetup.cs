using Fluid;
using PeerCommons.Render.Views;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// Fluid set up once for the whole process: the parser, and the read-only model a template may
/// read (the view types of Render/Views, members in snake_case: page.body_html). Built-in filters
/// come with each theme's options; nothing else is registered, so every template sees the same.
/// </summary>
internal static class LiquidSetup
{
    public static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false, AllowParentheses = false });

    /// <summary>The name a template reads a view's member by: page.body_html for PageView.BodyHtml.</summary>
    public static readonly MemberNameStrategy MemberNames = MemberNameStrategies.SnakeCase;

    private static readonly MemberAccessStrategy Members = CreateMembers();

    private static MemberAccessStrategy CreateMembers()
    {
        // Pages hand their views to templates as ViewValues, which read these same members faster;
        // the registration stays for what they leave to Fluid (a name with a dot in it).
        var members = new DefaultMemberAccessStrategy { MemberNameStrategy = MemberNames };
        // Only the view models: a template can read what the page was built to show, and nothing else.
        foreach (var type in typeof(PageView).Assembly.GetTypes().Where(t => t.Namespace == typeof(PageView).Namespace && t.IsPublic))
            members.Register(type);
        return members;
    }

    /// <summary>Options for one loaded theme: its partials, the model, a missing filter as an error.</summary>
    public static TemplateOptions OptionsFor(PartialStore partials) => new()
    {
        MemberAccessStrategy = Members,
        FileProvider = partials,
        StrictFilters = true,
        // A site of many pages may loop over thousands of items; no step limit, and no output limit either.
        MaxSteps = 0,
        MaxRecursion = 50,
        CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
        TimeZone = TimeZoneInfo.Utc,
    };
}
