using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Tests.Unit;

public sealed class FieldBinderTests
{
    private static (Dictionary<string, object> Values, IReadOnlyList<Diagnostic> Diagnostics) Bind(EntryKind kind, string yaml)
    {
        var bag = new DiagnosticBag();
        var root = (YMapping)YamlTreeReader.Read(yaml, "f.md", 1, bag)!;
        var values = FieldBinder.Bind(root, ContentSchema.For(kind), "f.md", bag);
        return (values, bag.Sorted());
    }

    [Fact]
    public void Converts_each_field_type()
    {
        var (values, diagnostics) = Bind(EntryKind.Project, """
            title: "  WISH  "
            summary: A project.
            updated: 2026-02-01
            started: 1987
            draft: false
            status: active
            roles: [paid, mutual]
            website: https://example.org/
            support_formats: one-to-one
            tags: [a, b-c]
            """);
        Assert.Empty(diagnostics);
        Assert.Equal("WISH", values["title"]);
        Assert.Equal(new DateOnly(2026, 2, 1), values["updated"]);
        Assert.Equal(1987, values["started"]);
        Assert.Equal(false, values["draft"]);
        Assert.Equal("active", values["status"]);
        Assert.Equal(["paid", "mutual"], (IReadOnlyList<string>)values["roles"]);
        Assert.Equal("https://example.org/", values["website"]);
        // A single value where a list is expected becomes a one-item list.
        Assert.Equal(["one-to-one"], (IReadOnlyList<string>)values["support_formats"]);
        Assert.Equal(["a", "b-c"], (IReadOnlyList<string>)values["tags"]);
    }

    [Fact]
    public void Module_and_history_and_curriculum_fields()
    {
        var (module, d1) = Bind(EntryKind.Module, "title: M\nsummary: S\nduration_minutes: 90\nobjectives: [x, y]\n");
        Assert.Empty(d1);
        Assert.Equal(90, module["duration_minutes"]);
        var (history, d2) = Bind(EntryKind.History, "title: H\nsummary: S\ndate: 1790/1800\n");
        Assert.Empty(d2);
        Assert.Equal(1790, ((HistoryDate)history["date"]).Year);
        var (curriculum, d3) = Bind(EntryKind.Curriculum, "title: C\nsummary: S\npeer_led: true\ndelivery: online\n");
        Assert.Empty(d3);
        Assert.Equal(true, curriculum["peer_led"]);
    }

    [Theory]
    [InlineData("draft: \"true\"", Codes.WrongType, 4, 8)]       // a quoted bool is text
    [InlineData("draft: yes", Codes.WrongType, 4, 8)]
    [InlineData("started: 87", Codes.InvalidDate, 4, 10)]
    [InlineData("updated: 2026-02-30", Codes.InvalidDate, 4, 10)]
    [InlineData("updated: 01/02/2026", Codes.InvalidDate, 4, 10)]
    [InlineData("status: Active", Codes.NotInEnum, 4, 9)]
    [InlineData("roles: [paid, boss]", Codes.NotInEnum, 4, 15)]
    [InlineData("website: www.example.org", Codes.InvalidUrl, 4, 10)]
    [InlineData("website: ftp://example.org", Codes.InvalidUrl, 4, 10)]
    [InlineData("tags: [Has Space]", Codes.InvalidSlug, 4, 8)]
    [InlineData("tags: [ok, '']", Codes.WrongType, 4, 12)]
    [InlineData("region: [a, b]", Codes.WrongType, 4, 9)]
    [InlineData("populations: {a: b}", Codes.WrongType, 4, 14)]
    [InlineData("summry: x", Codes.UnknownField, 4, 1)]
    public void Reports_bad_values_at_the_value(string line, string code, int expectedLine, int expectedColumn)
    {
        var (_, diagnostics) = Bind(EntryKind.Project, $"title: T\nsummary: S\n{line}\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, expectedLine, expectedColumn), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Module_minutes_must_be_a_positive_whole_number()
    {
        foreach (var bad in new[] { "ninety", "-5", "1.5", "0" })
        {
            var (_, diagnostics) = Bind(EntryKind.Module, $"title: M\nsummary: S\nduration_minutes: {bad}\n");
            Assert.Equal(Codes.WrongType, Assert.Single(diagnostics).Code);
        }
    }

    [Fact]
    public void Unknown_field_suggests_the_nearest_known_one()
    {
        var (_, diagnostics) = Bind(EntryKind.Value, "title: T\nsummary: S\nalso_caled: [x]\n");
        Assert.Contains("did you mean 'also_called'?", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Summary_longer_than_300_is_too_long()
    {
        var (_, ok) = Bind(EntryKind.Value, $"title: T\nsummary: {new string('s', 300)}\n");
        Assert.Empty(ok);
        var (_, diagnostics) = Bind(EntryKind.Value, $"title: T\nsummary: {new string('s', 301)}\n");
        Assert.Equal(Codes.TooLong, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Every_missing_required_field_is_reported()
    {
        var (_, diagnostics) = Bind(EntryKind.History, "place: Here\n");
        Assert.Equal(["date", "summary", "title"],
            diagnostics.Where(d => d.Code == Codes.MissingField).Select(d => d.Message.Split('\'')[1]).Order());
    }

    [Fact]
    public void Annotations_need_target_and_type_but_not_title_or_summary()
    {
        var (_, diagnostics) = Bind(EntryKind.Annotation, "type: caution\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal(Codes.MissingField, d.Code);
        Assert.Contains("'target'", d.Message);
    }
}

public sealed class SuggestTests
{
    [Theory]
    [InlineData("summry", "summary")]
    [InlineData("titel", "title")]
    [InlineData("tag", "tags")]
    [InlineData("relatd", "related")]
    public void Suggests_near_misses(string word, string expected) =>
        Assert.Equal(expected, Suggest.Nearest(word, ContentSchema.For(EntryKind.Project).Keys));

    [Fact]
    public void Does_not_suggest_unrelated_words()
    {
        Assert.Null(Suggest.Nearest("colour", ["title", "summary", "tags"]));
        Assert.Equal("", Suggest.DidYouMean("colour", ["title", "summary"]));
        Assert.Equal("; did you mean 'summary'?", Suggest.DidYouMean("sumary", ["title", "summary"]));
    }

    [Fact]
    public void Ties_are_broken_alphabetically()
    {
        Assert.Equal("bat", Suggest.Nearest("cat", ["rat", "bat"]));
        Assert.Equal("bat", Suggest.Nearest("cat", ["bat", "rat"]));
    }

    [Fact]
    public void Distance_is_levenshtein()
    {
        Assert.Equal(3, Suggest.Distance("kitten", "sitting"));
        Assert.Equal(0, Suggest.Distance("same", "same"));
        Assert.Equal(4, Suggest.Distance("", "four"));
    }
}

public sealed class AliasesTests
{
    [Theory]
    [InlineData("values/old", "values/old")]
    [InlineData("/values/old/", "values/old")]
    [InlineData("values/old/index.html", "values/old")]
    [InlineData("  projects/x  ", "projects/x")]
    public void Normalizes_site_paths(string alias, string expected) => Assert.Equal(expected, Aliases.Normalize(alias));

    [Theory]
    [InlineData("../../etc")]
    [InlineData("values/../../etc/passwd")]
    [InlineData("..")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("Values/Old")]
    [InlineData("values\\old")]
    [InlineData("a/b/c/d/e")]
    [InlineData("/")]
    [InlineData("")]
    public void Refuses_anything_that_is_not_a_path_of_slugs(string alias) => Assert.Null(Aliases.Normalize(alias));
}

public sealed class HistoryDateTests
{
    [Theory]
    [InlineData("1796", 1796, 0, 0, null, "1796")]
    [InlineData("1796-03", 1796, 3, 0, null, "March 1796")]
    [InlineData("1796-03-14", 1796, 3, 14, null, "14 March 1796")]
    [InlineData("1790/1800", 1790, 0, 0, 1800, "1790–1800")]
    public void Parses_and_displays(string text, int year, int month, int day, int? end, string display)
    {
        var date = HistoryDate.Parse(text)!;
        Assert.Equal((year, month, day, end), (date.Year, date.Month, date.Day, date.EndYear));
        Assert.Equal(display, date.Display);
        Assert.Equal(text, date.Text);
    }

    [Theory]
    [InlineData("96")]
    [InlineData("1796-13")]
    [InlineData("1796-00-01")]
    [InlineData("1796-02-30")]
    [InlineData("1800/1790")]
    [InlineData("1800/1800")]
    [InlineData("1796-3")]
    [InlineData("March 1796")]
    [InlineData("")]
    public void Refuses_what_is_not_a_date(string text) => Assert.Null(HistoryDate.Parse(text));

    [Theory]
    [InlineData("2026-11-31", "2026-11-31 does not exist: November has 30 days")]
    [InlineData("2025-02-29", "2025-02-29 does not exist: February 2025 has 28 days")]
    [InlineData("2026-11-00", "2026-11-00 does not exist: the days of a month start at 01")]
    [InlineData("2026-13-01", "2026-13-01 does not exist: months run from 01 (January) to 12 (December)")]
    [InlineData("0000-01-01", "0000-01-01 does not exist: there is no year 0000, the years of the calendar start at 0001")]
    public void A_full_date_off_the_calendar_is_told_why_in_the_same_words_as_a_history_date_or_an_updated_date(string text, string why)
    {
        Assert.Equal(why, HistoryDate.Read(text).Problem);
        Assert.Equal(why, DateProblem.NonExistent(text));
    }

    [Fact]
    public void Orders_chronologically_with_coarser_dates_first()
    {
        var texts = new[] { "1800", "1796-03-14", "1796", "1790/1800", "1796-03", "1790/1795", "1795-12-31" };
        var ordered = texts.Select(t => HistoryDate.Parse(t)!).Order().Select(d => d.Text);
        Assert.Equal(["1790/1795", "1790/1800", "1795-12-31", "1796", "1796-03", "1796-03-14", "1800"], ordered);
        Assert.True(HistoryDate.Parse("1796")!.CompareTo(null) > 0);
    }
}
