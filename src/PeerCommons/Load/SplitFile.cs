using PeerCommons.Model;

namespace PeerCommons.Load;

/// <summary>
/// A content file just split: the file as an entry keeps it, and its front matter's YAML tree, which
/// only loading reads (to bind and check the fields) and which is not kept after.
/// </summary>
public sealed record SplitFile(ContentFile File, YMapping FrontMatter);
