using PeerCommons.Diagnostics;
using PeerCommons.Model;

namespace PeerCommons.Load;

/// <summary>Separates the YAML front matter (between <c>---</c> lines) from the Markdown body.</summary>
public static class FrontMatterSplitter
{
    public static SplitFile? Split(ReadOnlySpan<char> text, string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        if (!IsFence(FirstLine(text)))
        {
            diagnostics.Error(displayPath, 1, 1, Codes.NoFrontMatter,
                "file does not start with front matter; put a line '---', the fields (title, summary...), and another '---' at the top");
            return null;
        }

        var lineNumber = 1;
        var position = text.IndexOf('\n') + 1;
        var yamlStart = position;
        while (position > 0 && position < text.Length)
        {
            lineNumber++;
            var end = text[position..].IndexOf('\n') is var offset and >= 0 ? position + offset : -1;
            // A span, not a string per front-matter line: only the YAML and the body are copied.
            var line = end < 0 ? text[position..] : text[position..end];
            if (IsFence(line) || line.TrimEnd().SequenceEqual("..."))
            {
                var yaml = text[yamlStart..position].ToString();
                var body = end < 0 ? "" : text[(end + 1)..].ToString();
                var root = YamlTreeReader.Read(yaml, displayPath, 1, diagnostics);
                if (root is null && diagnostics.HasErrorsFor(displayPath)) return null;
                if (root is null or YScalar { IsNull: true })
                {
                    diagnostics.Error(displayPath, 1, 1, Codes.MissingField, "front matter is empty; add at least 'title' and 'summary'");
                    return null;
                }
                if (root is not YMapping mapping)
                {
                    diagnostics.Error(displayPath, root.Line, root.Column, Codes.FrontMatterNotMapping,
                        "front matter must be 'field: value' lines, such as 'title: Mutuality'");
                    return null;
                }
                return new SplitFile(new ContentFile(fullPath, displayPath, FrontMatterPositions.From(mapping), body, lineNumber + 1), mapping);
            }
            if (end < 0) break;
            position = end + 1;
        }

        diagnostics.Error(displayPath, 1, 1, Codes.FrontMatterNotClosed,
            "front matter opened with '---' on line 1 is never closed; add a line '---' after the last field");
        return null;
    }

    private static ReadOnlySpan<char> FirstLine(ReadOnlySpan<char> text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd().SequenceEqual("---");
}
