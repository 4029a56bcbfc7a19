using PeerCommons.Diagnostics;

namespace PeerCommons.Pipeline;

public sealed record StageTiming(string Stage, TimeSpan Elapsed);

public sealed class BuildResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public required IReadOnlyList<StageTiming> Stages { get; init; }
    /// <summary>Bytes of every file of the site, by path.</summary>
    public required IReadOnlyDictionary<string, long> Files { get; init; }
    public int Pages { get; init; }
    public bool Written { get; init; }
    public string? OutputDirectory { get; init; }
    public string? FatalError { get; init; }
    /// <summary>Bytes of the search payload (index and store), which phones download on first search.</summary>
    public Index.SearchIndexStage.Payload? Search { get; init; }
    /// <summary>Per page, the gzipped bytes of its HTML and the CSS and JS its head loads (build only; empty for check).</summary>
    public IReadOnlyList<Write.PageWeight> PageWeights { get; init; } = [];

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public bool Succeeded => ErrorCount == 0 && FatalError is null;
    /// <summary>
    /// How long the run took from start to end. Not the sum of <see cref="Stages"/>: the search index and
    /// the site files are made beside rendering, so their times overlap render's.
    /// </summary>
    public TimeSpan Total { get; init; }
}
