using PeerCommons.Diagnostics;
using PeerCommons.Pipeline;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// A site's own theme folder over the bundled theme (docs/theming.md): single files replaced,
/// everything else bundled, and mistakes in the site's files reported where they are.
/// </summary>
public sealed class ThemeOverrideTests
{
    private static readonly string Overrides = Build.Fixture("theme-overrides", "theme");

    private static BuildResult BuildSite(string content, string output, string? overrides) =>
        Build.Write(content, output, themeOverridesDirectory: overrides);

    /// <summary>The valid content with the override fixture as theme/ beside it, found there without any option.</summary>
    private static string SiteWithOwnTheme(TempFolder temp)
    {
        Build.CopyFolder(Build.ValidContent, temp.Path("site", "content"));
        Build.CopyFolder(Overrides, temp.Path("site", "theme"));
        return temp.Path("site", "content");
    }

    [Fact]
    public void A_sites_own_partial_template_and_asset_replace_the_bundled_ones_and_nothing_else()
    {
        using var temp = new TempFolder();
        var own = BuildSite(Build.ValidContent, temp.Path("own"), Overrides);
        var plain = BuildSite(Build.ValidContent, temp.Path("plain"), null);
        Assert.True(own.Succeeded && plain.Succeeded, Build.Describe(own.Diagnostics.Concat(plain.Diagnostics)));

        // The partial: every page has the site's footer inside the bundled layout.
        var page = File.ReadAllText(temp.Path("own", "values", "mutuality", "index.html"));
        Assert.Contains("Run by the Riverside peer support group, for Fixture Commons.", page);
        Assert.DoesNotContain("Feed of updates", page);
        Assert.Contains("<main id=\"main\" tabindex=\"-1\">", page);
        // Apart from the footer (and the print stylesheet's name), the page is what the bundled theme makes.
        var bundledPage = File.ReadAllText(temp.Path("plain", "values", "mutuality", "index.html"));
        Assert.Equal(Before("<footer", bundledPage).Replace(PrintCss(temp.Path("plain")), "PRINT"), Before("<footer", page).Replace(PrintCss(temp.Path("own")), "PRINT"));

        // The template: the site's own 404 page.
        Assert.Contains("This site's own not-found page.", File.ReadAllText(temp.Path("own", "404.html")));
        Assert.DoesNotContain("This site's own not-found page.", File.ReadAllText(temp.Path("plain", "404.html")));

        // The asset: the site's print.css is published and linked; site.css is still the bundled one; logo.svg is added.
        Assert.Equal(File.ReadAllText(Path.Combine(Overrides, "assets", "print.css")), File.ReadAllText(temp.Path("own", PrintCss(temp.Path("own")))));
        Assert.Contains(PrintCss(temp.Path("own")), page);
        Assert.Equal(File.ReadAllBytes(Asset(temp.Path("plain"), "site.", ".css")), File.ReadAllBytes(Asset(temp.Path("own"), "site.", ".css")));
        Assert.NotNull(Asset(temp.Path("own"), "logo.", ".svg"));
    }

    [Fact]
    public void The_site_folder_beside_content_is_used_without_any_option()
    {
        using var temp = new TempFolder();
        var result = BuildSite(SiteWithOwnTheme(temp), temp.Path("out"), overrides: null);
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        Assert.Contains("Riverside peer support group", File.ReadAllText(temp.Path("out", "index.html")));
    }

    [Fact]
    public void A_mistake_in_a_sites_template_is_reported_at_its_line_and_column_and_the_previous_site_stays()
    {
        using var temp = new TempFolder();
        var content = SiteWithOwnTheme(temp);
        var output = temp.Path("site", "_site");
        Assert.True(BuildSite(content, output, null).Succeeded);
        var before = Build.Snapshot(output);
        var footer = temp.Path("site", "theme", "templates", "partials", "footer.liquid");

        (string Text, int Line, int Column, string Message)[] mistakes =
        [
            ("<footer>\n  <p>{{ site.title | upcasee }}</p>\n</footer>\n", 2, 20, "unknown filter 'upcasee'"),
            ("<footer>\n{% if site.title %}\n  <p>{{ site.title }}</p>\n{% endfi %}\n</footer>\n", 4, 1, "was expected"),
            ("<footer>\n\n   {% render 'credits', who: site.title %}\n</footer>\n", 3, 4, "no partial 'credits.liquid'"),
        ];
        foreach (var (text, line, column, message) in mistakes)
        {
            File.WriteAllText(footer, text);
            foreach (var result in new[] { BuildSite(content, output, null), Build.Check(content) })
            {
                var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
                Assert.Equal(("theme/templates/partials/footer.liquid", line, column, Codes.TemplateError),
                    (Build.RelativePath(error, temp.Path("site")), error.Line, error.Column, error.Code));
                Assert.Contains(message, error.Message);
                Assert.Equal(0, result.Pages);
            }
            Assert.Equal(before, Build.Snapshot(output));
        }
    }

    [Fact]
    public void Partials_that_render_each_other_in_a_circle_are_found_before_any_page_is_rendered()
    {
        using var temp = new TempFolder();
        var content = SiteWithOwnTheme(temp);
        temp.Write("site/theme/templates/partials/footer.liquid", "<footer>\n  {% render 'credits' %}\n</footer>\n");
        temp.Write("site/theme/templates/partials/credits.liquid", "<p>Thanks.</p> {% render 'footer' %}\n");

        var result = Build.Check(content);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("theme/templates/partials/footer.liquid", 2, 3, Codes.TemplateError),
            (Build.RelativePath(error, temp.Path("site")), error.Line, error.Column, error.Code));
        Assert.Contains("credits → footer → credits", error.Message);
        Assert.Equal(0, result.Pages);
    }

    [Fact]
    public void A_template_that_fails_while_rendering_is_a_diagnostic_naming_the_template_not_a_crash()
    {
        using var temp = new TempFolder();
        var content = SiteWithOwnTheme(temp);
        var output = temp.Path("site", "_site");
        Assert.True(BuildSite(content, output, null).Succeeded);
        var before = Build.Snapshot(output);
        // Loops nested deeper than Fluid allows only fail when a page renders them.
        var nested = string.Concat(Enumerable.Repeat("{% for item in site.nav %}", 60)) + "x" + string.Concat(Enumerable.Repeat("{% endfor %}", 60));
        temp.Write("site/theme/templates/entry.liquid", "<h1>{{ page.title }}</h1>\n" + nested + "\n");

        var result = BuildSite(content, output, null);
        Assert.False(result.Succeeded);
        Assert.Null(result.FatalError);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(("theme/templates/entry.liquid", Codes.TemplateError), (Build.RelativePath(e, temp.Path("site")), e.Code)));
        Assert.Contains(errors, e => e.Message.Contains("'values/mutuality/'") && e.Message.Contains("recursion"));
        Assert.Equal(before, Build.Snapshot(output));
        Assert.Empty(Directory.GetDirectories(temp.Path("site"), "_site.staging-*"));
    }

    private static string Before(string marker, string text) => text[..text.IndexOf(marker, StringComparison.Ordinal)];

    private static string PrintCss(string site) => "assets/" + Path.GetFileName(Asset(site, "print.", ".css"));

    private static string Asset(string site, string prefix, string extension) =>
        Directory.GetFiles(Path.Combine(site, "assets")).Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(extension, StringComparison.Ordinal));
}
