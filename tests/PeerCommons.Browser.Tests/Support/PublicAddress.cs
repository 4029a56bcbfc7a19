using System.Text.RegularExpressions;

namespace PeerCommons.Browser.Tests.Support;

/// <summary>The starter site's public address (site.yaml's base_url), which copy-link buttons copy, and page folders below it.</summary>
public static class PublicAddress
{
    public static readonly string BaseUrl = Regex.Match(File.ReadAllText(Repo.Path("content", "site.yaml")), @"(?m)^base_url:\s*(\S+)\s*$").Groups[1].Value;

    /// <summary>"values/x/index.html" as people link to it: "values/x/".</summary>
    public static string Folder(string sitePath) => sitePath.EndsWith("index.html", StringComparison.Ordinal) ? sitePath[..^"index.html".Length] : sitePath;
}
