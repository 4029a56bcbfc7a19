using System.Text.RegularExpressions;
using PeerCommons.Pipeline;

namespace PeerCommons.Browser.Tests.Support;

/// <summary>
/// The starter content has no alias, so no redirect page: this builds a small site from the generator's
/// valid fixture with a module renamed (its old address kept as an alias), into a folder below the
/// starter site, where it is served like the rest (relative links work under a sub-path).
/// </summary>
public sealed class AliasedSite : IDisposable
{
    /// <summary>The renamed module's old address (a redirect page) and its new one, from this site's folder.</summary>
    public const string OldModule = "curricula/peer-basics/active-listening/";
    public const string NewModule = "curricula/peer-basics/listening/";

    private readonly string _content;

    /// <summary>The built site's folder, below the starter site's root.</summary>
    public string Folder { get; }
    public string Output { get; }

    private AliasedSite(string content, string output)
    {
        _content = content;
        Output = output;
        Folder = Path.GetFileName(output);
    }

    public static AliasedSite Build(SiteFixture site)
    {
        var built = new AliasedSite(Path.Combine(Path.GetTempPath(), "peercommons-alias-" + Guid.NewGuid().ToString("N")),
            Path.Combine(site.SiteDirectory, "renamed-" + Guid.NewGuid().ToString("N")[..8]));
        Copy(Repo.Path("tests", "PeerCommons.Tests", "fixtures", "valid", "content"), built._content);
        var module = Path.Combine(built._content, "curricula", "peer-basics", "01-listening.md");
        File.WriteAllText(module, Regex.Replace(File.ReadAllText(module), @"^title: Listening\r?\n",
            "title: Listening\naliases: [curricula/peer-basics/active-listening]\n", RegexOptions.Multiline));
        var build = BuildPipeline.Run(new BuildOptions { ContentDirectory = built._content, ThemeDirectory = Repo.Path("theme"), OutputDirectory = built.Output, WriteOutput = true });
        Assert.True(build.Succeeded && build.Written, build.FatalError + string.Join("\n", build.Diagnostics));
        return built;
    }

    public void Dispose()
    {
        try { Directory.Delete(_content, true); } catch (IOException) { }
        try { Directory.Delete(Output, true); } catch (IOException) { }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
