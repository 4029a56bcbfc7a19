namespace PeerCommons.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>One finding about the content, pointing at a file position (1-based line and column).</summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>The one-line form editors and CI parse: <c>path(line,col): error PC0101: message</c>.</summary>
    public override string ToString() =>
        $"{Path}({Line},{Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
