using System.Text;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Schema;

/// <summary>
/// Writes docs/content-model.md, the content model in the project's own words, from
/// <see cref="ContentSchema"/> (fields, types, enums, limits), <see cref="FieldHelp"/> (meanings)
/// and <see cref="ContentModelText"/> (layout and rules), so the document cannot drift from the code.
/// </summary>
public static class ContentModelDocument
{
    public static string Write()
    {
        var md = new StringBuilder();
        md.Append("# The content model\n\n");
        md.Append("<!-- Written by `peercommons schema --docs docs/content-model.md`; do not edit by hand:\n");
        md.Append("     change Validate/ContentSchema.cs, Validate/FieldHelp.cs or Schema/ContentModelText.cs and run it again. -->\n\n");
        md.Append("Every entry of the commons is one Markdown file in `content/`: front matter (YAML fields between two\n");
        md.Append("`---` lines) and then the text. This document lists every kind of entry, every field, what each\n");
        md.Append("field accepts and the rules `peercommons check` enforces. The same model is published with the\n");
        md.Append("site as one JSON Schema (draft 2020-12) per kind, in `schema/<kind>.schema.json`, for editors and forms.\n");
        md.Append("What each diagnostic means is in [diagnostics.md](diagnostics.md); `sources.yaml` and heading ids\n");
        md.Append("are described in [content-conventions.md](content-conventions.md).\n\n");

        md.Append("## Kinds\n\n");
        md.Append("| kind | file | key | what it is | schema |\n|---|---|---|---|---|\n");
        foreach (var kind in Enum.GetValues<EntryKind>())
            md.Append($"| {kind.Label().ToLowerInvariant()} | `{ContentModelText.Layout(kind)}` | `{ContentModelText.Key(kind)}` | {ContentModelText.Purpose(kind)} | `schema/{JsonSchemas.FileName(kind)}` |\n");

        md.Append("\n## Rules\n\n");
        foreach (var rule in ContentModelText.Rules) md.Append("- ").Append(rule).Append('\n');

        md.Append("\n## Field types\n\n| type | accepts |\n|---|---|\n");
        foreach (var type in Enum.GetValues<FieldType>())
            md.Append($"| {TypeName(type)} | {ContentModelText.Type(type)} |\n");
        md.Append("\nAn optional field may be left empty (`field:` with nothing after it) or removed. A list may be\n");
        md.Append($"written `[a, b]` or one item per line starting with `- `; `tags` holds at most {ContentSchema.MaxTags} items.\n");

        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            md.Append($"\n## {kind.Label()}\n\n");
            md.Append($"{ContentModelText.Purpose(kind)} File: `{ContentModelText.Layout(kind)}`; key: `{ContentModelText.Key(kind)}`.");
            md.Append(ContentSchema.NeedsSource(kind) ? " Needs at least one source.\n\n" : "\n\n");
            md.Append("| field | required | type | allowed | meaning |\n|---|---|---|---|---|\n");
            foreach (var spec in ContentSchema.For(kind).Values)
            {
                var allowed = spec.Allowed is { } values ? string.Join(", ", values.Select(v => $"`{v}`"))
                    : spec.MaxLength > 0 ? $"at most {spec.MaxLength} characters" : "";
                md.Append($"| `{spec.Name}` | {(spec.Required ? "yes" : "no")} | {TypeName(spec.Type)} | {allowed} | {FieldHelp.Meaning(kind, spec.Name)} |\n");
            }
        }
        return md.ToString();
    }

    /// <summary>A type's name in the document: its name in the code, in lower case with a space.</summary>
    private static string TypeName(FieldType type) => type switch
    {
        FieldType.TextList => "text list",
        FieldType.SlugList => "slug list",
        FieldType.KeyList => "key list",
        FieldType.EnumList => "choice list",
        FieldType.Enum => "choice",
        FieldType.HistoryDate => "history date",
        FieldType.Bool => "true/false",
        FieldType.Int => "whole number",
        FieldType.Url => "web address",
        _ => type.ToString().ToLowerInvariant(),
    };
}
