using System.Diagnostics;
using PeerCommons.Pipeline;

namespace PeerCommons.Engine;

/// <summary>Names and times the stages of a run (build reports them; serve only tells its progress callback, if any).</summary>
internal sealed class StageClock(Action<string>? progress = null)
{
    private readonly List<StageTiming> _timings = [];
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    /// <summary>Since the run began: its wall time (stages run beside others overlap, so their sum is more).</summary>
    public TimeSpan Elapsed => _sinceStart.Elapsed;

    public IReadOnlyList<StageTiming> Timings => _timings;

    public T Run<T>(string name, Func<T> work)
    {
        progress?.Invoke(name);
        var clock = Stopwatch.StartNew();
        var result = work();
        _timings.Add(new StageTiming(name, clock.Elapsed));
        return result;
    }

    public void Run(string name, Action work) => Run(name, () => { work(); return 0; });

    /// <summary>Tells progress that the stage <paramref name="name"/> is now what the run waits for, without timing the wait (the work times itself).</summary>
    public T Announce<T>(string name, Func<T> wait)
    {
        progress?.Invoke(name);
        return wait();
    }

    /// <summary>A stage that ran elsewhere (on another thread) and took this long.</summary>
    public void Add(string name, TimeSpan elapsed) => _timings.Add(new StageTiming(name, elapsed));
}
