using Microsoft.Playwright;

namespace PeerCommons.Browser.Tests.Support;

public sealed record AxeNode(string Target, string Html, string Summary);

public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, AxeNode[] Nodes);

public sealed record AxeReport(string Version, int Passes, AxeViolation[] Violations);

/// <summary>
/// Runs axe-core, the copy that Deque.AxeCore.Playwright ships, inside the page and returns only the
/// violations. Deque's RunAxe does the same plus cross-frame partial runs and full result serialisation,
/// which costs 5-10x more time per run on these pages (they have no frames); the rules are the same.
/// </summary>
public static class Axe
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var assembly = typeof(Deque.AxeCore.Commons.AxeRunOptions).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("axe.min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });

    private const string Run = """
        async tags => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return {
            version: axe.version,
            passes: r.passes.length,
            violations: r.violations.map(v => ({
              id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || '' })),
            })),
          };
        }
        """;

    public static async Task<AxeReport> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(Run, WcagTags);
        return System.Text.Json.JsonSerializer.Deserialize<AxeReport>(json, new System.Text.Json.JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
