using PeerCommons.Load;

namespace PeerCommons.Write;

/// <summary>
/// The theme's stylesheet is kept in parts by subject (assets/site/10-base.css, 20-layout.css, ...) so
/// that each stays small to read and a site can replace one part; visitors still load one file:
/// the parts are joined, in the ordinal order of their names, into the published site.css.
/// </summary>
public static class StylesheetParts
{
    /// <summary>The folder of the parts, in either theme layer.</summary>
    public const string Folder = "assets/site";

    /// <summary>The name the joined parts are published under.</summary>
    public const string Published = "site.css";

    /// <summary>
    /// site.css joined from the parts of both layers (a site's part replaces the bundled part of the same
    /// name, and may add one between them), or null when a layer has a whole assets/site.css, which is
    /// published as it is, or when there are no parts.
    /// </summary>
    public static (string Name, byte[] Bytes)? Joined(ThemeLayers theme)
    {
        if (theme.Resolve("assets/" + Published) is not null) return null;
        var parts = theme.FilesIn(Folder, "*.css");
        if (parts.Count == 0) return null;
        using var joined = new MemoryStream();
        foreach (var part in parts.Values)
        {
            var bytes = File.ReadAllBytes(part.Path);
            joined.Write(bytes);
            // A part that does not end its last line would run into the next part's first rule.
            if (bytes.Length > 0 && bytes[^1] != (byte)'\n') joined.WriteByte((byte)'\n');
        }
        return (Published, joined.ToArray());
    }
}
