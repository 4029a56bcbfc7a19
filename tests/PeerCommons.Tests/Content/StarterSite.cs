using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Content;

/// <summary>The repository's own content/, loaded once for the tests that read the starter entries.</summary>
internal static class StarterSite
{
    private static readonly Lazy<Site> Loaded = new(() => ContentLoader.Load(Repo.Path("content"), new DiagnosticBag()));

    public static Site Site => Loaded.Value;
}
