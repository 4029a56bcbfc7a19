using System.Reflection;
using System.Text;
using System.Text.Json;
using Fluid;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Liquid;
using PeerCommons.Render.Views;
using PeerCommons.Tests.Support;
using PeerCommons.Write;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// Templates read the view models through <see cref="ViewValue{TView}"/>, a faster way than Fluid's own
/// member access: a theme must see exactly what Fluid's way shows, member by member, on every kind of page.
/// </summary>
public sealed class ViewValueTests
{
    private static readonly Lazy<RenderContext> Context = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(Build.ValidContent, diagnostics);
        return new RenderContext(site, MarkdownStage.Parse(site, diagnostics), new AssetPaths("a.css", "p.css", "a.js", "s.js", "l.js"), diagnostics);
    });

    /// <summary>Every page of the valid fixture: entries, trainer and print views, lists, tags, home, search, 404.</summary>
    private static List<(string Page, PageView View)> AllPages()
    {
        var context = Context.Value;
        var pages = new List<(string, PageView)>();
        foreach (var entry in context.Site.Pages)
        {
            pages.AddRange(EntryPageBuilder.Build(entry, context));
            if (entry.Kind == EntryKind.Curriculum) pages.AddRange(PrintPage.Build(entry, context));
        }
        pages.AddRange(IndexPageBuilder.Pages(context).Select(p => (p.Page, p.View())));
        return pages;
    }

    [Fact]
    public void Every_member_of_every_page_reads_as_Fluid_reads_it()
    {
        var page = Probe(typeof(PageView), "page", 0);
        var site = Probe(typeof(SiteView), "site", 0);
        // A dotted name inside brackets is left to Fluid's own way; a missing member is nothing.
        var template = Parse(page + site + """[{{ page["pager.total"] }}|{{ page["title"] }}|{{ page.no_such_member }}|{{ site.nav.first.label }}]""");
        var options = LiquidSetup.OptionsFor(new PartialStore());
        var pages = AllPages();
        Assert.Contains(pages, p => p.View.Template == "print");
        Assert.Contains(pages, p => p.View.Items.Count > 0 && p.View.CommunityOptions.Count > 0);
        foreach (var (path, view) in pages)
        {
            var siteView = Context.Value.SiteView(path, null);
            var fluids = Render(template, options, view, siteView);
            var fast = new ViewValue<PageView>(view);
            var fastSite = new ViewValue<SiteView>(siteView);
            // Twice with the same values: the second time reads what the first one kept.
            for (var time = 0; time < 2; time++)
                Assert.Equal(fluids, Render(template, options, fast, fastSite));
            Assert.Contains($"[page.title={view.Title}|true|]", fluids);
        }
    }

    private static IFluidTemplate Parse(string text) =>
        LiquidSetup.Parser.TryParse(text, out var template, out var error) ? template : throw new InvalidOperationException(error);

    private static string Render(IFluidTemplate template, TemplateOptions options, object page, object site)
    {
        var context = new TemplateContext(options);
        context.SetValue("page", page);
        context.SetValue("site", site);
        return template.Render(context, NullEncoder.Default);
    }

    /// <summary>A template that prints each member under <paramref name="path"/>, and tests it, and each item of each list.</summary>
    private static string Probe(Type type, string path, int depth)
    {
        var text = new StringBuilder();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var member = $"{path}.{JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name)}";
            var kind = property.PropertyType;
            text.Append($"[{member}={{{{ {member} }}}}|{{% if {member} %}}true{{% else %}}false{{% endif %}}|{{% if {member} == empty %}}empty{{% endif %}}]");
            if (kind.IsGenericType && kind.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                var item = $"item{depth}";
                var itemType = kind.GetGenericArguments()[0];
                text.Append($"[{member}.size={{{{ {member}.size }}}}]{{% for {item} in {member} %}}({{{{ forloop.index }}}}:");
                text.Append(itemType == typeof(string) ? $"{{{{ {item} }}}}" : Probe(itemType, item, depth + 1));
                text.Append(")}{% endfor %}");
            }
            else if (kind.Namespace == typeof(PageView).Namespace) text.Append(Probe(kind, member, depth + 1));
        }
        return text.ToString();
    }
}
