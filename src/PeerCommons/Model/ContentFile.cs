namespace PeerCommons.Model;

/// <summary>
/// A content file split into its parts, as an <see cref="Entry"/> keeps it. <see cref="BodyLine"/> is
/// the 1-based file line where the Markdown body starts, so positions inside the body map back to the
/// file. Of the front matter only where each field was written is kept (<see cref="FrontMatterPositions"/>):
/// its values are bound into the entry at load, and its YAML tree is left to the collector then.
/// </summary>
public sealed record ContentFile(
    string Path,
    string RelativePath,
    FrontMatterPositions FrontMatter,
    string Body,
    int BodyLine);
