using System.Collections.Concurrent;

namespace PeerCommons.Diagnostics;

/// <summary>Collects diagnostics from every stage; thread-safe because render runs in parallel.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, Severity.Error, code, message));

    public void Warning(string path, int line, int column, string code, string message) =>
        Add(new Diagnostic(path, line, column, Severity.Warning, code, message));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public bool HasErrorsFor(string path) => _items.Any(d => d.Severity == Severity.Error && d.Path == path);

    /// <summary>Diagnostics in a stable order (file, line, column, code) so output is reproducible.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
              .OrderBy(d => d.Path, StringComparer.Ordinal)
              .ThenBy(d => d.Line).ThenBy(d => d.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
