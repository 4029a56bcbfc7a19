using PeerCommons.Validate;

namespace PeerCommons.Model;

public static class Aliases
{
    /// <summary>
    /// An alias as a clean site path without slashes at either end (<c>/values/old/</c> and
    /// <c>values/old/index.html</c> both give <c>values/old</c>), or null when it is not a safe path
    /// of slugs (no '..', no scheme): aliases become folders in the output.
    /// </summary>
    public static string? Normalize(string alias)
    {
        var path = alias.Trim().Trim('/');
        if (path.EndsWith("/index.html", StringComparison.Ordinal)) path = path[..^"/index.html".Length];
        if (path.Length == 0) return null;
        var parts = path.Split('/');
        return parts.Length <= 4 && parts.All(Slugs.IsValid) ? path : null;
    }
}
