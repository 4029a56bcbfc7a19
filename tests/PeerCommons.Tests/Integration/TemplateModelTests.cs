using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PeerCommons.Render.Views;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>What a template can read (docs/theming.md), and that a page is never cut short.</summary>
public sealed partial class TemplateModelTests
{
    [Fact]
    public void Templates_and_partials_read_the_documented_model_and_print_it_as_it_is()
    {
        using var temp = new TempFolder();
        var content = temp.Path("site", "content");
        Build.CopyFolder(Build.ValidContent, content);
        // A title with characters HTML must escape: the model has it escaped once, and templates print it as is.
        var mutuality = Path.Combine(content, "values", "mutuality.md");
        File.WriteAllText(mutuality, Regex.Replace(File.ReadAllText(mutuality), "(?m)^title: .*$", "title: \"Give & take <together>\""));
        temp.Write("site/theme/templates/entry.liquid",
            "<div id=\"probe\">[template={{ page.template }}][title={{ page.title }}][kind={{ page.kind }}][kind_label={{ page.kind_label }}]" +
            "[site={{ site.title }}][language={{ site.language }}][nav={% for item in site.nav %}{{ item.label }};{% endfor %}]" +
            "[crumbs={% for crumb in page.breadcrumbs %}{{ crumb.title }}>{{ crumb.url }};{% endfor %}]" +
            "[toc={% for heading in page.toc %}{{ heading.id }}/{{ heading.level }};{% endfor %}][toc_size={{ page.toc.size }}]" +
            "[missing={{ page.no_such_member }}]{% assign title = 'local' %}[assigned={{ title }}/{{ page.title }}]" +
            "{% render 'probe', thing: page.kind_label %}</div>\n");
        temp.Write("site/theme/templates/partials/probe.liquid",
            "{% comment %}\nInputs: thing (any text), and page and site as every template.\n{% endcomment %}[partial={{ thing }}|{{ page.title }}|{{ site.title }}]");

        var result = Build.Write(content, temp.Path("out"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        var html = File.ReadAllText(temp.Path("out", "values", "mutuality", "index.html"));
        var probe = html[html.IndexOf("<div id=\"probe\">", StringComparison.Ordinal)..];
        Assert.StartsWith(
            "<div id=\"probe\">[template=entry][title=Give &amp; take &lt;together&gt;][kind=value][kind_label=Value]" +
            "[site=Fixture Commons][language=en-GB][nav=Projects;Values;Curricula;History;Communities;]", probe);
        Assert.Contains("[crumbs=Home>../../index.html;Values>../../values/index.html;]", probe);
        Assert.Contains("[toc=what-it-means-in-practice/2;tensions/2;tensions-2/2;][toc_size=3]", probe);
        Assert.Contains("[missing=][assigned=local/Give &amp; take &lt;together&gt;]", probe);
        Assert.Contains("[partial=Value|Give &amp; take &lt;together&gt;|Fixture Commons]</div>", probe);
        // The layout still comes from the bundled theme, around the site's own entry template.
        Assert.Contains("<title>Give &amp; take &lt;together&gt; · Fixture Commons</title>", html);
    }

    [Fact]
    public void The_documented_model_is_exactly_what_the_view_types_expose()
    {
        var doc = File.ReadAllText(Repo.Path("docs", "theming.md"));
        var rows = TableRow().Matches(doc).ToDictionary(m => m.Groups["type"].Value, m => m.Groups["members"].Value.Split(", ").ToHashSet());
        var types = typeof(PageView).Assembly.GetTypes().Where(t => t.Namespace == typeof(PageView).Namespace && t.IsPublic);
        // Every difference at once, so one run says everything the document must change.
        var problems = new List<string>();
        foreach (var type in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var exposed = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToHashSet();
            if (!rows.TryGetValue(type.Name, out var documented))
                problems.Add($"docs/theming.md has no row for {type.Name} (it exposes {string.Join(", ", exposed.Order())})");
            else if (!exposed.SetEquals(documented))
                problems.Add($"{type.Name}: documented [{string.Join(", ", documented.Order())}], exposed [{string.Join(", ", exposed.Order())}]");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"^\| (?:`\w+` \()?(?<type>[A-Z]\w+View|NavItem|TocItem)\)?(?: \([^|]*\))? \| (?<members>[a-z_, ]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [Fact]
    public void A_print_view_of_three_modules_of_360_kB_each_is_written_whole()
    {
        // Over 1,048,576 characters in all: the page must end as the theme ends it, every module complete.
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        var modules = Directory.GetFiles(Path.Combine(content, "curricula", "peer-basics"), "0*.md").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, modules.Count);
        foreach (var (module, i) in modules.Select((m, i) => (m, i)))
        {
            var prose = new StringBuilder();
            for (var paragraph = 0; prose.Length < 360_000; paragraph++)
                prose.Append($"\n\nParagraph {paragraph} of module {i}: peers listen, share what helped them and decide together what comes next, at their own pace and in their own words.");
            File.AppendAllText(module, prose + $"\n\nThe last words of module {i}.\n");
        }

        var result = Build.Write(content, temp.Path("out"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        var page = File.ReadAllText(temp.Path("out", "curricula", "peer-basics", "print", "index.html"));
        Assert.True(page.Length > 1_080_000, $"the print view has {page.Length} characters");
        for (var i = 0; i < 3; i++) Assert.Contains($"<p>The last words of module {i}.</p>", page);
        Assert.Contains("</main>\n<footer class=\"site-footer\">", page);
        Assert.EndsWith("</body>\n</html>\n", page);
    }
}
