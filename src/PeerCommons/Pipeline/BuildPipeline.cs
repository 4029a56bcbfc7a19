using PeerCommons.Engine;
using PeerCommons.Write;

namespace PeerCommons.Pipeline;

/// <summary>
/// The build and check driver: one run of the <see cref="SiteEngine"/> from empty. build renders
/// through a staging sink and swaps it into place only when the run found no error (a failed build
/// leaves the previous output untouched); check renders into a sink that writes nothing.
/// </summary>
public static class BuildPipeline
{
    public static BuildResult Run(BuildOptions options, Action<string>? progress = null)
    {
        var stages = new StageClock(progress);
        string? staging = null;
        IOutputSink? sink = null;
        SiteEngine? engine = null;
        BuildResult Result(RebuildOutcome? outcome, bool written, string? fatal = null) => new()
        {
            Diagnostics = outcome?.Diagnostics ?? [],
            Stages = stages.Timings,
            Total = stages.Elapsed,
            Files = sink?.Sizes ?? new Dictionary<string, long>(),
            Pages = outcome?.PagesRendered ?? 0,
            Written = written,
            OutputDirectory = written ? Path.GetFullPath(options.OutputDirectory) : null,
            FatalError = fatal ?? outcome?.FatalError,
            Search = engine?.SearchPayload,
            PageWeights = (sink as WeighingSink)?.Weights() ?? [],
        };

        var theme = ThemeLocator.Find(options);
        // Refused before anything is read: an output inside content/ would otherwise be loaded as content first.
        if (options.WriteOutput && OutputSwap.CheckReplaceable(options.OutputDirectory,
                [options.ContentDirectory, .. theme?.Roots ?? []]) is { } refusal)
            return Result(null, false, refusal);

        var run = engine = SiteEngine.ForOneRun(options);
        IOutputSink OpenSink()
        {
            if (!options.WriteOutput) return sink = new DiscardingSink();
            OutputSwap.DiscardAbandoned(options.OutputDirectory);
            staging = OutputSwap.StagingPathFor(options.OutputDirectory);
            OutputSwap.Discard(staging);
            return sink = new WeighingSink(new StagingSink(staging, PreviousOutput.At(options.OutputDirectory)), options.PreviousPageWeights);
        }

        try
        {
            var outcome = run.RunOnce(stages, OpenSink);
            if (outcome.HasErrors || !options.WriteOutput)
            {
                if (staging is not null) OutputSwap.Discard(staging);
                return Result(outcome, false);
            }
            stages.Run("write", () => OutputSwap.Swap(staging!, options.OutputDirectory));
            return Result(outcome, true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (staging is not null) OutputSwap.Discard(staging);
            return Result(new RebuildOutcome(0, false, true, 0, TimeSpan.Zero, run.Diagnostics, null), false, $"could not write the site: {ex.Message}");
        }
        catch
        {
            // A bug (the command line reports it as an internal error): still leave no half-written folder behind.
            if (staging is not null) OutputSwap.Discard(staging);
            throw;
        }
    }
}
