using PeerCommons.Diagnostics;
using PeerCommons.Pipeline;

namespace PeerCommons.Hardening.Tests.Support;

/// <summary>check then build on a sandbox, time-bounded, with the guarantees every run must keep.</summary>
public static class Harness
{
    public sealed record Outcome(BuildResult Check, BuildResult Build, List<string> Escapes, List<string> HtmlProblems);

    public static Outcome CheckAndBuild(Sandbox sandbox, TimeSpan? limit = null)
    {
        var before = sandbox.Tree();
        var check = Bounded.Run(sandbox.Options(write: false), limit);
        var afterCheck = sandbox.Tree();
        var build = Bounded.Run(sandbox.Options(write: true), limit);
        var after = sandbox.Tree();

        var escapes = sandbox.ChangesOutsideOutput(before, afterCheck).Select(c => "check " + c)
            .Concat(sandbox.ChangesOutsideOutput(before, after).Select(c => "build " + c)).ToList();
        if (!build.Written && Directory.Exists(sandbox.Output)) escapes.Add("a failed build left an output folder");
        var html = Directory.Exists(sandbox.Output) ? HtmlAudit.Site(sandbox.Output) : [];
        return new Outcome(check, build, escapes, html);
    }

    /// <summary>check and build find the same diagnostics (build may add none of its own for content).</summary>
    public static void AssertSameFindings(Outcome outcome)
    {
        Assert.Equal(outcome.Check.Diagnostics.Select(d => d.ToString()), outcome.Build.Diagnostics.Select(d => d.ToString()));
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    /// <summary>The content file a diagnostic names, relative to content/ ('/' separators).</summary>
    public static string ContentPath(Diagnostic diagnostic, Sandbox sandbox)
    {
        var full = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, diagnostic.Path));
        return Path.GetRelativePath(sandbox.Content, full).Replace('\\', '/');
    }
}
