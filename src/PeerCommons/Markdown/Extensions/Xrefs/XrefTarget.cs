namespace PeerCommons.Markdown.Extensions.Xrefs;

/// <summary>What an xref resolves to: the link (already relative to the page) and the target's title.</summary>
public sealed record XrefTarget(string Href, string Title);

public enum XrefProblem { None, UnknownKey, UnknownAnchor }
