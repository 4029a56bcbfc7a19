using System.Text.Json;
using PeerCommons.Cli.Tests.Support;
using PeerCommons.Diagnostics;

namespace PeerCommons.Cli.Tests;

/// <summary><c>check --format github</c> and <c>--format json</c> for a content folder with one error.</summary>
public sealed class FormatTests : IDisposable
{
    private readonly TestSite _site = new(withEntries: false);
    private readonly string _broken;

    public FormatTests()
    {
        _broken = _site.Write("projects/wish.md", "---\ntitle: WISH\nstatus: active\n---\n\nA project.\n");
    }

    public void Dispose() => _site.Dispose();

    private (int Exit, string Out, string Error) Check(string format) =>
        Commands.Run("check", "--content", _site.Content, "--theme", Repo.Path("theme"), "--format", format);

    [Fact]
    public void Github_format_prints_one_workflow_command_per_diagnostic()
    {
        var (exit, output, _) = Check("github");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        var path = DisplayPath.For(_broken);
        Assert.Equal(
            $"::error file={path},line=2,col=1,title=PC0101::PC0101: missing required field 'summary'; add a line 'summary: ...' to the front matter",
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r'));
    }

    [Fact]
    public void Json_format_prints_an_array_with_positions_and_codes()
    {
        var (exit, output, _) = Check("json");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        using var json = JsonDocument.Parse(output);
        var item = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(DisplayPath.For(_broken), item.GetProperty("path").GetString());
        Assert.Equal(2, item.GetProperty("line").GetInt32());
        Assert.Equal(1, item.GetProperty("column").GetInt32());
        Assert.Equal("error", item.GetProperty("severity").GetString());
        Assert.Equal("PC0101", item.GetProperty("code").GetString());
        Assert.Equal("missing required field 'summary'; add a line 'summary: ...' to the front matter", item.GetProperty("message").GetString());
    }

    [Fact]
    public void Valid_content_prints_nothing_in_github_format()
    {
        File.WriteAllText(_broken, "---\ntitle: WISH\nsummary: \"A project.\"\n---\n\nA project.\n");
        var (exit, output, _) = Check("github");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", output.Trim());
    }
}
