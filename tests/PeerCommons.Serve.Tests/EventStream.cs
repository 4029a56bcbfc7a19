using System.Text;

namespace PeerCommons.Serve.Tests;

/// <summary>Reads Server-Sent Events; each wait is bounded.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly StreamReader _reader;

    private EventStream(HttpClient http, StreamReader reader) { _http = http; _reader = reader; }

    public static async Task<EventStream> Open(Uri baseUrl)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
        var response = await http.GetAsync("__peercommons/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(http, new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8));
    }

    /// <summary>Skips events until one of this type; returns its data.</summary>
    public async Task<string> Next(string type)
    {
        while (true)
        {
            var (name, data) = await NextAny();
            if (name == type) return data;
        }
    }

    /// <summary>The next event, whatever its type.</summary>
    public async Task<(string Type, string Data)> NextAny()
    {
        using var timeout = new CancellationTokenSource(ServeTests.Wait);
        string? name = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("event stream closed");
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line["data: ".Length..]);
            else if (line.Length == 0 && name is not null)
            {
                return (name, data.ToString());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
