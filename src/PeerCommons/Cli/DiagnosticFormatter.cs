using System.Text.Json;
using PeerCommons.Diagnostics;

namespace PeerCommons.Cli;

public enum OutputFormat { Text, Github, Json }

/// <summary>Prints diagnostics as plain lines (editors), GitHub workflow commands (pull requests) or JSON (tools).</summary>
public static class DiagnosticFormatter
{
    public static void Write(IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(ToJson(diagnostics));
                break;
            case OutputFormat.Github:
                foreach (var d in diagnostics) output.WriteLine(ToGithub(d));
                break;
            default:
                foreach (var d in diagnostics) output.WriteLine(d.ToString());
                break;
        }
    }

    public static string ToJson(IReadOnlyList<Diagnostic> diagnostics) => JsonSerializer.Serialize(
        diagnostics.Select(d => new
        {
            path = d.Path,
            line = d.Line,
            column = d.Column,
            severity = d.Severity == Severity.Error ? "error" : "warning",
            code = d.Code,
            message = d.Message,
        }), new JsonSerializerOptions { WriteIndented = true });

    /// <summary>A GitHub Actions workflow command: <c>::error file=...,line=..,col=..,title=PC0101::message</c>.</summary>
    public static string ToGithub(Diagnostic d) =>
        $"::{(d.Severity == Severity.Error ? "error" : "warning")} file={Property(d.Path)},line={d.Line},col={d.Column},title={d.Code}::{Data(d.Code + ": " + d.Message)}";

    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
