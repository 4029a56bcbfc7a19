using PeerCommons.Diagnostics;
using PeerCommons.Pipeline;

namespace PeerCommons.Cli.Tests.Support;

/// <summary>
/// A scratch repository: <c>root/content</c> with a minimal valid site (a help page, a value, a
/// curriculum with one module, a community with maintainers, one source). Deleted at the end.
/// </summary>
public sealed class TestSite : IDisposable
{
    public TestSite(bool withEntries = true)
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "peercommons-cli-tests", Guid.NewGuid().ToString("N"));
        Content = System.IO.Path.Combine(Root, "content");
        Directory.CreateDirectory(Content);
        Write("site.yaml", "title: Test Commons\nrepo_url: https://github.com/example/test\nhelp_link:\n  url: pages/help/\n  text: Need help now?\nlanguage: en-GB\n");
        Write("sources.yaml", "smith-2020:\n  authors: [Jo Smith]\n  year: 2020\n  title: A study\n");
        Write("pages/help.md", "---\ntitle: Help\nsummary: \"Where to get help now.\"\n---\n\nCall someone you trust.\n");
        if (!withEntries) return;
        Write("values/mutuality.md", "---\ntitle: Mutuality\nsummary: \"Both people give and receive.\"\n---\n\nMutuality.\n\n## Tensions\n\nSome.\n");
        Write("curricula/peer-basics/index.md", "---\ntitle: Peer basics\nsummary: \"An introduction.\"\n---\n\nIntro.\n");
        Write("curricula/peer-basics/01-listening.md", "---\ntitle: Listening\nsummary: \"How to listen.\"\n---\n\nListen.\n");
        Write("communities/hearing-voices.md", "---\ntitle: Hearing Voices Group\nsummary: \"A group.\"\nmaintainers: [jo-smith, sam-lee]\n---\n\nWe meet weekly.\n");
        Write("communities/carers.md", "---\ntitle: Carers\nsummary: \"Carers.\"\n---\n\nCarers.\n");
    }

    public string Root { get; }
    public string Content { get; }

    public string Path(string relative) => System.IO.Path.Combine([Content, .. relative.Split('/')]);

    public string Write(string relative, string text)
    {
        var full = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Runs check (the whole pipeline, writing nothing) with the repository's theme.</summary>
    public BuildResult Check() => BuildPipeline.Run(new BuildOptions
    {
        ContentDirectory = Content,
        ThemeDirectory = Repo.Path("theme"),
        WriteOutput = false,
    });

    public static string Describe(BuildResult result) =>
        string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString())) + (result.FatalError ?? "");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}


/// <summary>Runs the real command line with Console.Out and Console.Error captured.</summary>
public static class Commands
{
    private static readonly object Gate = new();

    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldError) = (Console.Out, Console.Error);
            var (output, error) = (new StringWriter(), new StringWriter());
            try
            {
                Console.SetOut(output);
                Console.SetError(error);
                var exit = CommandLine.Run(args);
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }
        }
    }
}
