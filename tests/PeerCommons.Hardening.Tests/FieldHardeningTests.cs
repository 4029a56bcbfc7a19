using System.Globalization;
using CsCheck;
using PeerCommons.Diagnostics;
using PeerCommons.Hardening.Tests.Support;
using PeerCommons.Load;
using PeerCommons.Model;

namespace PeerCommons.Hardening.Tests;

/// <summary>
/// Field values that crashed a build (control characters reaching the feed, impossible history dates)
/// or passed unnoticed (base_url with a query, CR-only line ends): generated inputs of each class get
/// a located error in plain words, and never an exception.
/// </summary>
public sealed class FieldHardeningTests
{
    private const string Seeded = "---\ntitle: Seeded\nsummary: A page with a date so the feed lists it.\nupdated: 2024-05-01\n---\nText.\n";

    /// <summary>Every character no text field may hold.</summary>
    private static readonly Gen<char> Forbidden = Gen.OneOf(
        Gen.Char['\0', '\u001F'].Where(c => c is not ('\t' or '\n')),
        Gen.OneOf('\uFFFE', '\uFFFF'),
        Gen.Char['\uD800', '\uDFFF']);

    /// <summary>Where a forbidden character can hide: each text field of an entry, site.yaml and sources.yaml.</summary>
    private static readonly Gen<string> Place = Gen.OneOf("title", "summary", "tags", "contributors", "also_called", "site.yaml tagline", "site.yaml title", "sources.yaml title", "sources.yaml note");

    private static readonly Gen<string> Text = Gen.OneOf("", "Peer ", "Māori café ", "日本語 ", "😀 ", "a \"quote\" ");

    private static string Escaped(char c) => $"\\u{(int)c:X4}";

    [Fact]
    public void A_control_character_in_any_text_field_is_a_located_error_and_never_reaches_the_feed() =>
        Gen.Select(Forbidden, Place, Text, Text).Sample((bad, place, before, after) =>
        {
            using var sandbox = new Sandbox();
            var value = $"\"{before.Replace("\"", "\\\"")}{Escaped(bad)}{after.Replace("\"", "\\\"")}x\"";
            string file;
            int line;
            switch (place)
            {
                case "site.yaml tagline":
                case "site.yaml title":
                    file = sandbox.Write("content/site.yaml", Sandbox.SiteYaml.Replace("title: Hardening Commons", place.EndsWith("title") ? $"title: {value}" : "title: Hardening Commons") + (place.EndsWith("tagline") ? $"tagline: {value}\n" : ""));
                    line = place.EndsWith("title") ? 1 : 6;
                    break;
                case "sources.yaml title":
                case "sources.yaml note":
                    file = sandbox.Write("content/sources.yaml", Sandbox.SourcesYaml + $"jones-2011:\n  title: {(place.EndsWith("title") ? value : "Fine")}\n  note: {(place.EndsWith("note") ? value : "Fine")}\n");
                    line = place.EndsWith("title") ? 6 : 7;
                    break;
                default:
                    var fields = new Dictionary<string, string> { ["title"] = "Fine", ["summary"] = "Fine", ["tags"] = "[fine]", ["contributors"] = "[\"A. Person\"]", ["also_called"] = "[\"Other\"]" };
                    fields[place] = place is "tags" or "contributors" or "also_called" ? $"[{value}]" : value;
                    file = sandbox.Write("content/values/bad.md", "---\n" + string.Concat(fields.Select(f => $"{f.Key}: {f.Value}\n")) + "updated: 2024-06-01\n---\nText.\n");
                    line = 2 + fields.Keys.ToList().IndexOf(place);
                    break;
            }
            sandbox.Write("content/values/seeded.md", Seeded);

            var outcome = Harness.CheckAndBuild(sandbox);
            Assert.Null(outcome.Check.FatalError);
            Assert.Null(outcome.Build.FatalError);
            // YAML itself refuses an escaped half of a surrogate pair (malformed YAML, on the same line).
            var error = Assert.Single(outcome.Check.Diagnostics, d => d.Code == (char.IsSurrogate(bad) ? Codes.MalformedYaml : Codes.ForbiddenCharacter));
            Assert.Equal((Severity.Error, line), (error.Severity, error.Line));
            Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(error.Path));
            if (!char.IsSurrogate(bad)) Assert.Contains($"U+{(int)bad:X4}", error.Message);
            Assert.False(outcome.Build.Written);
            Assert.Empty(outcome.Escapes);
        }, iter: 60, threads: 1);

    [Fact]
    public void Text_without_forbidden_characters_is_never_flagged_and_replacing_makes_any_text_clean()
    {
        Gen.String[Gen.Char.Where(c => c is '\t' or '\n' or >= ' ' and < '\uD800' or > '\uDFFF' and < '\uFFFE'), 0, 40]
            .Sample(text => Assert.Equal(-1, ForbiddenCharacters.IndexOf(text)), iter: 2000);
        Gen.String[Gen.Char, 0, 40].Sample(text =>
        {
            var clean = ForbiddenCharacters.Replace(text);
            Assert.Equal(-1, ForbiddenCharacters.IndexOf(clean));
            Assert.Equal(ForbiddenCharacters.IndexOf(text) < 0, clean == text);
        }, iter: 5000);
    }

    [Fact]
    public void The_feed_and_sitemap_writers_never_throw_on_any_text()
    {
        Gen.Select(Gen.String[Gen.Char, 0, 20], Gen.String[Gen.Char, 0, 20]).Sample((title, summary) =>
        {
            var entry = new Entry { Kind = EntryKind.Value, Id = "x", Key = "values/x", ContentPath = "values/x.md", File = null!, Title = title, Summary = summary, Updated = new DateOnly(2024, 1, 1) };
            var site = new Site(new SiteConfig { Title = title }, new Dictionary<string, Source>(), [entry]);
            var xml = PeerCommons.Render.Feeds.AtomFeed.WriteSelected(site, [entry], "feed.xml", title, _ => title);
            System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml)); // well-formed
            var sitemap = PeerCommons.Render.Feeds.Sitemap.Write([(title, null)], null);
            System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(sitemap));
        }, iter: 2000);
    }

    // ---- history dates ----------------------------------------------------------------------

    private static bool Exists(int year, int month, int day) =>
        year >= 1 && (month == 0 || month is >= 1 and <= 12) && (day == 0 || (month >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month)));

    [Fact]
    public void A_history_date_is_accepted_exactly_when_it_exists()
    {
        // Days only with a month, as the format has them.
        Gen.Select(Gen.Int[0, 9999], Gen.Int[-1, 99], Gen.Int[-1, 99]).Sample((year, month, day) =>
        {
            if (month < 0) day = -1;
            var text = month < 0 ? $"{year:D4}" : day < 0 ? $"{year:D4}-{month:D2}" : $"{year:D4}-{month:D2}-{day:D2}";
            var (date, problem) = HistoryDate.Read(text);
            var shouldExist = Exists(year, Math.Max(month, 0), Math.Max(day, 0)) && month != 0 && day != 0;
            Assert.Equal(shouldExist, date is not null);
            if (date is null)
            {
                Assert.NotNull(problem);
                Assert.Contains("does not exist", problem);
                if (year >= 1 && month is >= 1 and <= 12 && day > 0)
                    Assert.Contains($"has {DateTime.DaysInMonth(year, month)} days", problem);
            }
            else Assert.NotEmpty(date.Display);
        }, iter: 20000);
        Assert.Equal("2026-11-31 does not exist: November has 30 days", HistoryDate.Read("2026-11-31").Problem);
    }

    [Fact]
    public void A_period_must_run_forward_between_real_years() =>
        Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 9999]).Sample((start, end) =>
        {
            var (date, problem) = HistoryDate.Read($"{start:D4}/{end:D4}");
            Assert.Equal(start >= 1 && end > start, date is not null);
            if (date is null) Assert.NotNull(problem);
        }, iter: 5000);

    [Fact]
    public void An_impossible_history_date_is_a_located_error_in_check_and_build() =>
        Gen.OneOf(
                Gen.Int[1, 12].Select(m => $"0000-{m:D2}"),
                Gen.Int[1, 2999].Select(y => $"{y:D4}-00"),
                Gen.Select(Gen.Int[1, 2999], Gen.Int[13, 99]).Select(t => $"{t.Item1:D4}-{t.Item2:D2}"),
                Gen.Select(Gen.Int[1, 2999], Gen.Int[1, 12]).Select(t => $"{t.Item1:D4}-{t.Item2:D2}-{DateTime.DaysInMonth(t.Item1, t.Item2) + 1:D2}"),
                Gen.Int[1, 2999].Select(y => $"{y:D4}/{y:D4}"))
            .Sample(date =>
            {
                using var sandbox = new Sandbox();
                sandbox.Write("content/history/when.md", $"---\ntitle: When\nsummary: A date.\nupdated: 2024-01-01\ndate: '{date}'\n---\nText.\n");
                var outcome = Harness.CheckAndBuild(sandbox);
                Assert.Null(outcome.Check.FatalError);
                Assert.Null(outcome.Build.FatalError);
                var error = Assert.Single(outcome.Check.Diagnostics, d => d.Severity == Severity.Error);
                Assert.Equal((Codes.InvalidDate, 5, 7), (error.Code, error.Line, error.Column));
                Assert.Contains(date, error.Message);
                Harness.AssertSameFindings(outcome);
            }, iter: 25, threads: 1);

    // ---- site.yaml base_url and line ends ---------------------------------------------------

    [Fact]
    public void A_base_url_with_a_query_fragment_or_user_is_refused_where_it_is_written() =>
        Gen.Select(Gen.OneOf("https://example.org", "http://example.org/commons"),
                Gen.OneOf("?utm=x", "?", "#top", "#", "/?a=b#c"), Gen.OneOf("", "user@", "user:secret@"), Gen.Bool)
            .Sample((address, tail, user, withTail) =>
            {
                if (!withTail && user.Length == 0) return;
                var url = address.Replace("://", "://" + user) + (withTail ? tail : "/");
                using var sandbox = new Sandbox();
                sandbox.Write("content/site.yaml", Sandbox.SiteYaml + $"base_url: \"{url}\"\n");
                var result = Bounded.Run(sandbox.Options(write: false));
                var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
                Assert.Equal((Codes.InvalidUrl, 6, 11), (error.Code, error.Line, error.Column));
                Assert.Contains("base_url", error.Message);
            }, iter: 30, threads: 1);

    [Fact]
    public void Any_mix_of_line_ends_gives_true_line_numbers() =>
        Gen.Select(Gen.OneOf("\n", "\r\n", "\r").Array[8], Gen.Int[0, 2]).Sample((ends, extraLines) =>
        {
            var lines = new List<string> { "---", "title: Ends", "summary: Line ends." };
            for (var i = 0; i < extraLines; i++) lines.Add($"tags: [t{i}]".Replace("tags", i == 0 ? "tags" : "contributors"));
            lines.Add("bogus: 1");
            lines.Add("---");
            lines.Add("Text.");
            var text = string.Concat(lines.Select((l, i) => l + ends[i % ends.Length]));
            using var sandbox = new Sandbox();
            sandbox.Write("content/values/ends.md", text);
            var result = Bounded.Run(sandbox.Options(write: false));
            var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal((Codes.UnknownField, 4 + extraLines, 1), (error.Code, error.Line, error.Column));
        }, iter: 40, threads: 1);
}
