namespace PeerCommons.Model;

/// <summary>
/// A content file split into its parts. <see cref="BodyLine"/> is the 1-based file line where
/// the Markdown body starts, so positions inside the body map back to the file.
/// </summary>
public sealed record ContentFile(
    string Path,
    string RelativePath,
    YMapping FrontMatter,
    string Body,
    int BodyLine);
