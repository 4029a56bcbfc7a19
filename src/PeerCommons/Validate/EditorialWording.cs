using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>
/// Warns when public text speaks of the editors' working material ("the seed document says...").
/// Readers know those works as cited sources; notes about them belong in editor_notes, which is never published.
/// </summary>
public static partial class EditorialWording
{
    [GeneratedRegex(@"\bseed\s+(document|text|literature)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkingNote();

    private static readonly string[] PublicFields = ["title", "summary"];

    /// <summary>Checks an entry's public front-matter fields and its body.</summary>
    public static void CheckEntry(ContentFile file, YMapping frontMatter, string path, DiagnosticBag diagnostics)
    {
        foreach (var name in PublicFields)
            if (frontMatter.Find(name)?.Value is YScalar { IsNull: false } value)
                CheckText(value.Value, $"'{name}'", path, value.Line, value.Column, diagnostics);

        var i = 0;
        foreach (var line in new LineSpans(file.Body))
        {
            // The first on each line, as CheckText reports the first of a text.
            var matches = WorkingNote().EnumerateMatches(line);
            if (matches.MoveNext())
                Warn("the text", line.Slice(matches.Current.Index, matches.Current.Length).ToString(), path, file.BodyLine + i, matches.Current.Index + 1, diagnostics);
            i++;
        }
    }

    /// <summary>Checks one public text (a front-matter value, a source's note) that starts at line, column.</summary>
    public static void CheckText(string text, string what, string path, int line, int column, DiagnosticBag diagnostics)
    {
        if (WorkingNote().Match(text) is { Success: true } match) Warn(what, match.Value, path, line, column, diagnostics);
    }

    private static void Warn(string what, string found, string path, int line, int column, DiagnosticBag diagnostics) =>
        diagnostics.Warning(path, line, column, Codes.EditorialNoteInPublicText,
            $"{what} mentions '{found}', editors' working language that readers should not see: move this note to 'editor_notes' "
            + "(never published), or rephrase it for readers and name the work as a cited source");
}
