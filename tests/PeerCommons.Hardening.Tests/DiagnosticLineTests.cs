using CsCheck;
using PeerCommons.Cli;
using PeerCommons.Diagnostics;

namespace PeerCommons.Hardening.Tests;

/// <summary>
/// Messages quote contributors' text. Whatever that text holds, a diagnostic prints as exactly one
/// line, and in --format github it cannot end its workflow command early or start another.
/// </summary>
public sealed class DiagnosticLineTests
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.OneOf("\n", "\r", "\r\n", "\n\n", "::", "::error file=x,line=1::owned", "%", "%0A", "%25", ",", ":", "\u2028", "\u2029", "\u0085", "\u0000", "\u001b[31m", "\t", "é", "😀", "plain words", " "),
        Gen.String);

    private static readonly Gen<string> Text = Piece.Array[0, 8].Select(string.Concat);

    private static readonly Gen<Diagnostic> AnyDiagnostic = Gen.Select(Text, Gen.Int[1, 9999], Gen.Int[1, 999], Gen.Bool, Text)
        .Select((path, line, column, error, message) => new Diagnostic("content/" + path, line, column, error ? Severity.Error : Severity.Warning, Codes.UnknownField, message));

    private static bool BreaksLine(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\u000B' or '\u000C';

    [Fact]
    public void The_text_form_is_one_line_and_keeps_the_rest_of_the_message() =>
        AnyDiagnostic.Sample(d =>
        {
            var line = d.ToString();
            Assert.DoesNotContain(line, BreaksLine);
            Assert.StartsWith(Diagnostic.OneLine(d.Path) + $"({d.Line},{d.Column}): ", line);
            Assert.EndsWith($"{d.Code}: {Diagnostic.OneLine(d.Message)}", line);
            // Text with no line break or control character is printed as it is.
            var plain = new string(d.Message.Where(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029')).ToArray());
            Assert.Equal(plain, Diagnostic.OneLine(plain));
        }, iter: 5000);

    private static string Unescape(string text) => text.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");

    [Fact]
    public void The_github_form_is_one_workflow_command_whose_data_and_properties_round_trip() =>
        AnyDiagnostic.Sample(d =>
        {
            var line = DiagnosticFormatter.ToGithub(d);
            Assert.DoesNotContain(line, c => c is '\n' or '\r');
            var command = d.Severity == Severity.Error ? "::error " : "::warning ";
            Assert.StartsWith(command, line);
            // The properties end at the first '::' after the command; none of them may hold ':' or ','.
            var end = line.IndexOf("::", command.Length, StringComparison.Ordinal);
            var properties = line[command.Length..end].Split(',');
            Assert.Equal(["file", "line", "col", "title"], properties.Select(p => p[..p.IndexOf('=')]));
            Assert.All(properties, p => Assert.DoesNotContain(':', p));
            Assert.Equal(d.Path, Unescape(properties[0]["file=".Length..]));
            Assert.Equal($"{d.Code}: {d.Message}", Unescape(line[(end + 2)..]));
        }, iter: 5000);

    [Fact]
    public void Printing_any_diagnostics_in_text_or_github_format_writes_one_line_each() =>
        AnyDiagnostic.Array[0, 6].Sample(diagnostics =>
        {
            foreach (var format in new[] { OutputFormat.Text, OutputFormat.Github })
            {
                using var output = new StringWriter { NewLine = "\n" };
                DiagnosticFormatter.Write(diagnostics, format, output);
                var lines = output.ToString().Split('\n');
                Assert.Equal(diagnostics.Length + 1, lines.Length);
                Assert.Equal("", lines[^1]);
            }
        }, iter: 1000);
}
