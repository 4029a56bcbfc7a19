using System.Text.RegularExpressions;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The parts of the layout that read only the site (head links, header and navigation, footer) are
/// rendered once per site view and shared by pages: pages must be exactly what rendering every part
/// per page gives, and a part that reads the page, or a theme that gives <c>site</c> another value,
/// must still show each page its own.
/// </summary>
public sealed partial class SiteWidePartsTests
{
    private static readonly string BundledTemplates = Repo.Path("theme", "templates");

    private static BuildResult BuildSite(string output, string? overrides) =>
        Build.Write(Build.ValidContent, output, themeOverridesDirectory: overrides);

    [Fact]
    public void Pages_are_byte_for_byte_what_rendering_every_part_per_page_gives()
    {
        using var temp = new TempFolder();
        // Any template that can give 'site' another value turns the sharing off for the whole theme:
        // this layout is the bundled one, with an assignment that prints nothing.
        temp.Write("own/templates/layout.liquid", "{% assign site = site %}" + File.ReadAllText(Path.Combine(BundledTemplates, "layout.liquid")));
        var shared = BuildSite(temp.Path("shared"), null);
        var perPage = BuildSite(temp.Path("per-page"), temp.Path("own"));
        Assert.True(shared.Succeeded && perPage.Succeeded, Build.Describe(shared.Diagnostics.Concat(perPage.Diagnostics)));

        var pages = Build.Snapshot(temp.Path("shared"));
        Assert.True(pages.Count(p => p.Key.EndsWith(".html", StringComparison.Ordinal)) > 20);
        Assert.Equal(pages, Build.Snapshot(temp.Path("per-page")));
    }

    [Fact]
    public void A_footer_that_reads_the_page_shows_each_page_its_own_title()
    {
        using var temp = new TempFolder();
        temp.Write("own/templates/partials/footer.liquid", "<footer><p class=\"about\">About {{ page.title }} in {{ site.title }}</p></footer>\n");
        var result = BuildSite(temp.Path("out"), temp.Path("own"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var checkedPages = 0;
        foreach (var file in Directory.GetFiles(temp.Path("out"), "index.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            if (CurrentCrumb().Match(html) is not { Success: true } crumb) continue;
            Assert.Contains($"<p class=\"about\">About {crumb.Groups[1].Value} in ", html);
            checkedPages++;
        }
        Assert.True(checkedPages > 10, $"only {checkedPages} pages with a breadcrumb");
    }

    [Fact]
    public void A_page_template_that_assigns_site_changes_the_footer_of_its_own_pages_only()
    {
        using var temp = new TempFolder();
        // entry.liquid renders inside the layout, so what it assigns reaches the footer after {{ content }}.
        temp.Write("own/templates/entry.liquid", "{% assign site = page %}" + File.ReadAllText(Path.Combine(BundledTemplates, "entry.liquid")));
        var result = BuildSite(temp.Path("out"), temp.Path("own"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var value = File.ReadAllText(temp.Path("out", "values", "mutuality", "index.html"));
        var title = CurrentCrumb().Match(value).Groups[1].Value;
        Assert.NotEmpty(title);
        Assert.Contains($"<footer class=\"site-footer\">\n  <p>{title}", value);
        // The home page has its own template: its footer names the site.
        var home = File.ReadAllText(temp.Path("out", "index.html"));
        Assert.DoesNotContain($"<footer class=\"site-footer\">\n  <p>{title}", home);
        Assert.Contains("<footer class=\"site-footer\">\n  <p>" + SiteTitle().Match(home).Groups[1].Value, home);
    }

    /// <summary>The layout prints the page's title as the breadcrumb's last item.</summary>
    [GeneratedRegex("<span aria-current=\"page\">([^<]*)</span>")]
    private static partial Regex CurrentCrumb();

    [GeneratedRegex("<a class=\"site-title\" href=\"[^\"]*\">([^<]*)</a>")]
    private static partial Regex SiteTitle();
}
