using PeerCommons.Index;
using PeerCommons.Render;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The search index, the one file that covers the whole site and the slowest to make. build and
/// check write it on its own thread beside rendering (parsed documents are read-only, so it reads their
/// text while they render); serve makes it when it is first asked for after a rebuild.
/// </summary>
internal sealed class SearchIndexing
{
    /// <summary>The files the index is made of, below the site root.</summary>
    public static readonly IReadOnlyList<string> Paths = [SearchIndexStage.ManifestPath];

    private readonly BesideWork<SearchIndexStage.Payload> _beside = new();
    private RenderContext? _committed;
    private IReadOnlyDictionary<string, byte[]>? _files;
    private readonly object _lock = new();

    /// <summary>Tests only: the search store's documents a file (<see cref="Pipeline.BuildOptions.SearchDocumentsPerPart"/>).</summary>
    public int? DocumentsPerPart { get; set; }

    /// <summary>build, check: starts writing the index into the sink while the pages render.</summary>
    public void StartBeside(RenderContext context, IOutputSink sink) =>
        _beside.Start(() => SearchIndexStage.Write(context, sink, DocumentsPerPart));

    /// <summary>Waits for the index written beside rendering; null when none was started.</summary>
    public SearchIndexStage.Payload? Finish(StageClock stages) => _beside.Running ? _beside.Finish(stages, "index") : null;

    /// <summary>After a failure: waits for the index thread that may still be writing, before its output is discarded.</summary>
    public void Settle() => _beside.Settle();

    /// <summary>serve: the site now served; its index is made when first asked for.</summary>
    public void Committed(RenderContext context)
    {
        lock (_lock) { _committed = context; _files = null; }
    }

    /// <summary>serve: the index's files (manifest, parts, store) of the site served, by path, or null before the first build.</summary>
    public IReadOnlyDictionary<string, byte[]>? Files()
    {
        lock (_lock)
        {
            if (_files is null && _committed is { } context)
            {
                var sink = new MemorySink();
                SearchIndexStage.Write(context, sink, DocumentsPerPart);
                _files = sink.Files;
            }
            return _files;
        }
    }
}
