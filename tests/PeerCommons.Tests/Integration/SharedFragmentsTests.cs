using System.Text.RegularExpressions;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// An entry's list item is made once per folder depth and shared by every page at that depth
/// (RenderContext.ListItem), and a page's whole body is joined from its sections only when a
/// template prints it: neither may change what a reader gets.
/// </summary>
public sealed partial class SharedFragmentsTests
{
    [GeneratedRegex("""<section class="related".*?</section>""", RegexOptions.Singleline)]
    private static partial Regex RelatedSection();

    [GeneratedRegex("""<a href="([^"]*)">WISH peer project</a>""")]
    private static partial Regex LinkToWish();

    [Fact]
    public void A_related_entry_shown_on_pages_at_three_depths_links_to_its_page_from_each()
    {
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        // projects/wish becomes related to a project (2 folders deep), a module (3) and so the module's trainer view (4).
        AddRelated(Path.Combine(content, "projects", "listening-space.md"), "projects/wish");
        AddRelated(Path.Combine(content, "curricula", "peer-basics", "02-boundaries.md"), "projects/wish");
        var result = Build.Write(content, temp.Path("out"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var wish = Path.GetFullPath(temp.Path("out", "projects", "wish", "index.html"));
        var pages = Directory.EnumerateFiles(temp.Path("out"), "index.html", SearchOption.AllDirectories)
            .Where(page => File.ReadAllText(page) is var html && RelatedSection().Match(html) is { Success: true } related && LinkToWish().IsMatch(related.Value))
            .ToList();
        var depths = pages.Select(page => Path.GetRelativePath(temp.Path("out"), page).Count(c => c == Path.DirectorySeparatorChar)).ToHashSet();
        Assert.Superset(new HashSet<int> { 2, 3, 4 }, depths);
        foreach (var page in pages)
        {
            var href = LinkToWish().Match(RelatedSection().Match(File.ReadAllText(page)).Value).Groups[1].Value;
            Assert.Equal(wish, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, href)));
        }
    }

    [Fact]
    public void An_entry_template_that_prints_body_html_gets_every_section_of_the_body()
    {
        using var temp = new TempFolder();
        // The body whole, then what else the page's links point at (the notes placed beside sections, the cited sources).
        temp.Write("theme/templates/entry.liquid", "<div id=\"whole-body\">{{ page.body_html }}</div>\n"
            + "{% for section in page.sections %}{% for note in section.annotations %}{% render 'annotation', note: note %}{% endfor %}{% endfor %}{% render 'entry-sections' %}");
        var own = BuildWithTheme(temp.Path("own"), temp.Path("theme"));
        var bundled = BuildWithTheme(temp.Path("bundled"), null);
        Assert.True(own.Succeeded && bundled.Succeeded, Build.Describe(own.Diagnostics.Concat(bundled.Diagnostics)));

        // The bundled theme prints the body's sections (here the text before the first heading, and one under each of two); body_html is all of them.
        string[] page = ["values", "mutuality", "index.html"];
        var sections = Regex.Match(File.ReadAllText(Path.Combine([temp.Path("bundled"), .. page])), """<div class="entry-body">(.*)</main>""", RegexOptions.Singleline);
        var whole = Regex.Match(File.ReadAllText(Path.Combine([temp.Path("own"), .. page])), """<div id="whole-body">(.*)</main>""", RegexOptions.Singleline);
        Assert.True(sections.Success && whole.Success);
        var headings = HeadingIds(sections.Groups[1].Value);
        Assert.True(headings.Count >= 2, sections.Value);
        Assert.Equal(headings, HeadingIds(whole.Groups[1].Value));
    }

    /// <summary>The ids of the body's own headings (not those of the community notes, related entries or sources after it).</summary>
    private static List<string> HeadingIds(string html) =>
        Regex.Matches(html, "<h[2-6] id=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(id => !id.StartsWith("annotation-", StringComparison.Ordinal) && !id.StartsWith("pc-", StringComparison.Ordinal)).ToList();

    private static PeerCommons.Pipeline.BuildResult BuildWithTheme(string output, string? overrides) =>
        PeerCommons.Pipeline.BuildPipeline.Run(new PeerCommons.Pipeline.BuildOptions
        {
            ContentDirectory = Build.ValidContent,
            OutputDirectory = output,
            ThemeDirectory = Repo.Path("theme"),
            ThemeOverridesDirectory = overrides,
            WriteOutput = true,
        });

    private static void AddRelated(string file, string key)
    {
        var text = File.ReadAllText(file);
        Assert.StartsWith("---\n", text);
        File.WriteAllText(file, "---\nrelated: [" + key + "]\n" + text["---\n".Length..]);
    }
}
