using PeerCommons.Cli.Tests.Support;
using PeerCommons.Diagnostics;
using PeerCommons.Ownership;

namespace PeerCommons.Cli.Tests;

public sealed class CodeOwnersTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string CodeOwnersPath => Path.Combine(_site.Root, ".github", "CODEOWNERS");

    private const string ExpectedBlock =
        CodeOwners.BeginMarker + "\n" +
        "/content/communities/hearing-voices.md @jo-smith @sam-lee\n" +
        "/content/annotations/hearing-voices/ @jo-smith @sam-lee\n" +
        "/content/communities/zine-makers.md @ana\n" +
        "/content/annotations/zine-makers/ @ana\n" +
        CodeOwners.EndMarker + "\n";

    private void AddZineMakers() =>
        _site.Write("communities/zine-makers.md", "---\ntitle: Zine makers\nsummary: \"Makers.\"\nmaintainers: [ana, ana]\n---\n\nZines.\n");

    [Fact]
    public void Writes_owners_for_each_community_with_maintainers_in_id_order()
    {
        AddZineMakers();
        var (exit, output, _) = Commands.Run("codeowners", "--content", _site.Content);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Wrote", output);
        Assert.Equal(ExpectedBlock, File.ReadAllText(CodeOwnersPath)); // carers has no maintainers: no lines
    }

    [Fact]
    public void Keeps_lines_outside_the_generated_block_and_is_idempotent()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CodeOwnersPath)!);
        File.WriteAllText(CodeOwnersPath, "# Editors review everything by default\n* @editors\n/src/ @developers\n");
        AddZineMakers();

        Assert.Equal(ExitCodes.Success, Commands.Run("codeowners", "--content", _site.Content).Exit);
        var first = File.ReadAllText(CodeOwnersPath);
        Assert.Equal("# Editors review everything by default\n* @editors\n/src/ @developers\n\n" + ExpectedBlock, first);

        // Lines added after the block by hand survive a regeneration, and the block is replaced in place.
        File.WriteAllText(CodeOwnersPath, first + "/theme/ @designers\n");
        _site.Write("communities/zine-makers.md", "---\ntitle: Zine makers\nsummary: \"Makers.\"\nmaintainers: [bo]\n---\n\nZines.\n");
        var (exit, output, _) = Commands.Run("codeowners", "--content", _site.Content);
        Assert.Equal(ExitCodes.Success, exit);
        var second = File.ReadAllText(CodeOwnersPath);
        Assert.StartsWith("# Editors review everything by default\n* @editors\n/src/ @developers\n\n" + CodeOwners.BeginMarker, second);
        Assert.Contains("/content/annotations/zine-makers/ @bo\n" + CodeOwners.EndMarker + "\n/theme/ @designers\n", second);

        var (again, againOutput, _) = Commands.Run("codeowners", "--content", _site.Content);
        Assert.Equal(ExitCodes.Success, again);
        Assert.Contains("already up to date", againOutput);
        Assert.Equal(second, File.ReadAllText(CodeOwnersPath));
    }

    [Fact]
    public void Check_option_detects_drift_and_writes_nothing()
    {
        Assert.Equal(ExitCodes.Success, Commands.Run("codeowners", "--content", _site.Content).Exit);
        Assert.Equal(ExitCodes.Success, Commands.Run("codeowners", "--content", _site.Content, "--check").Exit);

        AddZineMakers();
        var before = File.ReadAllText(CodeOwnersPath);
        var (exit, _, error) = Commands.Run("codeowners", "--content", _site.Content, "--check");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains($"error {CodeOwners.OutOfDateCode}: .github/CODEOWNERS does not match the communities' maintainers; run 'peercommons codeowners --content", error);
        Assert.Contains("+ /content/communities/zine-makers.md @ana", error);
        Assert.Equal(before, File.ReadAllText(CodeOwnersPath));
    }

    [Fact]
    public void Check_option_reports_a_missing_file()
    {
        var (exit, _, error) = Commands.Run("codeowners", "--content", _site.Content, "--check");
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("missing", error);
        Assert.False(File.Exists(CodeOwnersPath));
    }

    [Fact]
    public void Broken_markers_are_not_guessed_at()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CodeOwnersPath)!);
        File.WriteAllText(CodeOwnersPath, "* @editors\n" + CodeOwners.BeginMarker + "\n/content/ @someone\n");
        var (exit, _, error) = Commands.Run("codeowners", "--content", _site.Content);
        Assert.Equal(ExitCodes.UsageOrIo, exit);
        Assert.Contains("END peercommons codeowners", error);
        Assert.Equal("* @editors\n" + CodeOwners.BeginMarker + "\n/content/ @someone\n", File.ReadAllText(CodeOwnersPath));
    }

    [Fact]
    public void Pipeline_check_applies_to_git_repositories_and_existing_files()
    {
        var bag = new DiagnosticBag();
        CodeOwners.Check(_site.Content, bag);
        Assert.False(bag.HasErrors); // a scratch content folder outside any repository is not asked for one

        Directory.CreateDirectory(Path.Combine(_site.Root, ".git"));
        CodeOwners.Check(_site.Content, bag);
        var error = Assert.Single(bag.Sorted());
        Assert.Equal(CodeOwners.OutOfDateCode, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.EndsWith(".github/CODEOWNERS", error.Path);

        CodeOwners.Write(_site.Content);
        bag = new DiagnosticBag();
        CodeOwners.Check(_site.Content, bag);
        Assert.False(bag.HasErrors);

        AddZineMakers();
        CodeOwners.Check(_site.Content, bag);
        Assert.Contains("does not match", Assert.Single(bag.Sorted()).Message);
    }

    [Fact]
    public void The_repository_codeowners_file_is_up_to_date()
    {
        var status = CodeOwners.Inspect(Repo.Path("content"));
        Assert.True(status.IsUpToDate, "run 'peercommons codeowners' at the repository root: " + string.Join("\n", CodeOwners.Differences(status)));
    }
}
