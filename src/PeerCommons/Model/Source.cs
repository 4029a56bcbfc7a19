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
    string? Note)
{
    /// <summary>
    /// The work through which this one is known ("as cited in"), when the commons has not read it at first
    /// hand: sources.yaml's cited_in, checked to name another work and to make no loop.
    /// </summary>
    public Source? CitedIn { get; init; }
}
