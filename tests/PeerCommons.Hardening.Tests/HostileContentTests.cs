using System.Text;
using PeerCommons.Diagnostics;
using PeerCommons.Hardening.Tests.Support;

using static PeerCommons.Hardening.Tests.Support.AuditAssert;
namespace PeerCommons.Hardening.Tests;

/// <summary>
/// Contributor content is hostile. Every attack yields a diagnostic or a sanitized page: never script in
/// the output, never a file written outside the output folder, never a crash or a hang.
/// </summary>
public sealed class HostileContentTests
{
    private static string Entry(string title, string body, string extra = "") =>
        $"---\ntitle: {Quote(title)}\nsummary: {Quote("About " + title)}\n{extra}---\n{body}";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Attacks a sanitizer must defuse while the site still builds (warnings, no errors).</summary>
    public static readonly (string Path, string Text)[] Sanitized =
    [
        ("values/script-block.md", Entry("Script block",
            "<script>alert('block')</script>\n\nText with <script>alert('inline')</script> inline.\n\n<ScRiPt SRC=//evil.example/x.js></sCrIpT>\n\n<scr<script>ipt>alert(1)</script>\n\n<!--<script>alert(1)</script>-->\n\n```html\n<script>alert('code is text')</script>\n```\n\n    <script>indented code</script>\n\n`<script>inline code</script>`\n")),
        ("values/handlers.md", Entry("Handlers",
            "<img src=\"x.png\" onerror=\"alert(1)\">\n\nA <span onclick=\"alert(1)\">span</span> and <a href=\"#\" onmouseover=alert(1)>link</a> and <img src=x onerror=alert(1)//\n\n<details open ontoggle=alert(1)><summary>s</summary>d</details>\n\n<x-custom onclick=alert(1)>custom</x-custom>\n\n<div><p onpointerenter=\"alert(1)\" ONFOCUS='alert(2)' tabindex=1 autofocus>p</p></div>\n")),
        ("values/js-urls.md", Entry("JS URLs",
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java&#x09;script:alert(1)) [d](&#106;avascript:alert(1))\n\n" +
            "[e](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [f](vbscript:msgbox(1)) [g]( javascript:alert(1) ) [h](<javascript:alert(1)>)\n\n" +
            "![i](javascript:alert(1)) ![j](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![k](https://evil.example/track.gif)\n\n" +
            "<javascript:alert(1)> <data:text/html,x> [ref link][r] ![ref image][q]\n\n[r]: javascript:alert(1)\n[q]: data:image/png;base64,AAAA\n\n" +
            "<a href=\"javascript:alert(1)\">raw</a> <a href=\" &#x6A;avascript:alert(1)\">raw2</a> <a href=\"jav&#x0A;ascript:alert(1)\">raw3</a>\n\n" +
            "<p><a href=\"javascript:alert(1)\">block raw</a><img src=\"data:image/png;base64,AAAA\"><a href=\"DATA:text/html,x\">d</a></p>\n")),
        ("values/frames.md", Entry("Frames",
            "<iframe src=\"https://evil.example\"></iframe>\n\n<object data=\"https://evil.example/x.swf\"></object>\n\n<embed src=\"https://evil.example/x.swf\">\n\nInline <iframe src=javascript:alert(1)></iframe> frame.\n\n<frameset><frame src=x></frameset>\n")),
        ("values/svg.md", Entry("SVG",
            "<svg onload=\"alert(1)\"><script>alert(1)</script></svg>\n\n<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"0\" y=\"10\">x</text></a></svg>\n\n<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>\n\nInline <svg><script>alert(1)</script></svg> svg.\n\n<p><svg><foreignObject><script>alert(1)</script></foreignObject></svg></p>\n")),
        ("values/css.md", Entry("CSS",
            "<div style=\"width: expression(alert(1))\">x</div>\n\n<style>body{background:url(javascript:alert(1))}</style>\n\n<p style=\"background:url('javascript:alert(1)')\">p</p>\n\nInline <span style=\"behavior:url(x.htc)\">span</span>.\n\n<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">\n")),
        ("values/target.md", Entry("Target",
            "<a href=\"https://example.org\" target=\"_blank\">raw</a>\n\nInline <a href=\"https://example.org\" target=_blank>link</a>.\n\n[md](https://example.org){target=_blank}\n")),
        ("values/head-tags.md", Entry("Head tags",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">\n\n<base href=\"https://evil.example/\">\n\nInline <base href=\"javascript:alert(1)//\"> and <meta http-equiv=refresh content=\"0;url=https://evil.example\">.\n\n<form action=\"https://evil.example\"><input name=x><button formaction=\"javascript:alert(1)\">Go</button></form>\n\n<title>x</title>\n\n<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n\n<textarea><script>alert(1)</script></textarea>\n")),
        ("values/everywhere.md", Entry("</title><script>alert('title')</script>",
            "# Heading <script>alert(1)</script> {#heading}\n\n## <img src=x onerror=alert(1)> second {#second}\n\n| a <script>x</script> | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [c](javascript:alert(1)) |\n\n" +
            "- item <iframe src=x></iframe>\n- [item](data:text/html,x)\n\n> quote <script>alert(1)</script>\n\nNote[^1] and a citation [@smith-2010, p. <script>alert(1)</script>].\n\n[^1]: Footnote <img src=x onerror=alert(1)> [x](javascript:alert(1)).\n\n" +
            "Term\n: Definition <script>alert(1)</script>\n\n- [ ] task <img src=x onerror=alert(1)>\n\n[xref text <script>](xref:values/css)\n",
            "tags: [power]\ncontributors: [\"<img src=x onerror=alert(1)>\", \"</script><script>alert(1)</script>\"]\nalso_called: [\"<script>alert(1)</script>\"]\n")),
        ("projects/hostile-project.md", Entry("\"><script>alert(1)</script>",
            "Body.\n", "region: \"<script>alert(1)</script>\"\ncountry: \"<img src=x onerror=alert(1)>\"\npopulations: [\"<svg onload=alert(1)>\"]\nfunding: [\"</a><script>alert(1)</script>\"]\nwebsite: \"https://example.org/?q=<script>alert(1)</script>&x=\\\"onmouseover=alert(1)\"\n")),
        ("curricula/course/index.md", Entry("</script><script>alert('ld')</script>",
            "Course <script>alert(1)</script>.\n", "audience: \"</script><script>alert(1)</script>\"\nprovider: \"<!--<script>alert(1)</script>\"\nduration: \"\\u2028</script>\"\n")),
        ("curricula/course/01-intro.md", Entry("Intro <script>alert(1)</script>",
            "Learner text.\n\n:::facilitator\nSay <script>alert(1)</script> and [x](javascript:alert(1)).\n\n<iframe src=x></iframe>\n:::\n\n::: facilitator\n<img src=x onerror=alert(1)>\n:::\n",
            "objectives: [\"<script>alert(1)</script>\"]\nduration_minutes: 30\n")),
        ("communities/group.md", Entry("<b onmouseover=alert(1)>Group</b>", "Group <script>alert(1)</script>.\n",
            "contact: \"<a href=javascript:alert(1)>mail</a>\"\n")),
        ("annotations/group/note.md", "---\ntarget: values/css\ntype: caution\n---\nAnnotation <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)).\n"),
        ("history/event.md", Entry("Event <script>", "Body <iframe></iframe>.\n", "date: 1990\nplace: \"<script>alert(1)</script>\"\n")),
        ("pages/about.md", Entry("About", "<a href=\"xref:values/css\" onclick=\"alert(1)\">about</a>\n")),
    ];

    [Fact]
    public void Hostile_markup_is_sanitized_and_no_page_carries_script()
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/site.yaml", Sandbox.SiteYaml.Replace("title: Hardening Commons", "title: \"</title><script>alert('site')</script>\"")
            + "tagline: \"<img src=x onerror=alert(1)>\"\nbase_url: https://example.org/\n");
        sandbox.Write("content/sources.yaml", Sandbox.SourcesYaml
            + "evil-2011:\n  authors: [\"<script>alert(1)</script>\"]\n  year: 2011\n  title: \"</cite><script>alert(1)</script>\"\n  venue: \"<img src=x onerror=alert(1)>\"\n  note: \"<iframe src=x></iframe>\"\n");
        // Images point at the page itself ('#'), so the only errors left would be the sanitizer's own.
        foreach (var (path, text) in Sanitized)
            sandbox.Write("content/" + path, System.Text.RegularExpressions.Regex.Replace(text, @"src=(\""x(\.png)?\""|x)(?=[\s>/])", "src=#"));

        var outcome = Harness.CheckAndBuild(sandbox);

        Assert.True(outcome.Build.Succeeded, Harness.Describe(outcome.Build.Diagnostics) + outcome.Build.FatalError);
        Assert.True(outcome.Build.Written);
        Assert.Empty(outcome.Escapes);
        NoProblems(outcome.HtmlProblems);
        Harness.AssertSameFindings(outcome);
        // Every file whose body carried markup to remove was told so.
        var warned = outcome.Build.Diagnostics.Select(d => Harness.ContentPath(d, sandbox)).ToHashSet();
        foreach (var (path, _) in Sanitized.Where(s => s.Path is not ("projects/hostile-project.md" or "communities/group.md" or "curricula/course/index.md" or "history/event.md")))
            Assert.Contains("content/" + path, warned.Select(w => "content/" + w));
        // The pages exist: content was sanitized, not dropped.
        Assert.True(File.Exists(Path.Combine(sandbox.Output, "values", "everywhere", "index.html")));
        Assert.True(File.Exists(Path.Combine(sandbox.Output, "curricula", "course", "intro", "index.html")));
        // No SVG from content; the only one is the theme's own favicon.
        Assert.DoesNotContain(Directory.EnumerateFiles(sandbox.Output, "*", SearchOption.AllDirectories),
            f => (f.EndsWith(".svg", StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(Path.GetRelativePath(sandbox.Output, f).Replace('\\', '/'), @"^assets/favicon\.[0-9a-f]{10}\.svg$"))
                 || f.EndsWith(".htc", StringComparison.Ordinal));
    }

    /// <summary>Attacks the validator must refuse with a diagnostic on the file (the build then fails and writes nothing).</summary>
    public static TheoryData<string, string> Refused => new()
    {
        { "values/alias-traversal.md", Entry("Alias", "Body.\n", "aliases: [\"../../etc\", \"../../../tmp/pwn\"]\n") },
        { "values/xref-anchor-script.md", Entry("Xref", "[](xref:values/x#<script>alert(1)</script>)\n") },
        { "values/alias-dotdot.md", Entry("Alias", "Body.\n", "aliases: [\"values/../../../x\"]\n") },
        { "values/alias-scheme.md", Entry("Alias", "Body.\n", "aliases: [\"javascript:alert(1)\"]\n") },
        { "values/alias-backslash.md", Entry("Alias", "Body.\n", "aliases: [\"..\\\\..\\\\x\"]\n") },
        { "values/id-field.md", Entry("Id", "Body.\n", "id: ../../etc\n") },
        { "values/related-traversal.md", Entry("Related", "Body.\n", "related: [\"../../etc\"]\n") },
        { "values/tag-script.md", Entry("Tag", "Body.\n", "tags: [\"<script>alert(1)</script>\"]\n") },
        { "values/tag-traversal.md", Entry("Tag", "Body.\n", "tags: [\"../../etc\"]\n") },
        { "values/xref-traversal.md", Entry("Xref", "[x](xref:../../etc)\n") },
        { "projects/js-website.md", Entry("Site", "Body.\n", "website: \"javascript:alert(1)\"\n") },
        { "projects/data-website.md", Entry("Site", "Body.\n", "website: \"data:text/html,<script>alert(1)</script>\"\n") },
        { "values/a..b.md", Entry("Dots", "Body.\n") },
        { "values/UPPER.md", Entry("Upper", "Body.\n") },
        { "values/%2e%2e.md", Entry("Encoded", "Body.\n") },
        { "values/with space.md", Entry("Space", "Body.\n") },
        { "curricula/a..b/01-x.md", Entry("Module", "Body.\n") },
        { "curricula/course/01-..md", Entry("Module", "Body.\n") },
        { "curricula/course/01-a..b.md", Entry("Module", "Body.\n") },
        { "annotations/x..y/note.md", "---\ntarget: values/x\ntype: caution\n---\nBody.\n" },
        { "annotations/group/target-traversal.md", "---\ntarget: ../../etc\ntype: caution\n---\nBody.\n" },
        { "values/billion-laughs.md", "---\ntitle: &a lol\nsummary: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\ntags: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nrelated: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\naliases: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\nBody.\n" },
        { "values/merge-key.md", "---\nbase: &base {title: x}\n<<: *base\nsummary: s\n---\nBody.\n" },
        { "values/ten-thousand-tags.md", Entry("Tags", "Body.\n", "tags: [" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"t{i}")) + "]\n") },
        { "values/deep-yaml.md", "---\ntitle: x\nsummary: " + new string('[', 5000) + new string(']', 5000) + "\n---\nBody.\n" },
        { "values/tag-objects.md", Entry("Tags", "Body.\n", "tags: [{a: b}, [c], !!binary aGk=]\n") },
        { "values/custom-tag.md", Entry("Tag", "Body.\n", "updated: !!python/object/apply:os.system ['echo pwned']\n") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Hostile_front_matter_and_names_are_refused_with_a_diagnostic(string path, string text)
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/x.md", Entry("X", "Body.\n"));
        sandbox.Write("content/curricula/course/index.md", Entry("Course", "Body.\n"));
        sandbox.Write("content/communities/group.md", Entry("Group", "Body.\n"));
        sandbox.Write("content/" + path, text);

        var outcome = Harness.CheckAndBuild(sandbox);

        Assert.Empty(outcome.Escapes);
        Assert.Null(outcome.Build.FatalError);
        Assert.False(outcome.Build.Succeeded, "expected an error for " + path);
        Assert.Contains(outcome.Build.Diagnostics, d => d.Severity == Severity.Error && Harness.ContentPath(d, sandbox) == path);
        Assert.False(Directory.Exists(sandbox.Output));
        Harness.AssertSameFindings(outcome);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(sandbox.SiteDir), e => e.Contains(".staging-") || e.Contains(".old-"));
    }

    [Theory]
    [InlineData("site.yaml", "title: &a lol\ntagline: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nhelp_link: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nlanguage: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n")]
    [InlineData("sources.yaml", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n")]
    [InlineData("site.yaml", "title: x\nquick_exit_url: \"javascript:alert(1)\"\nhelp_link:\n  url: \"javascript:alert(1)\"\n  text: Help\n")]
    [InlineData("site.yaml", "title: x\nbase_url: \"javascript:alert(1)//\"\nhelp_link:\n  url: https://example.org\n  text: Help\n")]
    [InlineData("site.yaml", "title: x\nrepo_url: \"data:text/html,<script>alert(1)</script>\"\nhelp_link:\n  url: https://example.org\n  text: Help\n")]
    [InlineData("sources.yaml", "smith-2010:\n  title: T\n  year: 2010\n  url: \"javascript:alert(1)\"\n")]
    [InlineData("sources.yaml", "../../etc:\n  title: T\n  year: 2010\n")]
    [InlineData("site.yaml", "title: x\nhelp_link:\n  url: \"../../../../etc/passwd\"\n  text: Help\n")]
    public void Hostile_site_and_sources_files_are_refused_with_a_diagnostic(string file, string text)
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/x.md", Entry("X", "See [@smith-2010].\n"));
        sandbox.Write("content/" + file, text);

        var outcome = Harness.CheckAndBuild(sandbox);

        Assert.Empty(outcome.Escapes);
        Assert.Contains(outcome.Build.Diagnostics, d => d.Severity == Severity.Error);
        Assert.False(outcome.Build.Succeeded);
        Assert.False(Directory.Exists(sandbox.Output));
    }

    [Fact]
    public void A_10_MB_entry_is_refused_quickly()
    {
        using var sandbox = new Sandbox();
        var big = new StringBuilder(Entry("Big", ""));
        var paragraph = "Peer support <b>is</b> *mutual* [link](https://example.org) and <script>alert(1)</script>.\n\n";
        while (big.Length < 10 * 1024 * 1024) big.Append(paragraph);
        sandbox.Write("content/values/big.md", big.ToString());
        sandbox.Write("content/values/x.md", Entry("X", "Body.\n"));

        var outcome = Harness.CheckAndBuild(sandbox, TimeSpan.FromSeconds(30));

        Assert.Empty(outcome.Escapes);
        var d = Assert.Single(outcome.Build.Diagnostics);
        Assert.Equal(Codes.FileTooLarge, d.Code);
        Assert.Equal("values/big.md", Harness.ContentPath(d, sandbox));
    }

    /// <summary>Pathological Markdown just under the size limit: it must terminate, and what is produced must be safe.</summary>
    public static TheoryData<string, string> Pathological => new()
    {
        { "nested-quotes", new string('>', 10_000) + " deep <script>alert(1)</script>\n" },
        { "nested-quotes-spaced", string.Concat(Enumerable.Repeat("> ", 10_000)) + "deep\n" },
        { "nested-lists", string.Concat(Enumerable.Repeat("- 1. ", 5_000)) + "deep\n" },
        { "nested-list-lines", string.Concat(Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- item\n")) },
        { "nested-quote-lines", string.Concat(Enumerable.Range(1, 1000).Select(i => new string('>', i) + " q\n")) },
        { "one-megabyte-line", string.Concat(Enumerable.Repeat("peer support is mutual ", 1_000_000 / 23)) + "\n" },
        { "open-brackets", new string('[', 1_000_000) + "\n" },
        { "link-openers", string.Concat(Enumerable.Repeat("[a](", 20_000)) + "\n" },
        { "emphasis", string.Concat(Enumerable.Repeat("*a _b ", 160_000)) + "\n" },
        { "angle-brackets", string.Concat(Enumerable.Repeat("<a ", 300_000)) + "\n" },
        { "html-comments", string.Concat(Enumerable.Repeat("<!-- ", 190_000)) + "\n" },
        { "backticks", string.Concat(Enumerable.Repeat("`` ` ", 190_000)) + "\n" },
        { "citations", string.Concat(Enumerable.Repeat("[@smith-2010; @", 60_000)) + "\n" },
        { "heading-ids", string.Concat(Enumerable.Range(0, 20_000).Select(i => "## H {#h}\n")) },
        { "facilitator", string.Concat(Enumerable.Repeat(":::facilitator\n", 20_000)) },
        { "table-columns", "|" + string.Concat(Enumerable.Repeat(" a |", 100_000)) + "\n|" + string.Concat(Enumerable.Repeat("---|", 100_000)) + "\n" },
        { "nul-bytes", "Text\0with\0NUL <scr\0ipt>alert(1)</script> [x](java\0script:alert(1))\n" },
        { "raw-html-depth", string.Concat(Enumerable.Repeat("<div>", 50_000)) + "x\n" },
        { "raw-html-inline-depth", "a " + string.Concat(Enumerable.Repeat("<span>", 50_000)) + "x\n" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_markdown_terminates_safely(string name, string body)
    {
        using var sandbox = new Sandbox();
        sandbox.Write($"content/values/{name}.md", Entry(name, body));
        sandbox.Write("content/values/x.md", Entry("X", "Body.\n"));

        var outcome = Harness.CheckAndBuild(sandbox);

        Assert.Empty(outcome.Escapes);
        Assert.Null(outcome.Build.FatalError);
        NoProblems(outcome.HtmlProblems);
        Harness.AssertSameFindings(outcome);
        // Either it builds, or the file is named in an error.
        if (!outcome.Build.Succeeded)
            Assert.Contains(outcome.Build.Diagnostics, d => d.Severity == Severity.Error && Harness.ContentPath(d, sandbox) == $"values/{name}.md");
    }

    /// <summary>
    /// Markdig's inline parser is quadratic on unclosed link openers: 240,000 '[a](' (a 1 MB line) would
    /// take minutes, so the pipeline refuses such a text before parsing, with PC0306 on the file.
    /// </summary>
    [Fact]
    public void A_megabyte_of_unclosed_link_openers_terminates_in_time()
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/links.md", Entry("Links", string.Concat(Enumerable.Repeat("[a](", 240_000)) + "\n"));
        var outcome = Harness.CheckAndBuild(sandbox);
        Assert.Empty(outcome.Escapes);
        Assert.Contains(outcome.Build.Diagnostics, d => d.Code == Codes.MarkdownTooDeep && Harness.ContentPath(d, sandbox) == "values/links.md");
    }

    [Fact]
    public void Nul_bytes_in_front_matter_give_a_diagnostic_or_a_safe_page()
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/nul.md", "---\ntitle: \"a\0b<script>\"\nsummary: s\0\n---\nBody\0.\n");
        sandbox.Write("content/values/x.md", Entry("X", "Body.\n"));
        var outcome = Harness.CheckAndBuild(sandbox);
        Assert.Empty(outcome.Escapes);
        NoProblems(outcome.HtmlProblems);
        if (outcome.Build.Written)
            Assert.DoesNotContain(Directory.EnumerateFiles(sandbox.Output, "*.html", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains('\0'));
        else
            Assert.Contains(outcome.Build.Diagnostics, d => Harness.ContentPath(d, sandbox) == "values/nul.md");
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32")]
    public void A_utf16_file_is_refused_with_a_diagnostic(string encoding)
    {
        using var sandbox = new Sandbox();
        var enc = encoding switch { "utf-16le" => (Encoding)new UnicodeEncoding(false, true), "utf-16be" => new UnicodeEncoding(true, true), _ => new UTF32Encoding(false, true) };
        sandbox.WriteBytes("content/values/wide.md", [.. enc.GetPreamble(), .. enc.GetBytes(Entry("Wide", "<script>alert(1)</script>\n"))]);
        sandbox.Write("content/values/x.md", Entry("X", "Body.\n"));
        var outcome = Harness.CheckAndBuild(sandbox);
        Assert.Empty(outcome.Escapes);
        var d = Assert.Single(outcome.Build.Diagnostics);
        Assert.Equal(Codes.NotUtf8, d.Code);
        Assert.Equal("values/wide.md", Harness.ContentPath(d, sandbox));
    }

    [Fact]
    public void An_output_folder_beside_content_never_receives_writes_outside_itself_even_when_aliases_claim_generated_paths()
    {
        using var sandbox = new Sandbox();
        sandbox.Write("content/values/x.md", Entry("X", "Body.\n", "aliases: [assets, feed.xml, index.html, \"assets/site\", \"_redirects\", \"tags\", \"/etc/passwd\", \"//evil.example/x\"]\n"));
        var outcome = Harness.CheckAndBuild(sandbox);
        Assert.Empty(outcome.Escapes);
        Assert.Null(outcome.Build.FatalError);
        NoProblems(outcome.HtmlProblems);
    }
}
