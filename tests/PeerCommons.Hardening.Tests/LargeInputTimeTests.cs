using System.Diagnostics;
using AngleSharp.Html.Parser;
using PeerCommons.Hardening.Tests.Support;

namespace PeerCommons.Hardening.Tests;

/// <summary>
/// Property tests on the shapes of 1 MB entry that once took minutes: check must stay linear in the
/// size of the entry. Each shape is checked at a quarter of a megabyte and at a whole one; linear
/// work takes about four times as long, quadratic about sixteen. The bound (eight times, and a
/// minute per run) is generous for a loaded 2-core machine and still fails on quadratic behaviour.
/// Each size is timed three times and the fastest run counts: a collection or a neighbour's burst of
/// work only ever adds time, and one such pause on a 0.05 s run once read as x12.
/// </summary>
public sealed class LargeInputTimeTests
{
    private const int Megabyte = 1_000_000;

    public static TheoryData<string, string> Shapes() => new()
    {
        { "identical-h1", "# a\n" },
        { "identical-h2", "## H\n\n" },
        { "bare-urls", "https://example.org/x " },
        { "unmatched-brackets", new string('[', 150) + "\n\n" },
        { "unclosed-inline-tags", "x <b>" },
        { "unclosed-links", "<a href=\"https://example.org/\">x " },
        { "unclosed-divs", "<div>\n\n" },
        { "stray-closers", "</div>\n\n" },
        { "raw-html-xrefs", "<a href=\"xref:values/anchor\">x</a> " },
        { "mixed", "<b>x</b> https://example.org/ [y](z) # h {#main}\n" },
    };

    private static TimeSpan CheckTime(string unit, int size)
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/anchor.md", "---\ntitle: \"Anchor\"\nsummary: \"The target\"\n---\nText.\n");
        const string head = "---\ntitle: \"Big\"\nsummary: \"A large entry\"\n---\n";
        var body = string.Concat(Enumerable.Repeat(unit, (size - head.Length) / unit.Length));
        sandbox.Write("content/values/big.md", head + body);
        var clock = Stopwatch.StartNew();
        var result = Bounded.Run(sandbox.Options(write: false), TimeSpan.FromSeconds(60 * size / Megabyte + 30));
        clock.Stop();
        Assert.Null(result.FatalError);
        return clock.Elapsed;
    }

    private static TimeSpan Fastest(Func<TimeSpan> measure) =>
        Enumerable.Range(0, 3).Select(_ => measure()).Min();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_megabyte_entry_checks_in_time_linear_in_its_size(string shape, string unit)
    {
        CheckTime(unit, Megabyte / 16); // warm up, so the first measurement does not carry start-up costs
        var quarter = Fastest(() => CheckTime(unit, Megabyte / 4));
        var whole = Fastest(() => CheckTime(unit, Megabyte));
        var ratio = whole.TotalSeconds / Math.Max(quarter.TotalSeconds, 0.1);
        Assert.True(ratio < 8, $"{shape}: 0.25 MB in {quarter.TotalSeconds:0.0} s, 1 MB in {whole.TotalSeconds:0.0} s (x{ratio:0.0}; linear is about x4)");
    }

    [Fact]
    public void Unclosed_contributor_html_in_an_entry_and_an_annotation_stays_inside_it_on_the_built_page()
    {
        var random = new Random(15);
        string[] open = ["<b>", "<i>", "<a href=\"https://example.org/\">", "<span>", "<em>"];
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/other.md", "---\ntitle: \"Other\"\nsummary: \"Related entry\"\n---\nText.\n");
        var body = string.Join("\n\n", Enumerable.Range(0, 6).Select(_ => "Para " + string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => open[random.Next(open.Length)] + "word "))));
        sandbox.Write("content/values/open.md", $"---\ntitle: \"Open\"\nsummary: \"Unclosed tags\"\nrelated: [values/other]\n---\n{body}\n\n<div>\n\n- list\n");
        sandbox.Write("content/communities/group.md", "---\ntitle: \"Group\"\nsummary: \"A group\"\n---\nAbout.\n");
        sandbox.Write("content/annotations/group/note.md", "---\ntarget: values/open\ntype: caution\n---\nNote <b>bold <a href=\"https://example.org/\">link\n");

        var outcome = Harness.CheckAndBuild(sandbox);

        Assert.True(outcome.Build.Succeeded, Harness.Describe(outcome.Build.Diagnostics) + outcome.Build.FatalError);
        Assert.Contains(outcome.Build.Diagnostics, d => d.Code == "PC0404" && d.Path.EndsWith("open.md", StringComparison.Ordinal));
        Assert.Contains(outcome.Build.Diagnostics, d => d.Code == "PC0404" && d.Path.EndsWith("note.md", StringComparison.Ordinal));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sandbox.Output, "values", "open", "index.html")));
        var footer = page.QuerySelector("footer")!;
        Assert.Null(footer.Closest("b, i, em, a"));
        var related = page.GetElementById("pc-related")!;
        Assert.Null(related.Closest("b, i, em, a"));
        Assert.Contains("Other", related.TextContent);
        foreach (var heading in page.QuerySelectorAll("h1, h2, h3"))
            Assert.Null(heading.Closest("a, b, i, em"));
    }
}
