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

    /// <summary>
    /// The first folder of the propose form's address (contribute/propose/), which no alias may take.
    /// Kept here, below the render stage that makes the form, so validation can check aliases against it.
    /// </summary>
    public const string ContributeFolder = "contribute";

    /// <summary>
    /// True when a (normalized) alias is the address of a page the site makes itself: a kind's list,
    /// tags, sources, search, assets, the contribute pages, a curriculum's trainer and print views, or a value's list pages.
    /// A redirect there would overwrite that page.
    /// </summary>
    public static bool IsGeneratedAddress(string alias)
    {
        var parts = alias.Split('/');
        if (parts[0] is "tags" or "sources" or "search" or "assets" or ContributeFolder) return true;
        if (parts.Length == 1 && EntryKinds.FromFolder(parts[0]) is not null) return true;
        // A long list's further pages: projects/page/2/.
        if (parts.Length >= 2 && parts[1] == ContentLayout.ListPagesFolder && EntryKinds.FromFolder(parts[0]) is { } kind && EntryKinds.Listed.Contains(kind)) return true;
        // A value's related list's further pages: values/mutuality/page/2/.
        if (parts.Length >= 3 && parts[0] == EntryKind.Value.Folder() && parts[2] == ContentLayout.ListPagesFolder) return true;
        return parts[0] == "curricula" && parts.Length >= 3 && ContentLayout.ReservedModuleIds.Contains(parts[2]);
    }
}
