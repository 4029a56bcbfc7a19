namespace PeerCommons.Markdown.Extensions.HeadingIds;

/// <summary>A heading with its stable id, as trainers link to it (0-based Markdown line).</summary>
/// <param name="InContainer">True for a heading inside a ::: block (such as facilitator notes), which some views leave out.</param>
public sealed record HeadingInfo(string Id, string Text, int Level, int Line, int Column, bool InContainer = false);
