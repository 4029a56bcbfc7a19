namespace PeerCommons.Markdown.Extensions.HeadingIds;

/// <summary>A heading with its stable id, as trainers link to it (0-based Markdown line).</summary>
public sealed record HeadingInfo(string Id, string Text, int Level, int Line, int Column);
