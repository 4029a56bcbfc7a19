using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// fixtures/broken/&lt;name&gt;/: a content folder (and optionally the site's own theme/ files beside it, over
/// the repository's theme, or a bundled-theme/ that replaces the repository's) plus expected.txt with
/// the exact diagnostics, one per line: <c>content/x.md(line,col): error PCnnnn</c>, optionally
/// followed by <c>: text</c> that the message must contain. Every diagnostic the run produces
/// must be listed, and every listed one must be produced. A fixture with generate.txt
/// ("relative/path bytes" lines) is copied to a temp folder and gets those files generated,
/// so that big files need not be committed.
/// </summary>
public sealed partial class BrokenFixtureTests
{
    [GeneratedRegex(@"^(?<head>.+\(\d+,\d+\): (?:error|warning) PC\d{4})(?:: (?<text>.*))?$")]
    private static partial Regex ExpectedLine();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Build.Fixture("broken")).OrderBy(d => d, StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_produces_exactly_the_expected_diagnostics(string name)
    {
        var fixture = Build.Fixture("broken", name);
        using var temp = new TempFolder();
        var root = fixture;
        var generate = Path.Combine(fixture, "generate.txt");
        if (File.Exists(generate))
        {
            root = temp.Path("fixture");
            Build.CopyFolder(fixture, root);
            foreach (var line in File.ReadAllLines(generate).Where(l => l.Trim().Length > 0))
            {
                var parts = line.Split(' ');
                var path = Path.Combine(root, "content", parts[0]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // Front matter, then a long body: a valid file apart from its size.
                using var stream = File.Create(path);
                var head = "---\ntitle: Huge\nsummary: \"Too big.\"\n---\n"u8.ToArray();
                stream.Write(head);
                var filler = new byte[long.Parse(parts[1]) - head.Length];
                Array.Fill(filler, (byte)'a');
                stream.Write(filler);
            }
        }

        var theme = Directory.Exists(Path.Combine(root, "bundled-theme")) ? Path.Combine(root, "bundled-theme") : null;
        var result = Build.Check(Path.Combine(root, "content"), theme);

        var expected = File.ReadAllLines(Path.Combine(fixture, "expected.txt")).Where(l => l.Trim().Length > 0)
            .Select(l => ExpectedLine().Match(l)).ToList();
        Assert.All(expected, m => Assert.True(m.Success, "malformed expected.txt line: " + m.Value));

        var actualHeads = result.Diagnostics.Select(d => Build.Head(d, root)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var expectedHeads = expected.Select(m => m.Groups["head"].Value).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.True(expectedHeads.SequenceEqual(actualHeads),
            $"expected:\n{string.Join("\n", expectedHeads)}\nactual:\n{Build.Describe(result.Diagnostics)}");

        foreach (var m in expected.Where(m => m.Groups["text"].Success))
        {
            var diagnostic = result.Diagnostics.First(d => Build.Head(d, root) == m.Groups["head"].Value);
            Assert.Contains(m.Groups["text"].Value, diagnostic.Message);
        }
        // A broken fixture is broken: check fails on errors, and a warning-only fixture still builds.
        Assert.Equal(result.Diagnostics.Any(d => d.Severity == Severity.Error), !result.Succeeded);
        Assert.Null(result.FatalError);
    }

    /// <summary>The codes a fixture's expected.txt covers (its folder name starts with the code).</summary>
    private static HashSet<string> CoveredCodes() =>
        Directory.GetDirectories(Build.Fixture("broken"))
            .SelectMany(d => File.ReadAllLines(Path.Combine(d, "expected.txt")))
            .Select(l => Regex.Match(l, @"\b(PC\d{4})\b").Groups[1].Value)
            .Where(c => c.Length > 0).ToHashSet();

    [Fact]
    public void Every_code_has_a_broken_fixture()
    {
        var codes = typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var covered = CoveredCodes();
        var missing = codes.Where(c => !covered.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "codes without a broken fixture: " + string.Join(", ", missing));
        foreach (var dir in Directory.GetDirectories(Build.Fixture("broken")))
        {
            var name = Path.GetFileName(dir);
            if (!name.StartsWith("PC", StringComparison.Ordinal)) continue;
            Assert.Contains(name[..6], File.ReadAllText(Path.Combine(dir, "expected.txt")));
        }
    }

    [Fact]
    public void Billion_laughs_is_refused_quickly()
    {
        var clock = Stopwatch.StartNew();
        var result = Build.Check(Build.Fixture("broken", "PC0007-yaml-alias-bomb", "content"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.YamlAlias, diagnostic.Code);
    }

    [Fact]
    public void A_missing_content_folder_is_an_error_not_a_crash()
    {
        using var temp = new TempFolder();
        var result = Build.Check(temp.Path("no-such-folder"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.UnexpectedFile, diagnostic.Code);
        Assert.Equal(Severity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Files_just_over_one_megabyte_are_refused_and_just_under_are_read()
    {
        using var temp = new TempFolder();
        temp.Write("content/site.yaml", "title: T\n");
        var head = "---\ntitle: Big\nsummary: \"Big.\"\n---\n";
        temp.Write("content/values/under.md", head + new string('a', 1024 * 1024 - head.Length));
        temp.Write("content/values/over.md", head + new string('a', 1024 * 1024 - head.Length + 1));
        var result = Build.Check(temp.Path("content"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Codes.FileTooLarge, diagnostic.Code);
        Assert.Equal("content/values/over.md", Build.RelativePath(diagnostic, temp.Root));
    }
}
