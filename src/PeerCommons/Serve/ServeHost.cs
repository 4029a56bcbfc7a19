using PeerCommons.Engine;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PeerCommons.Serve;

/// <summary>
/// The preview server: Kestrel on 127.0.0.1 serving the <see cref="SiteEngine"/>'s in-memory site,
/// a watcher on content/ and theme/ that feeds debounced changes to the engine, and Server-Sent
/// Events at /__peercommons/events that tell open pages to reload (or show the errors).
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    public const string ScriptTag = "<script src=\"/__peercommons/reload.js\"></script>";
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(60);

    private readonly SiteEngine _engine;
    private readonly int _port;
    private readonly Action<string> _log;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<Channel<string>> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private Timer? _timer;
    private WebApplication? _app;
    private Task? _loop;
    private readonly Channel<bool> _kick = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string _lastEvent = "";

    public ServeHost(SiteEngine engine, int port, Action<string>? log = null)
    {
        _engine = engine;
        _port = port;
        _log = log ?? (_ => { });
    }

    public Uri? Url { get; private set; }
    public RebuildOutcome? LastOutcome { get; private set; }

    public async Task StartAsync()
    {
        LastOutcome = Guarded([_engine.ContentRoot], _engine.BuildAll);
        Report(LastOutcome);
        _lastEvent = EventFor(LastOutcome);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _port));
        _app = builder.Build();
        _app.Run(Handle);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");

        Watch(_engine.ContentRoot);
        foreach (var root in _engine.Theme?.Roots ?? []) Watch(root);
        _timer = new Timer(_ => _kick.Writer.TryWrite(true));
        _loop = Task.Run(RebuildLoop);
    }

    private void Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) => { Changed(e.OldFullPath); Changed(e.FullPath); };
        watcher.Error += (_, _) => Changed(folder); // overflow: reload the whole folder
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Changed(string path)
    {
        if (path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) return;
        lock (_gate) _changed.Add(path);
        _timer?.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    private async Task RebuildLoop()
    {
        try
        {
            while (await _kick.Reader.WaitToReadAsync(_stop.Token))
            {
                _kick.Reader.TryRead(out _);
                string[] paths;
                lock (_gate) { paths = [.. _changed]; _changed.Clear(); }
                if (paths.Length == 0) continue;
                RebuildOutcome outcome;
                try
                {
                    outcome = Guarded(paths, () => paths.Any(p => p == _engine.ContentRoot) ? _engine.BuildAll() : _engine.Apply(paths));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A file mid-save: try again shortly.
                    lock (_gate) foreach (var p in paths) _changed.Add(p);
                    _timer?.Change(TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
                    continue;
                }
                LastOutcome = outcome;
                Report(outcome);
                Broadcast(EventFor(outcome));
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Runs a build; any exception but a file error (retried) becomes an outcome that shows it, so
    /// the loop goes on serving the last good pages and the next edit can mend things.
    /// </summary>
    private RebuildOutcome Guarded(IReadOnlyCollection<string> paths, Func<RebuildOutcome> build)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException or OperationCanceledException))
        {
            return _engine.Crashed(ex, clock.Elapsed, paths);
        }
    }

    private void Report(RebuildOutcome outcome)
    {
        var what = outcome.Number == 1 ? "built" : "rebuilt";
        var errors = outcome.Errors.Count();
        _log($"{what} {outcome.PagesRendered} page(s) in {outcome.Elapsed.TotalMilliseconds:0} ms" +
             (outcome.FatalError is not null ? $"; error: {outcome.FatalError}" : errors > 0 ? $"; {errors} error(s){(outcome.Committed ? "" : ", still serving the last good pages")}" : ""));
        foreach (var d in outcome.Errors.Take(20)) _log("  " + d);
    }

    /// <summary>reload (the site changed) or errors (the lines to show); each carries the build number.</summary>
    private static string EventFor(RebuildOutcome outcome)
    {
        var lines = outcome.Errors.Select(d => d.ToString()).ToList();
        if (outcome.FatalError is not null) lines.Insert(0, "error: " + outcome.FatalError);
        var data = JsonSerializer.Serialize(new { build = outcome.Number, committed = outcome.Committed, diagnostics = lines });
        // A committed rebuild reloads the page (which then shows any errors left); one held back shows its errors.
        return outcome.Committed ? $"event: reload\ndata: {data}\n\n" : $"event: errors\ndata: {data}\n\n";
    }

    private void Broadcast(string message)
    {
        lock (_gate)
        {
            _lastEvent = message;
            foreach (var client in _clients) client.Writer.TryWrite(message);
        }
    }

    private async Task Handle(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        // Only this machine's browser: refuse other Host names (DNS rebinding).
        var host = request.Host.Host;
        if (host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            response.StatusCode = 400;
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = 405;
            return;
        }
        var path = Uri.UnescapeDataString(request.Path.Value ?? "/").TrimStart('/');
        if (path == "__peercommons/reload.js")
        {
            response.ContentType = "text/javascript; charset=utf-8";
            await response.WriteAsync(ReloadScript.Text);
            return;
        }
        if (path == "__peercommons/events")
        {
            await Events(http);
            return;
        }

        var file = path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
        if (!_engine.TryGetFile(file, out var bytes))
        {
            if (_engine.TryGetFile(path + "/index.html", out _))
            {
                response.Redirect("/" + path + "/");
                return;
            }
            response.StatusCode = 404;
            file = "404.html";
            if (!_engine.TryGetFile(file, out bytes)) bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><title>Not found</title><body>Not found</body>");
        }
        response.ContentType = ContentType(file);
        if (file.EndsWith(".html", StringComparison.Ordinal)) bytes = InjectScript(bytes);
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsGet(request.Method)) await response.Body.WriteAsync(bytes);
    }

    private async Task Events(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        var channel = Channel.CreateUnbounded<string>();
        string first;
        lock (_gate)
        {
            _clients.Add(channel);
            first = _lastEvent;
        }
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stop.Token);
            // The current state first (errors show at once on a freshly opened page), marked as such so it does not reload.
            await response.WriteAsync("retry: 1000\n" + "event: hello\n" + first[(first.IndexOf('\n') + 1)..], linked.Token);
            await response.Body.FlushAsync(linked.Token);
            while (await channel.Reader.WaitToReadAsync(linked.Token))
                while (channel.Reader.TryRead(out var message))
                {
                    await response.WriteAsync(message, linked.Token);
                    await response.Body.FlushAsync(linked.Token);
                }
        }
        catch (OperationCanceledException) { }
        finally
        {
            lock (_gate) _clients.Remove(channel);
        }
    }

    /// <summary>Adds the reload script before &lt;/body&gt; (only in what serve sends; build output never has it).</summary>
    public static byte[] InjectScript(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        text = at < 0 ? text + ScriptTag : text[..at] + ScriptTag + "\n" + text[at..];
        return Encoding.UTF8.GetBytes(text);
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml; charset=utf-8",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".txt" or "" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer?.Dispose();
        _kick.Writer.TryComplete();
        if (_loop is not null) { try { await _loop; } catch (OperationCanceledException) { } }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
