namespace PeerCommons.Markdown.Extensions;

/// <summary>
/// Something an extension found while parsing, with its position in the Markdown text
/// (0-based line, 0-based column). The render stage turns findings into diagnostics; the
/// extensions themselves know nothing of files or diagnostic codes.
/// </summary>
public sealed record SourceFinding(string Kind, int Line, int Column, string Message, string? Subject = null);

public static class SourceFindings
{
    private static readonly object DataKey = new();

    /// <summary>The findings of parsing, to add to (only while the document is being parsed).</summary>
    public static List<SourceFinding> Of(Markdig.Syntax.MarkdownDocument document)
    {
        if (document.GetData(DataKey) is not List<SourceFinding> findings)
        {
            findings = [];
            document.SetData(DataKey, findings);
        }
        return findings;
    }

    /// <summary>The findings of parsing, read without touching the document (which may be rendering on other threads).</summary>
    public static IReadOnlyList<SourceFinding> Found(Markdig.Syntax.MarkdownDocument document) =>
        document.GetData(DataKey) as List<SourceFinding> ?? [];
}
