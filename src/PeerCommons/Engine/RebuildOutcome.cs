using PeerCommons.Diagnostics;

namespace PeerCommons.Engine;

/// <summary>What one run or rebuild of the engine did.</summary>
public sealed record RebuildOutcome(
    int Number, bool Committed, bool Full, int PagesRendered, TimeSpan Elapsed,
    IReadOnlyList<Diagnostic> Diagnostics, string? FatalError)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public bool HasErrors => FatalError is not null || Errors.Any();
}
