using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>
/// What makes an entry unfinished: a <c>TODO</c> placeholder of <c>peercommons new</c> left in a field
/// or in the text (outside code) (checked as each file is loaded), or no source where the kind needs one and the site
/// requires it (<see cref="ContentSchema.NeedsSource"/>, checked with the site's references).
/// A draft may be unfinished: it is not published. Both run per entry, so check, build and serve agree.
/// </summary>
public static partial class CompletenessValidator
{
    public const string Placeholder = "TODO";

    // The words of each finding, shared with the propose form's model so the form says exactly what check says.
    /// <summary>A placeholder in a field; {0} is the field's name.</summary>
    public const string FieldPlaceholderMessage = "'{0}' still holds the placeholder TODO; write it in your own words";

    public const string BodyPlaceholderMessage = "the text still holds a TODO placeholder; replace the line with your own words, or delete it";

    /// <summary>What an entry of this kind without a source is told.</summary>
    public static string NoSourceMessage(EntryKind kind) =>
        $"a {kind.Label().ToLowerInvariant()} needs at least one source: add the key of the work it draws on from sources.yaml, such as 'sources: [faulkner-kalathil-2012]' (add the work to sources.yaml first if it is not there)";

    [GeneratedRegex(@"\bTODO\b")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    /// <summary>Checks an entry as it is loaded, with its front matter's tree (which the entry does not keep).</summary>
    public static void Validate(Entry entry, YMapping frontMatter, DiagnosticBag diagnostics)
    {
        if (entry.Draft) return;
        foreach (var field in frontMatter.Entries)
        {
            // Editors' own notes may well say "TODO: verify"; they are never published.
            if (field.Key.Value == "editor_notes") continue;
            foreach (var scalar in Scalars(field.Value).Where(s => PlaceholderPattern().IsMatch(s.Value)))
                diagnostics.Error(entry.Path, scalar.Line, scalar.Column, Codes.PlaceholderLeft,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, FieldPlaceholderMessage, field.Key.Value));
        }
        CheckBody(entry, diagnostics);
    }

    /// <summary>An entry of a kind that needs a source names none, on a site that requires them (site.yaml require_sources).</summary>
    public static void CheckSources(Entry entry, Site site, DiagnosticBag diagnostics)
    {
        if (!site.Config.RequireSources || entry.Draft || !ContentSchema.NeedsSource(entry.Kind) || entry.Sources.Count > 0) return;
        var frontMatter = entry.File.FrontMatter;
        var (line, column) = frontMatter.KeyOf("sources") ?? (frontMatter.Line, 1);
        diagnostics.Error(entry.Path, line, column, Codes.NoSource, NoSourceMessage(entry.Kind));
    }

    private static void CheckBody(Entry entry, DiagnosticBag diagnostics)
    {
        string? fence = null;
        var i = -1;
        foreach (var line in new LineSpans(entry.File.Body))
        {
            i++;
            var trimmed = line.TrimStart();
            // Text inside a code block is shown as written: it may be an example that mentions TODO.
            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))) { fence = trimmed[..3].ToString(); continue; }
            if (fence is not null) { if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null; continue; }
            // Only a line that holds the word can hold the placeholder: the others need no string of their own.
            if (!line.Contains(Placeholder, StringComparison.Ordinal)) continue;
            // `TODO` in inline code is a mention of the word, not a placeholder (blanked, so columns stay true).
            var match = PlaceholderPattern().Match(InlineCode().Replace(line.ToString(), m => new string(' ', m.Length)));
            if (match.Success)
                diagnostics.Error(entry.Path, entry.File.BodyLine + i, match.Index + 1, Codes.PlaceholderLeft,
                    BodyPlaceholderMessage);
        }
    }

    private static IEnumerable<YScalar> Scalars(YNode node) => node switch
    {
        YScalar scalar => [scalar],
        YSequence sequence => sequence.Items.SelectMany(Scalars),
        YMapping mapping => mapping.Entries.SelectMany(e => Scalars(e.Value)),
        _ => [],
    };
}
