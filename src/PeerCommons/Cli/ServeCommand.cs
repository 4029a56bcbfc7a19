using PeerCommons.Engine;
using System.Runtime.InteropServices;
using PeerCommons.Serve;

namespace PeerCommons.Cli;

/// <summary><c>peercommons serve</c>: builds in memory, serves on 127.0.0.1, rebuilds on change until Ctrl+C.</summary>
public static class ServeCommand
{
    public static int Run(string content, string? theme, int port, bool drafts, string? themeOverrides = null)
    {
        if (!Directory.Exists(content))
        {
            Console.Error.WriteLine($"error: content folder '{content}' does not exist; pass --content with the folder that holds site.yaml");
            return ExitCodes.UsageOrIo;
        }
        var engine = new SiteEngine(content, theme, drafts, themeOverrides);
        var host = new ServeHost(engine, port, line => Console.Error.WriteLine(line));
        try
        {
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: could not listen on 127.0.0.1:{port}: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
        if (host.LastOutcome?.FatalError is { } fatal)
        {
            Console.Error.WriteLine($"error: {fatal}");
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCodes.UsageOrIo;
        }
        Console.WriteLine($"Serving {Path.GetFullPath(content)} at {host.Url}  (Ctrl+C to stop)");
        if (engine.SearchProblem is { } problem) Console.Error.WriteLine($"warning: {problem}");
        using var stop = new ManualResetEventSlim();
        // Ctrl+C, and SIGTERM from a process manager or `kill`: stop serving and exit 0 instead of being killed mid-write.
        void Stop(PosixSignalContext signal) { signal.Cancel = true; stop.Set(); }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        stop.Wait();
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
