using System.Diagnostics;

namespace PeerCommons.Engine;

/// <summary>
/// Work that build and check run on a thread of its own beside rendering (the search index, the
/// site files), so that neither core waits for it once the pages are done. Its time is reported as its
/// own stage, as it ran, not as how long the engine waited for it.
/// </summary>
internal sealed class BesideWork<T>
{
    private Task<(T Result, TimeSpan Elapsed)>? _running;

    public bool Running => _running is not null;

    public void Start(Func<T> work) => _running = Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        return (work(), clock.Elapsed);
    });

    /// <summary>Waits for the work and records its time as the stage <paramref name="stage"/>; rethrows what it threw.</summary>
    public T Finish(StageClock stages, string stage)
    {
        var (result, elapsed) = _running!.GetAwaiter().GetResult();
        _running = null;
        stages.Add(stage, elapsed);
        return result;
    }

    /// <summary>After a failure: waits for the work that may still be writing, before its output is discarded.</summary>
    public void Settle()
    {
        try { _running?.Wait(); }
        catch (AggregateException) { } // the run has already failed for another reason
        _running = null;
    }
}
