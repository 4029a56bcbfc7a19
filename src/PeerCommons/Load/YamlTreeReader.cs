using PeerCommons.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using PeerCommons.Model;

namespace PeerCommons.Load;

/// <summary>
/// Reads YAML into a <see cref="YNode"/> tree with file positions. Refuses aliases outright:
/// front matter never needs them, and refusing them makes "billion laughs" bombs harmless.
/// Depth and size are bounded for the same reason.
/// </summary>
public static class YamlTreeReader
{
    private const int MaxDepth = 16;
    private const int MaxNodes = 50_000;

    /// <param name="lineOffset">Lines before the YAML text in its file (the opening <c>---</c>).</param>
    public static YNode? Read(string yaml, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(yaml));
        var state = new State(parser, path, lineOffset, diagnostics);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = state.ReadNode(0);
            if (root is null) return null;
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(path, lineOffset + 1, 1, Codes.MalformedYaml,
                    "front matter holds more than one YAML document; remove the extra '---' or '...' line");
                return null;
            }
            return root;
        }
        catch (YamlException ex) when (TabLine(yaml, (int)ex.Start.Line) is { } tab)
        {
            // The parser blames a later line in its own words; the tab itself is what to fix.
            var (tabLine, tabColumn) = tab;
            diagnostics.Error(path, tabLine + lineOffset, tabColumn, Codes.MalformedYaml,
                $"line {tabLine + lineOffset} has a tab; use spaces (YAML does not allow tabs to indent or separate fields)");
            return null;
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(1, ex.Start.Line) + lineOffset;
            diagnostics.Error(path, line, (int)Math.Max(1, ex.Start.Column), Codes.MalformedYaml,
                $"malformed YAML: {Describe(ex)}; check indentation, colons and quotes on this line");
            return null;
        }
        catch (AbortException)
        {
            return null; // already reported
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some malformed input, such as
            // a '%' directive line after content: report it like any other malformed YAML.
            var mark = parser.Current?.Start;
            diagnostics.Error(path, (int)Math.Max(1, mark?.Line ?? 1) + lineOffset, (int)Math.Max(1, mark?.Column ?? 1), Codes.MalformedYaml,
                "malformed YAML; check indentation, colons and quotes, and that no line starts with '%'");
            return null;
        }
    }

    /// <summary>The first tab (line and column within the YAML, from 1) at or before the failing line, else anywhere.</summary>
    private static (int Line, int Column)? TabLine(string yaml, int failingLine)
    {
        var lines = yaml.Split('\n');
        (int, int)? first = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf('\t');
            if (column < 0) continue;
            if (i + 1 <= Math.Max(1, failingLine)) return (i + 1, column + 1);
            first ??= (i + 1, column + 1);
        }
        return first;
    }

    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (...): "; the diagnostic already has the position.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.');
    }

    /// <summary>Where the bad character is: after the text before it (at most 40 characters of it), so the reader can find it.</summary>
    private static string Preview(string value, int at) => at == 0 ? "starts this value and"
        : $"follows '{(at > 40 ? "\u2026" : "")}{value[Math.Max(0, at - 40)..at].Replace('\n', ' ')}' and";

    private sealed class AbortException : Exception;

    private sealed class State(Parser parser, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        private int _nodes;

        private (int Line, int Column) Position(Mark mark) => ((int)mark.Line + lineOffset, (int)mark.Column);

        private void Fail(Mark mark, string code, string message)
        {
            var (line, column) = Position(mark);
            diagnostics.Error(path, line, column, code, message);
            throw new AbortException();
        }

        public YNode? ReadNode(int depth)
        {
            if (++_nodes > MaxNodes) Fail(parser.Current!.Start, Codes.MalformedYaml, $"front matter has more than {MaxNodes} values; it is far too large");
            if (depth > MaxDepth) Fail(parser.Current!.Start, Codes.MalformedYaml, $"front matter is nested more than {MaxDepth} levels deep");

            if (parser.TryConsume<AnchorAlias>(out var alias))
                Fail(alias.Start, Codes.YamlAlias, $"YAML alias '*{alias.Value}' is not allowed in content; write the value out in full");

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var (line, column) = Position(scalar.Start);
                var value = scalar.Value;
                if (ForbiddenCharacters.IndexOf(value) is var at and >= 0)
                {
                    // Reported here, for every field of every file; later stages get the text without it.
                    diagnostics.Error(path, line, column, Codes.ForbiddenCharacter,
                        $"an invisible control character ({ForbiddenCharacters.Name(value[at])}) {Preview(value, at)} cannot be shown on a page or in a feed; delete it or retype the text (it often comes in with text pasted from another program)");
                    value = ForbiddenCharacters.Replace(value);
                }
                return new YScalar(value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, line, column);
            }

            if (parser.TryConsume<SequenceStart>(out var seqStart))
            {
                var items = new List<YNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    items.Add(ReadNode(depth + 1)!);
                var (line, column) = Position(seqStart.Start);
                return new YSequence(items, line, column);
            }

            if (parser.TryConsume<MappingStart>(out var mapStart))
            {
                var entries = new List<YEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(depth + 1);
                    if (keyNode is not YScalar key)
                    {
                        Fail(mapStart.Start, Codes.MalformedYaml, "a front-matter key must be a plain word such as 'title'");
                        return null;
                    }
                    var value = ReadNode(depth + 1)!;
                    if (!seen.Add(key.Value))
                    {
                        diagnostics.Error(path, key.Line, key.Column, Codes.DuplicateYamlKey,
                            $"'{key.Value}' is given twice; keep one of them");
                        continue;
                    }
                    entries.Add(new YEntry(key, value));
                }
                var (line, column) = Position(mapStart.Start);
                return new YMapping(entries, line, column);
            }

            Fail(parser.Current?.Start ?? Mark.Empty, Codes.MalformedYaml, "unexpected YAML construct");
            return null;
        }
    }
}
