namespace PeerCommons.Model;

/// <summary>One work in sources.yaml.</summary>
public sealed record Source(
    string Key,
    IReadOnlyList<string> Authors,
    string Year,
    string Title,
    string? Venue,
    string? Doi,
    string? Url,
    string? Licence,
    string? Note);
