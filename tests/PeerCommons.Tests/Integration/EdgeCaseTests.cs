using PeerCommons.Diagnostics;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>Content that is unusual but plausible must give diagnostics, never an exception.</summary>
public sealed class EdgeCaseTests
{
    private const string Site = "title: T\nhelp_link:\n  url: https://example.org/help\n  text: Help\n";

    private static TempFolder Content(params (string Path, string Text)[] files)
    {
        var temp = new TempFolder();
        temp.Write("content/site.yaml", Site);
        foreach (var (path, text) in files) temp.Write("content/" + path, text);
        return temp;
    }

    private static string Entry(string title, string extra = "", string body = "Body.\n") =>
        $"---\ntitle: {title}\nsummary: \"About {title}.\"\n{extra}---\n{body}";

    [Theory]
    [InlineData("projects")]          // the projects list
    [InlineData("sources")]           // the bibliography
    [InlineData("tags")]              // the tag index
    [InlineData("tags/power")]        // a tag page
    [InlineData("curricula/course/trainer")] // a trainer view
    public void An_alias_that_is_the_address_of_a_generated_page_is_an_error_not_a_crash(string alias)
    {
        using var temp = Content(
            ("values/mutuality.md", Entry("Mutuality", $"tags: [power]\naliases: [{alias}]\n")),
            ("curricula/course/index.md", Entry("Course")));
        var result = Build.Check(temp.Path("content"));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.DuplicateAlias, d.Code);
        Assert.Equal("content/values/mutuality.md", Build.RelativePath(d, temp.Root));
        Assert.Equal((5, 11), (d.Line, d.Column));
    }

    [Theory]
    [InlineData("trainer")]
    [InlineData("print")]
    public void A_module_named_like_a_view_of_its_curriculum_is_reported_and_left_out_not_a_crash(string mid)
    {
        using var temp = Content(
            ("curricula/course/index.md", Entry("Course")),
            ($"curricula/course/01-{mid}.md", Entry("Module")));
        var result = Build.Check(temp.Path("content"));
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((Codes.UnexpectedFile, Severity.Error, 1, 1), (d.Code, d.Severity, d.Line, d.Column));
        Assert.Contains("reserved", d.Message);
        Assert.Equal($"content/curricula/course/01-{mid}.md", Build.RelativePath(d, temp.Root));
    }

    [Fact]
    public void Crlf_files_report_the_same_positions_as_lf_files()
    {
        using var temp = Content(("values/x.md", "---\r\ntitle: X\r\nsummry: S\r\n---\r\nA [b](xref:values/none).\r\n"));
        var result = Build.Check(temp.Path("content"));
        Assert.Equal(["(2,1) PC0101", "(3,1) PC0102", "(5,3) PC0301"],
            result.Diagnostics.Select(d => $"({d.Line},{d.Column}) {d.Code}"));
    }

    [Fact]
    public void Non_utf8_column_counts_characters_not_bytes()
    {
        using var temp = Content();
        File.WriteAllBytes(temp.Path("content", "values", "x.md").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)),
            [.. "---\ntitle: Māori \"q\" "u8.ToArray(), 0xE9, .. "\n---\n"u8.ToArray()]);
        var d = Assert.Single(Build.Check(temp.Path("content")).Diagnostics);
        Assert.Equal((Codes.NotUtf8, 2, 18), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Site_yaml_and_sources_yaml_are_checked_like_front_matter()
    {
        using var temp = new TempFolder();
        temp.Write("content/site.yaml", "titel: T\nfeed_entries: lots\nrepo_url: github.com/x\n");
        temp.Write("content/sources.yaml", "Smith_2010:\n  title: A\nnotitle-2011:\n  year: 2011\nbadurl-2012:\n  title: C\n  url: www.example.org\n  edition: 2\n");
        var result = Build.Check(temp.Path("content"));
        var heads = result.Diagnostics.Where(d => !d.Path.Contains("_site/") && d.Code != Codes.BrokenInternalLink)
            .Select(d => Build.Head(d, temp.Root)).ToList();
        Assert.Equal([
            "content/site.yaml(1,1): error PC0101",
            "content/site.yaml(1,1): error PC0102",
            "content/site.yaml(2,15): error PC0103",
            "content/site.yaml(3,11): error PC0107",
            "content/sources.yaml(1,1): error PC0009",
            "content/sources.yaml(3,1): error PC0101",
            "content/sources.yaml(7,8): error PC0107",
            "content/sources.yaml(8,3): error PC0102",
        ], heads);
        Assert.Contains("did you mean 'title'?", result.Diagnostics.First(d => d.Code == Codes.UnknownField && d.Path.EndsWith("site.yaml")).Message);
    }

    [Fact]
    public void Drafts_are_left_out_and_links_to_them_are_reported()
    {
        using var temp = Content(
            ("values/draft.md", Entry("Draft", "draft: true\n")),
            ("values/linker.md", Entry("Linker", "", "See [](xref:values/draft).\n")));
        var result = Build.Check(temp.Path("content"));
        Assert.Equal(Codes.BrokenXref, Assert.Single(result.Diagnostics).Code);
    }
}

internal static class Fluent
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
