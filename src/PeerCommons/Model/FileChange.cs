namespace PeerCommons.Model;

/// <summary>When a content file was last changed, as its version history (git) records it.</summary>
public sealed record FileChange(DateOnly Date);
