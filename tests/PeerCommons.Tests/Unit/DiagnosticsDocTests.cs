using System.Reflection;
using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Unit;

public sealed partial class DiagnosticsDocTests
{
    [GeneratedRegex(@"^#{2,6}\s+(PC\d{4})\b", RegexOptions.Multiline)]
    private static partial Regex CodeHeading();

    private static IReadOnlyList<(string Name, string Code)> AllCodes() =>
        typeof(Codes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToList();

    /// <summary>Each code's section: from its heading to the next heading of a code.</summary>
    private static Dictionary<string, string> Sections()
    {
        var text = File.ReadAllText(Repo.Path("docs", "diagnostics.md"));
        var matches = CodeHeading().Matches(text).ToList();
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            Assert.True(sections.TryAdd(matches[i].Groups[1].Value, text[matches[i].Index..end]), $"{matches[i].Groups[1].Value} has two headings");
        }
        return sections;
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = AllCodes();
        Assert.True(codes.Count >= 39);
        Assert.All(codes, c => Assert.Matches(@"^PC\d{4}$", c.Code));
        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Every_code_is_a_heading_in_docs_diagnostics_md()
    {
        var sections = Sections();
        var missing = AllCodes().Where(c => !sections.ContainsKey(c.Code)).Select(c => $"{c.Code} ({c.Name})").ToList();
        Assert.True(missing.Count == 0, "not documented in docs/diagnostics.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_doc_documents_no_code_that_does_not_exist()
    {
        var known = AllCodes().Select(c => c.Code).ToHashSet();
        Assert.All(Sections().Keys, code => Assert.Contains(code, known));
    }

    [Fact]
    public void Each_code_has_an_example_line_a_meaning_and_a_fix()
    {
        foreach (var (code, section) in Sections())
        {
            Assert.Matches(new Regex($@"^\S+\(\d+,\d+\): (error|warning) {code}: .+$", RegexOptions.Multiline), section);
            Assert.Contains("**What it means.**", section);
            Assert.Contains("**How to fix it.**", section);
        }
    }
}
