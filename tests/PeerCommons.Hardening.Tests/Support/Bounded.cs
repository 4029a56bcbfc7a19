using PeerCommons.Pipeline;

namespace PeerCommons.Hardening.Tests.Support;

/// <summary>Runs the pipeline with a time limit: a hang fails the test instead of stalling the run.</summary>
public static class Bounded
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(60);

    public static BuildResult Run(BuildOptions options, TimeSpan? limit = null)
    {
        var task = Task.Factory.StartNew(() => BuildPipeline.Run(options), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!task.Wait(limit ?? DefaultLimit))
            throw new TimeoutException($"the pipeline did not finish within {(limit ?? DefaultLimit).TotalSeconds:0} s for {options.ContentDirectory}");
        return task.Result; // rethrows (wrapped) if the pipeline threw: that is a failure too
    }
}
