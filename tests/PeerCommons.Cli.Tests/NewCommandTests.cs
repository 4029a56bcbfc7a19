using PeerCommons.Cli.Tests.Support;
using PeerCommons.Model;
using PeerCommons.Scaffold;
using PeerCommons.Validate;

namespace PeerCommons.Cli.Tests;

public sealed class NewCommandTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private (int Exit, string Out, string Error) New(params string[] args) => Commands.Run(["new", .. args, "--content", _site.Content]);

    public static TheoryData<string, string, string[]> Kinds => new()
    {
        { "project", "projects/hearing-voices-cafe.md", [] },
        { "value", "values/hearing-voices-cafe.md", [] },
        { "history", "history/hearing-voices-cafe.md", ["--date", "1985"] },
        { "curriculum", "curricula/hearing-voices-cafe/index.md", [] },
        { "module", "curricula/peer-basics/02-hearing-voices-cafe.md", ["--curriculum", "peer-basics"] },
        { "community", "communities/hearing-voices-cafe.md", [] },
        { "annotation", "annotations/hearing-voices/hearing-voices-cafe.md", ["--community", "hearing-voices", "--target", "values/mutuality#tensions"] },
    };

    /// <summary>Every error is a placeholder still waiting for words (what a fresh scaffold should give, and nothing else).</summary>
    private static void AssertOnlyPlaceholders(PeerCommons.Pipeline.BuildResult result) =>
        Assert.True(result.Diagnostics.All(d => d.Code == Diagnostics.Codes.PlaceholderLeft), TestSite.Describe(result));

    /// <summary>What a contributor does: each TODO prompt replaced by their own words.</summary>
    private static string FillIn(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"TODO:?[^\n""]*", "Written by the contributor.");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void New_entry_of_every_kind_fails_check_at_each_placeholder_until_it_is_filled_in(string kind, string expectedPath, string[] extra)
    {
        var (exit, output, error) = New([kind, "Hearing Voices Café", .. extra]);

        Assert.True(exit == ExitCodes.Success, error);
        var full = _site.Path(expectedPath);
        Assert.True(File.Exists(full), $"expected {expectedPath}; printed: {output}");
        Assert.Contains(expectedPath, output.Replace('\\', '/'));
        Assert.Contains("then run peercommons check --content", output);

        // Fresh: one located error per TODO line, and nothing else.
        var lines = File.ReadAllLines(full);
        var result = _site.Check();
        Assert.False(result.Succeeded);
        AssertOnlyPlaceholders(result);
        var reported = result.Diagnostics.Where(d => d.Path.EndsWith(expectedPath, StringComparison.Ordinal)).Select(d => d.Line).ToList();
        var expected = Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].Contains("TODO") && !lines[n - 1].TrimStart().StartsWith('#')).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, reported);

        // Filled in: it passes with no warning, and no hint of the scaffold is published.
        File.WriteAllText(full, FillIn(File.ReadAllText(full)));
        using var site = new TempFolder();
        var built = PeerCommons.Pipeline.BuildPipeline.Run(new PeerCommons.Pipeline.BuildOptions
        {
            ContentDirectory = _site.Content,
            OutputDirectory = site.Path("_site"),
            ThemeDirectory = Repo.Path("theme"),
        });
        Assert.True(built.Succeeded, TestSite.Describe(built));
        Assert.DoesNotContain(built.Diagnostics, d => d.Path.EndsWith(expectedPath, StringComparison.Ordinal)); // not even a warning
        foreach (var page in Directory.EnumerateFiles(site.Path("_site"), "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("sources.yaml", html);
            Assert.DoesNotContain("not published", html);
            Assert.DoesNotContain("peercommons new module", html);
            Assert.DoesNotContain("TODO", html);
        }
    }

    [Fact]
    public void New_project_on_a_site_that_requires_sources_is_told_to_name_one()
    {
        using var site = new TestSite(withEntries: false);
        File.AppendAllText(site.Path("site.yaml"), "require_sources: true\n");
        Assert.Equal(ExitCodes.Success, Commands.Run(["new", "project", "Drop-in", "--content", site.Content]).Exit);
        var text = FillIn(File.ReadAllText(site.Path("projects/drop-in.md")));
        File.WriteAllText(site.Path("projects/drop-in.md"), text);
        var sourcesLine = Array.IndexOf(text.Split('\n'), "sources: []") + 1;

        var result = site.Check();
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((Diagnostics.Codes.NoSource, sourcesLine, 1), (d.Code, d.Line, d.Column));
        Assert.Contains("needs at least one source", d.Message);

        File.WriteAllText(site.Path("projects/drop-in.md"), text.Replace("sources: []", "sources: [smith-2020]"));
        Assert.True(site.Check().Diagnostics.Count == 0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void New_entry_has_every_field_of_its_kind_with_a_comment(string kind, string expectedPath, string[] extra)
    {
        Assert.Equal(ExitCodes.Success, New([kind, "Hearing Voices Café", .. extra]).Exit);
        var text = File.ReadAllText(_site.Path(expectedPath));
        var frontMatter = text.Split("---\n")[1];
        var lines = frontMatter.Split('\n');
        var entryKind = Enum.Parse<EntryKind>(kind, ignoreCase: true);
        foreach (var spec in ContentSchema.For(entryKind).Values)
        {
            var index = Array.FindIndex(lines, l => l == spec.Name + ":" || l.StartsWith(spec.Name + ": ", StringComparison.Ordinal));
            Assert.True(index > 0, $"{kind}: field '{spec.Name}' missing");
            Assert.StartsWith("#", lines[index - 1].TrimStart());
            var comment = string.Join(' ', lines.Take(index).Reverse().TakeWhile(l => l.StartsWith('#')).Reverse());
            Assert.Contains(spec.Required ? "Required." : "Optional.", comment);
            foreach (var allowed in spec.Allowed ?? []) Assert.Contains(allowed, comment);
        }
        Assert.Contains("title: \"Hearing Voices Café\"", text);
        if (entryKind != EntryKind.Annotation) Assert.Contains("\n## ", text); // an annotation is one note shown inside its target's page
        Assert.Contains("TODO", text.Split("---\n")[2]);
    }

    [Fact]
    public void Every_schema_field_has_a_plain_language_meaning()
    {
        foreach (var kind in EntryScaffold.Kinds)
            foreach (var name in ContentSchema.For(kind).Keys)
                Assert.False(FieldHelp.Meaning(kind, name) is null, $"FieldHelp has no meaning for {kind}.{name}");
    }

    [Fact]
    public void A_title_whose_entry_exists_is_refused_with_the_path_of_that_entry()
    {
        var (exit, _, error) = New("value", "Mutuality");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("values/mutuality already exists: ", error);
        Assert.Contains("values/mutuality.md", error.Replace('\\', '/'));
        Assert.Contains("--id", error);
        Assert.Single(Directory.GetFiles(_site.Path("values")));

        // A different value of a similar name gets the id its author chooses.
        Assert.Equal(ExitCodes.Success, New("value", "Mutuality", "--id", "mutuality-in-groups").Exit);
        Assert.True(File.Exists(_site.Path("values/mutuality-in-groups.md")));
    }

    [Fact]
    public void A_title_that_is_an_old_address_is_refused_and_names_the_entry_it_leads_to()
    {
        _site.Write("values/reciprocity.md", "---\ntitle: Reciprocity\nsummary: \"Give and take.\"\naliases: [values/give-and-take]\n---\n\nText.\n");
        var (exit, _, error) = New("value", "Give and take");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("old address of values/reciprocity", error);
        Assert.Contains("values/reciprocity.md", error.Replace('\\', '/'));
        Assert.False(File.Exists(_site.Path("values/give-and-take-2.md")));
    }

    [Fact]
    public void Refuses_to_overwrite_an_existing_file()
    {
        var before = File.ReadAllText(_site.Path("values/mutuality.md"));
        var (exit, _, error) = New("value", "Something else", "--id", "mutuality");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("refusing to overwrite", error);
        Assert.Equal(before, File.ReadAllText(_site.Path("values/mutuality.md")));
    }

    [Fact]
    public void Refuses_a_curriculum_folder_that_exists_without_index()
    {
        Directory.CreateDirectory(_site.Path("curricula/draft-course"));
        Assert.Equal(ExitCodes.Success, New("curriculum", "Draft course").Exit);
        Assert.True(File.Exists(_site.Path("curricula/draft-course-2/index.md")));
    }

    [Fact]
    public void Module_numbers_follow_the_last_module()
    {
        Assert.Equal(ExitCodes.Success, New("module", "Boundaries", "--curriculum", "peer-basics").Exit);
        Assert.Equal(ExitCodes.Success, New("module", "Endings", "--curriculum", "peer-basics").Exit);
        Assert.Equal(ExitCodes.UsageOrIo, New("module", "Listening", "--curriculum", "peer-basics").Exit); // 01-listening exists
        var files = Directory.GetFiles(_site.Path("curricula/peer-basics"), "*.md").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["01-listening.md", "02-boundaries.md", "03-endings.md", "index.md"], files);
        AssertOnlyPlaceholders(_site.Check());
    }

    [Fact]
    public void First_module_of_a_new_curriculum_is_01()
    {
        Assert.Equal(ExitCodes.Success, New("curriculum", "Advanced").Exit);
        Assert.Equal(ExitCodes.Success, New("module", "Opening", "--curriculum", "advanced").Exit);
        Assert.True(File.Exists(_site.Path("curricula/advanced/01-opening.md")));
    }

    [Fact]
    public void Module_for_an_unknown_curriculum_fails()
    {
        var (exit, _, error) = New("module", "Opening", "--curriculum", "peer-basic");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("no curriculum 'peer-basic'", error);
        Assert.Contains("peer-basics", error); // did you mean
        Assert.False(Directory.Exists(_site.Path("curricula/peer-basic")));
    }

    [Fact]
    public void Module_without_curriculum_option_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.UsageOrIo, New("module", "Opening").Exit);
    }

    [Fact]
    public void Annotation_for_an_unknown_community_fails()
    {
        var (exit, _, error) = New("annotation", "Our view", "--community", "nobody", "--target", "values/mutuality");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("no community 'nobody'", error);
        Assert.False(Directory.Exists(_site.Path("annotations/nobody")));
    }

    [Fact]
    public void Annotation_for_an_unknown_target_fails()
    {
        var (exit, _, error) = New("annotation", "Our view", "--community", "hearing-voices", "--target", "values/mutualty");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("no entry 'values/mutualty'", error);
        Assert.Contains("values/mutuality", error);
        Assert.False(Directory.Exists(_site.Path("annotations/hearing-voices")));
    }

    [Fact]
    public void Annotation_type_is_written_and_checked()
    {
        Assert.Equal(ExitCodes.Success, New("annotation", "A caution", "--community", "hearing-voices", "--target", "curricula/peer-basics/listening", "--type", "caution").Exit);
        Assert.Contains("\ntype: caution\n", File.ReadAllText(_site.Path("annotations/hearing-voices/a-caution.md")));
        Assert.Equal(ExitCodes.UsageOrIo, New("annotation", "Other", "--community", "hearing-voices", "--target", "values/mutuality", "--type", "rant").Exit);
        AssertOnlyPlaceholders(_site.Check());
    }

    [Fact]
    public void History_date_can_be_given()
    {
        Assert.Equal(ExitCodes.Success, New("history", "First group", "--date", "1985-04").Exit);
        Assert.Contains("\ndate: \"1985-04\"\n", File.ReadAllText(_site.Path("history/first-group.md")));
        Assert.Equal(ExitCodes.UsageOrIo, New("history", "Second", "--date", "spring").Exit);
        AssertOnlyPlaceholders(_site.Check());
    }

    [Fact]
    public void History_without_a_date_is_refused_and_told_how_to_give_one()
    {
        var (exit, _, error) = New("history", "First group");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("needs the date it happened: pass --date", error);
        Assert.Contains("--date 1985-04", error);
        Assert.False(Directory.Exists(_site.Path("history")));
    }

    [Fact]
    public void History_with_a_date_that_does_not_exist_is_told_why()
    {
        var (exit, _, error) = New("history", "First group", "--date", "1985-02-30");
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("1985-02-30 does not exist: February 1985 has 28 days", error);
    }

    [Fact]
    public void Missing_content_folder_is_a_usage_error()
    {
        var (exit, _, error) = Commands.Run("new", "value", "X", "--content", Path.Combine(_site.Root, "nowhere"));
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("site.yaml", error);
    }

    [Theory]
    [InlineData("Hearing Voices Café", "hearing-voices-cafe")]
    [InlineData("Māori peer support: what's next?", "maori-peer-support-whats-next")]
    [InlineData("  Peer  Support -- Network (UK) ", "peer-support-network-uk")]
    [InlineData("Ærø Straße", "aero-strasse")]
    [InlineData("日本", "value")]
    public void Ids_are_slugs_of_the_title(string title, string expected)
    {
        Assert.Equal(expected, EntryScaffold.Slug(title, "value"));
        Assert.True(Slugs.IsValid(EntryScaffold.Slug(title, "value")));
    }

    [Fact]
    public void Long_titles_give_ids_cut_at_a_word()
    {
        var slug = EntryScaffold.Slug(string.Join(' ', Enumerable.Repeat("supporting", 20)), "value");
        Assert.True(slug.Length <= EntryScaffold.MaxIdLength);
        Assert.EndsWith("supporting", slug);
    }
}
