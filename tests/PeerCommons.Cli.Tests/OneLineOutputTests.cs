using PeerCommons.Cli.Tests.Support;

namespace PeerCommons.Cli.Tests;

/// <summary>
/// A value with line breaks quoted in a message (here an unknown status) still prints one line per
/// diagnostic, in the text format the pull-request workflow uses and in the github format.
/// </summary>
public sealed class OneLineOutputTests
{
    /// <summary>Generated from pieces that could start a second line or a workflow command.</summary>
    public static TheoryData<string> HostileValues()
    {
        string[] pieces = ["\\n", "\\r", "\\r\\n", "::error file=README.md,line=1::owned", "%0A", "%", "\\u2028", "::set-env name=X::1", "act", "ive"];
        var random = new Random(6);
        var data = new TheoryData<string>();
        for (var i = 0; i < 8; i++)
            data.Add(string.Concat(Enumerable.Range(0, 2 + random.Next(5)).Select(_ => pieces[random.Next(pieces.Length)])) + "\\n::error::x");
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Every_diagnostic_is_one_line_in_text_and_github_format(string escapedValue)
    {
        using var site = new TestSite(withEntries: false);
        // Double-quoted YAML turns the escapes into the characters themselves.
        site.Write("projects/wish.md", $"---\ntitle: WISH\nsummary: \"A project.\"\nstatus: \"{escapedValue}\"\n---\n\nA project.\n");
        var (_, json, _) = Commands.Run("check", "--content", site.Content, "--theme", Repo.Path("theme"), "--format", "json", "--quiet");
        var count = System.Text.Json.JsonDocument.Parse(json).RootElement.GetArrayLength();
        Assert.True(count >= 1);
        foreach (var format in new[] { "text", "github" })
        {
            var (exit, output, _) = Commands.Run("check", "--content", site.Content, "--theme", Repo.Path("theme"), "--format", format, "--quiet");
            Assert.Equal(ExitCodes.ContentErrors, exit);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(count, lines.Length);
            Assert.Contains(lines, line => line.Contains("PC0104", StringComparison.Ordinal));
            // A workflow command is a line that starts with '::': only the github format's own may.
            foreach (var line in lines)
            {
                Assert.DoesNotContain('\r', line);
                if (format == "text") Assert.StartsWith(Diagnostics.DisplayPath.For(site.Path("projects/wish.md")) + "(", line);
                else Assert.StartsWith("::error file=", line);
            }
        }
    }
}
