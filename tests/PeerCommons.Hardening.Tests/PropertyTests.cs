using System.Text;
using CsCheck;
using Xunit.Abstractions;
using PeerCommons.Diagnostics;
using PeerCommons.Hardening.Tests.Support;

using static PeerCommons.Hardening.Tests.Support.AuditAssert;
namespace PeerCommons.Hardening.Tests;

/// <summary>
/// Random front matter and Markdown, many small sites: check and build never throw and always
/// terminate, and valid generated content always builds with zero errors. The iteration counts add up
/// to more than 10,000 pipeline runs; PEERCOMMONS_PBT_SCALE multiplies them (e.g. 0.1 locally, 10 for a soak).
/// A failure prints CsCheck's seed; rerun one case with PEERCOMMONS_PBT_SEED=that-seed.
/// </summary>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private static long Iter(long n) =>
        Math.Max(1, (long)(n * (double.TryParse(Environment.GetEnvironmentVariable("PEERCOMMONS_PBT_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1.0)));

    private static string? Seed => Environment.GetEnvironmentVariable("PEERCOMMONS_PBT_SEED") is { Length: > 0 } seed ? seed : null;

    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(60);

    private static Gen<string> Pick(params string[] values) => Gen.OneOf(values);

    /// <summary>One of several generators, by weight.</summary>
    private static Gen<T> Mix<T>(params (int Weight, Gen<T> Gen)[] gens)
    {
        var total = gens.Sum(g => g.Weight);
        return Gen.Int[0, total - 1].SelectMany(i =>
        {
            foreach (var (weight, gen) in gens)
            {
                if (i < weight) return (IGen<T>)gen;
                i -= weight;
            }
            return gens[^1].Gen;
        });
    }

    // ---- pieces -------------------------------------------------------------------------------

    private static readonly Gen<string> Word = Pick("peer", "support", "mutuality", "hope", "Māori", "café", "Ærø", "naïve", "שלום", "مرحبا", "日本語", "😀", "a", "x1", "-", "don't", "\"q\"", "it's", "tab\there", "a:b", "#x", "[b]", "{c}", "&amp;", "<b>", "*", "_", "`", "\\", "%", "@smith-2010", "—", "\u00A0", "\u200B", "\u2028", "\uFEFF");

    private static readonly Gen<string> Words = Word.Array[1, 6].Select(w => string.Join(' ', w));

    private static readonly Gen<string> Slug = Pick("power", "mutual-aid", "x", "a1", "peer-support", "hope", "abc-def-ghi");

    private static readonly Gen<string> Key = Pick("values/anchor", "values/none", "projects/anchor-project", "curricula/course", "curricula/course/intro", "pages/about", "values/ANCHOR", "../x", "");

    private static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\t' => "\\t", '\u2028' => "\\L", '\uFEFF' => "\\uFEFF", _ when char.IsControl(c) => $"\\x{(int)c:X2}", _ => c.ToString() });
        return sb.Append('"').ToString();
    }

    // ---- random YAML (valid and invalid) ----------------------------------------------------

    private static readonly Gen<string> YamlScalar = Mix(
        (1, Words.Select(DoubleQuoted)),
        (1, Words.Select(w => "'" + w.Replace("'", "''") + "'")),
        (1, Words),                                // plain: often invalid YAML or a different type
        (1, Pick("true", "false", "yes", "no", "~", "null", "", "0", "-1", "1e3", "0x1F", ".inf", "2024-02-30", "2024-01-01", "1990", "1990-13", "0000-05", "2026-00", "2026-11-31", "2000/1990", "0000/1990", "'0000'", "!!binary aGk=", "&a x", "*a", "|", ">-", "'unclosed", "\"unclosed", "[", "{", "- x", "? x", "@x", "`x", "%YAML", "!tag x")),
        (1, Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.String.Select(DoubleQuoted)));     // arbitrary unicode, escaped

    private static readonly Gen<string> YamlValue = Mix(
        (6, YamlScalar),
        (2, YamlScalar.Array[0, 5].Select(a => "[" + string.Join(", ", a) + "]")),
        (1, YamlScalar.Array[1, 4].Select(a => string.Concat(a.Select(v => "\n  - " + v)))),
        (1, YamlScalar.Array[1, 3].Select(a => string.Concat(a.Select((v, i) => $"\n  k{i}: {v}")))),
        (1, Words.Select(w => "|\n  " + w + "\n  " + w)),
        (1, Pick("{a: [b, {c: d}]}", "[[[[x]]]]", "&x [1, *x]", "{url: https://example.org, text: t}")));

    private static readonly Gen<string> FieldName = Mix(
        (8, Pick("title", "summary", "tags", "updated", "aliases", "related", "sources", "contributors", "draft", "also_called",
            "region", "country", "status", "organisation_type", "populations", "support_formats", "roles", "started", "funding", "website", "values",
            "date", "place", "audience", "duration", "delivery", "peer_led", "duration_minutes", "objectives", "target", "type", "contact", "maintainers")),
        (1, Pick("Title", "id", "summry", "<<", "\"quoted key\"", "ключ", "? complex", "-", "a b", "title ", "日本")));

    private static readonly Gen<string> RandomFrontMatter = Gen.Select(FieldName, YamlValue).Array[0, 8]
        .Select(fields => string.Concat(fields.Select(f => $"{f.Item1}: {f.Item2}\n")));

    // ---- random Markdown -----------------------------------------------------------------------

    private static readonly Gen<string> Inline = Mix(
        (6, Words),
        (2, Words.Select(w => $"*{w}*")), (1, Words.Select(w => $"**{w}**")), (1, Words.Select(w => $"_{w}_")),
        (2, Gen.Select(Words, Key).Select(p => $"[{p.Item1}](xref:{p.Item2})")),
        (1, Key.Select(k => $"[](xref:{k})")),
        (1, Gen.Select(Key, Pick("top", "who", "nope", "")).Select(p => $"[x](xref:{p.Item1}#{p.Item2})")),
        (2, Pick("[@smith-2010]", "[@smith-2010, p. 4]", "[@nope-1999]", "[@smith-2010; @jones-2011]", "[@]", "@smith-2010")),
        (1, Pick("[a](https://example.org)", "[a](javascript:alert(1))", "![i](https://example.org/x.png)", "![i](x.png)", "<https://example.org>", "[a][ref]", "[^1]")),
        (1, Pick("<b>b</b>", "<span onclick=x>s</span>", "<script>x</script>", "<img src=x onerror=y>", "<a href=\"#top\">t</a>", "</div>", "<!-- c -->", "<br>")),
        (1, Words.Select(w => $"`{w}`")));

    private static readonly Gen<string> Paragraph = Inline.Array[1, 6].Select(a => string.Join(' ', a));

    private static readonly Gen<string> Block = Mix(
        (5, Paragraph),
        (2, Gen.Select(Gen.Int[1, 6], Words, Pick("", " {#top}", " {#who}", " {#x-1}", " {#}", " {#Bad Id}", " {#top}")).Select(h => new string('#', h.Item1) + " " + h.Item2 + h.Item3)),
        (1, Paragraph.Array[1, 3].Select(a => string.Concat(a.Select(p => "- " + p + "\n")).TrimEnd())),
        (1, Paragraph.Array[1, 3].Select(a => string.Concat(a.Select((p, i) => $"{i + 1}. {p}\n")).TrimEnd())),
        (1, Paragraph.Select(p => "> " + p)),
        (1, Gen.Select(Words, Words).Select(t => $"| {t.Item1} | b |\n|---|---|\n| {t.Item2} | c |")),
        (1, Words.Select(w => $"```\n{w}\n<script>\n```")),
        (1, Paragraph.Select(p => $":::facilitator\n{p}\n:::")),
        (1, Paragraph.Select(p => $"::: trainer\n{p}\n:::")),
        (1, Pick("<div onclick=x><p>raw</p></div>", "<iframe src=x></iframe>", "<table><tr><td>c</td></tr></table>", "<details><summary>s</summary>d</details>", "<svg><script>x</script></svg>", "<!-- comment", "[ref]: https://example.org", "[^1]: note", "---", "***")),
        (1, Gen.String.Select(s => s)));

    private static readonly Gen<string> RandomMarkdown = Block.Array[0, 6].Select(b => string.Join("\n\n", b) + "\n");

    private static readonly Gen<string> Location = Mix(
        (6, Gen.Select(Pick("values", "projects", "history", "pages", "communities"), Pick("gen", "gen-entry", "x1", "anchor", "Bad", "a--b", "é"))
            .Select(p => $"{p.Item1}/{p.Item2}.md")),
        (1, Pick("curricula/course/02-gen.md", "curricula/course/index.md", "curricula/other/index.md", "curricula/course/gen.md", "annotations/group/gen.md", "annotations/nope/gen.md", "stray/gen.md", "values/gen.txt", "gen.md", "values/deep/gen.md", "values/con.md", "pages/Aux.txt", "values/.gen.md", ".drafts/gen.md")));

    /// <summary>One random entry: (path, text). The text may lack or break its front matter.</summary>
    private static readonly Gen<(string Path, string Text)> RandomEntry = Gen.Select(Location, RandomFrontMatter, RandomMarkdown, Gen.Int[0, 9])
        .Select(t => (t.Item1, t.Item4 switch
        {
            0 => t.Item3,                                    // no front matter
            1 => "---\n" + t.Item2 + t.Item3,                // never closed
            2 => "---\n" + t.Item2 + "---\n---\n" + t.Item3, // an extra fence
            _ => "---\n" + t.Item2 + "---\n" + t.Item3,
        }));

    // ---- valid content -----------------------------------------------------------------------

    private static readonly Gen<string> SafeWord = Pick("peer", "support", "mutuality", "hope", "Māori", "café", "naïve", "שלום", "日本語", "😀", "don't", "\"quoted\"", "a:b", "#hash", "[b]", "50%", "—", "<angle>", "&", "it's");
    private static readonly Gen<string> SafeWords = SafeWord.Array[1, 6].Select(w => string.Join(' ', w));

    private static readonly Gen<string> ValidInline = Mix(
        (6, SafeWords.Select(EscapeMarkdown)),
        (2, SafeWords.Select(w => $"*{EscapeMarkdown(w)}*")), (1, SafeWords.Select(w => $"**{EscapeMarkdown(w)}**")),
        (2, Pick("[mutuality](xref:values/anchor)", "[](xref:values/anchor)", "[top](xref:values/anchor#top)", "[project](xref:projects/anchor-project)")),
        (2, Pick("[@smith-2010]", "[@smith-2010, p. 4]")),
        (1, Pick("[a](https://example.org)", "<https://example.org/a>", "`code <x>`", "<b>bold</b>", "<em>em</em>", "[link](mailto:a@example.org)")));

    private static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text) { if ("\\`*_{}[]<>()#+-.!|:@&\"".Contains(c)) sb.Append('\\'); sb.Append(c); }
        return sb.ToString();
    }

    private static readonly Gen<string> ValidParagraph = ValidInline.Array[1, 6].Select(a => string.Join(' ', a));

    private static readonly Gen<string> ValidMarkdown = Mix(
            (5, ValidParagraph),
            (2, SafeWords.Select(w => "## " + EscapeMarkdown(w))),
            (1, ValidParagraph.Array[1, 3].Select(a => string.Concat(a.Select(p => "- " + p + "\n")).TrimEnd())),
            (1, ValidParagraph.Select(p => "> " + p)),
            (1, Gen.Select(SafeWords, SafeWords).Select(t => $"| {EscapeMarkdown(t.Item1)} | b |\n|---|---|\n| {EscapeMarkdown(t.Item2)} | c |")),
            (1, SafeWords.Select(w => $"```\n{w}\n```")))
        .Array[0, 6]
        // Headings get ids from their text; number them so two never share an id.
        .Select(blocks => string.Join("\n\n", blocks.Select((b, i) => b.StartsWith("## ", StringComparison.Ordinal) ? $"{b} {{#section-{i}}}" : b)) + "\n");

    private static readonly Gen<string> ValidFrontMatter = Gen.Select(SafeWords, SafeWords, Slug.Array[0, 4], Gen.Int[0, 6], Gen.Bool)
        .Select(t =>
        {
            var yaml = new StringBuilder();
            yaml.Append("title: ").Append(DoubleQuoted(t.Item1)).Append('\n');
            yaml.Append("summary: ").Append(DoubleQuoted(t.Item2)).Append('\n');
            if (t.Item3.Length > 0) yaml.Append("tags: [").Append(string.Join(", ", t.Item3.Distinct())).Append("]\n");
            if (t.Item4 > 2) yaml.Append("updated: 2024-0").Append(t.Item4).Append("-1").Append(t.Item4).Append('\n');
            if (t.Item5) yaml.Append("related: [values/anchor]\nsources: [smith-2010]\ncontributors: [\"A. Person\"]\n");
            return yaml.ToString();
        });

    private static readonly Gen<(string Path, string Text)> ValidEntry = Gen.Select(
            Pick("values/gen", "projects/gen", "pages/gen", "history/gen", "curricula/course/02-gen", "communities/gen"),
            ValidFrontMatter, ValidMarkdown, Gen.Bool)
        .Select(t => (t.Item1 + ".md", "---\n" + t.Item2
            + (t.Item1.StartsWith("history", StringComparison.Ordinal) ? "date: 1990\n" : "")
            + (t.Item1.StartsWith("projects", StringComparison.Ordinal) ? "status: active\nroles: [paid]\nvalues: [values/anchor]\n" : "")
            + (t.Item1.StartsWith("curricula", StringComparison.Ordinal) ? "duration_minutes: 45\nobjectives: [\"Listen\"]\n" : "")
            + "---\n" + t.Item3
            + (t.Item4 && t.Item1.StartsWith("curricula", StringComparison.Ordinal) ? "\n:::facilitator\nA note for trainers.\n:::\n" : "")));

    // ---- the site every case sits in ----------------------------------------------------------

    private static Sandbox Site(params (string Path, string Text)[] entries)
    {
        var sandbox = new Sandbox();
        sandbox.Write("content/values/anchor.md", "---\ntitle: Anchor\nsummary: The entry generated links point at.\n---\n## Top {#top}\n\nText [@smith-2010].\n");
        sandbox.Write("content/projects/anchor-project.md", "---\ntitle: Anchor project\nsummary: Another target.\nvalues: [values/anchor]\n---\nText.\n");
        sandbox.Write("content/curricula/course/index.md", "---\ntitle: Course\nsummary: A course.\n---\nCourse.\n");
        sandbox.Write("content/curricula/course/01-intro.md", "---\ntitle: Intro\nsummary: First module.\n---\nIntro.\n\n:::facilitator\nFor trainers.\n:::\n");
        sandbox.Write("content/communities/group.md", "---\ntitle: Group\nsummary: A community.\n---\nGroup.\n");
        sandbox.Write("content/pages/about.md", "---\ntitle: About\nsummary: About.\n---\nAbout.\n");
        foreach (var (path, text) in entries)
            if (!(path.StartsWith("values/anchor", StringComparison.Ordinal) || path is "projects/anchor-project.md" or "curricula/course/index.md" or "curricula/course/01-intro.md" or "communities/group.md" or "pages/about.md"))
                sandbox.Write("content/" + path, text);
        return sandbox;
    }

    private static string Show((string Path, string Text) entry) => $"--- {entry.Path} ---\n{entry.Text}";

    private void Sample<T>(Gen<T> gen, Action<T> property, long iter, Func<T, string> print) =>
        gen.Sample(property, writeLine: output.WriteLine, seed: Seed, iter: Iter(iter), threads: -1, print: print);

    // ---- properties --------------------------------------------------------------------------
    // A one-entry site checks in about 20 ms, so the single-entry property carries most of the runs:
    // 10,050 pipeline runs in all (about 19,000 generated entries), a few minutes on 2 cores.

    private static (string Path, string Text)[] Numbered((string Path, string Text)[] entries) =>
        entries.Select((e, i) => (e.Path.Replace("gen", "gen" + i), e.Text)).DistinctBy(e => e.Item1).ToArray();

    private static string ShowAll((string Path, string Text)[] entries) => string.Join("\n", entries.Select(Show));

    /// <summary>
    /// serve's engine on the same content: it must not throw, must finish in time, and must find
    /// exactly what check found (serve shows these in the browser instead of printing them).
    /// </summary>
    private static void ServeFindsTheSame(Sandbox sandbox, PeerCommons.Pipeline.BuildResult check)
    {
        var engine = new PeerCommons.Engine.SiteEngine(sandbox.Content, Repo.Path("theme"));
        var build = Task.Factory.StartNew(engine.BuildAll, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(build.Wait(CaseLimit), $"serve's first build did not finish within {CaseLimit.TotalSeconds:0} s");
        Assert.Null(build.Result.FatalError);
        Assert.Equal(Harness.Describe(check.Diagnostics.Where(SeenByServe)), Harness.Describe(engine.Diagnostics.Where(SeenByServe)));
    }

    /// <summary>
    /// What serve checks too: the links between built pages are checked only by build and check (a
    /// preview may link to pages it has not built yet), and CODEOWNERS is a repository file, not content.
    /// </summary>
    private static bool SeenByServe(Diagnostic d) => d.Code is not (Codes.BrokenInternalLink or Codes.CodeOwnersOutOfDate);

    [Fact]
    public void Check_never_throws_and_always_terminates_on_a_random_entry() =>
        Sample(RandomEntry, entry =>
        {
            using var sandbox = Site(entry);
            var result = Bounded.Run(sandbox.Options(write: false), CaseLimit);
            Assert.Null(result.FatalError);
            ServeFindsTheSame(sandbox, result);
        }, iter: 8_700, print: Show);

    [Fact]
    public void Check_never_throws_and_always_terminates_on_random_sites() =>
        Sample(RandomEntry.Array[6, 10], entries =>
        {
            using var sandbox = Site(Numbered(entries));
            var result = Bounded.Run(sandbox.Options(write: false), CaseLimit);
            Assert.Null(result.FatalError);
            ServeFindsTheSame(sandbox, result);
        }, iter: 700, print: ShowAll);

    [Fact]
    public void Build_never_throws_and_writes_only_inside_its_output_folder() =>
        Sample(RandomEntry.Array[4, 8], entries =>
        {
            using var sandbox = Site(Numbered(entries));
            var before = sandbox.Tree();
            var result = Bounded.Run(sandbox.Options(write: true), CaseLimit);
            Assert.Null(result.FatalError);
            Assert.Empty(sandbox.ChangesOutsideOutput(before, sandbox.Tree()));
            Assert.Equal(result.Succeeded, Directory.Exists(sandbox.Output));
            if (result.Succeeded) NoProblems(HtmlAudit.Site(sandbox.Output));
        }, iter: 150, print: ShowAll);

    [Fact]
    public void Valid_generated_content_always_checks_with_zero_errors() =>
        Sample(ValidEntry.Array[6, 10], entries =>
        {
            using var sandbox = Site(Numbered(entries));
            var result = Bounded.Run(sandbox.Options(write: false), CaseLimit);
            Assert.True(result.Succeeded, Harness.Describe(result.Diagnostics.Where(d => d.Severity == Severity.Error)) + result.FatalError);
            ServeFindsTheSame(sandbox, result);
        }, iter: 400, print: ShowAll);

    [Fact]
    public void Valid_generated_content_always_builds_with_zero_errors() =>
        Sample(ValidEntry.Array[4, 8], entries =>
        {
            using var sandbox = Site(Numbered(entries));
            var result = Bounded.Run(sandbox.Options(write: true), CaseLimit);
            Assert.True(result.Succeeded, Harness.Describe(result.Diagnostics.Where(d => d.Severity == Severity.Error)) + result.FatalError);
            Assert.True(result.Written);
            NoProblems(HtmlAudit.Site(sandbox.Output));
        }, iter: 100, print: ShowAll);
}
