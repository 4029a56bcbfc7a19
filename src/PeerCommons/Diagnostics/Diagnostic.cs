using System.Text;

namespace PeerCommons.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>One finding about the content, pointing at a file position (1-based line and column).</summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>The one-line form editors and CI parse: <c>path(line,col): error PC0101: message</c>.</summary>
    public override string ToString() =>
        $"{OneLine(Path)}({Line},{Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {OneLine(Message)}";

    /// <summary>
    /// The text with every line break and control character written as a visible escape (<c>\n</c>,
    /// <c>\u0001</c>): messages quote contributors' text, and a second line could be read by CI as a
    /// command of its own (GitHub runs any output line that starts with <c>::</c>).
    /// </summary>
    public static string OneLine(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                _ when NeedsEscape(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => (char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029';
}
