using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>
/// The content model as data: which fields each kind has, their types, and which are required.
/// Validation, the scaffolds of <c>peercommons new</c>, the JSON Schemas and docs/content-model.md
/// (<c>peercommons schema</c>) are all written from this table.
/// </summary>
public static class ContentSchema
{
    public const int SummaryMaxLength = 300;
    public const int MaxTags = 30;

    private static readonly FieldSpec[] Common =
    [
        new("title", FieldType.Text, Required: true, MaxLength: 200),
        new("summary", FieldType.Text, Required: true, MaxLength: SummaryMaxLength),
        new("tags", FieldType.SlugList),
        new("updated", FieldType.Date),
        new("aliases", FieldType.TextList),
        new("related", FieldType.KeyList),
        new("sources", FieldType.TextList),
        new("contributors", FieldType.TextList),
        new("draft", FieldType.Bool),
        // The year the facts in this entry date from (for example the year of the study it reports).
        new("as_of", FieldType.Year),
        // Notes for editors only: never rendered, indexed or published.
        new("editor_notes", FieldType.Text),
    ];

    private static readonly Dictionary<EntryKind, FieldSpec[]> PerKind = new()
    {
        [EntryKind.Project] =
        [
            new("region", FieldType.Text),
            new("country", FieldType.Text),
            new("status", FieldType.Enum, Allowed: ["active", "closed", "unknown"]),
            new("organisation_type", FieldType.Enum, Allowed: ["user-led", "voluntary-sector", "statutory", "self-organised", "partnership"]),
            new("populations", FieldType.TextList),
            new("support_formats", FieldType.SlugList),
            new("roles", FieldType.EnumList, Allowed: ["paid", "volunteer", "mutual"]),
            new("started", FieldType.Year),
            new("funding", FieldType.TextList),
            new("website", FieldType.Url),
            new("values", FieldType.KeyList),
        ],
        [EntryKind.Value] = [new("also_called", FieldType.TextList)],
        [EntryKind.History] =
        [
            new("date", FieldType.HistoryDate, Required: true),
            new("place", FieldType.Text),
        ],
        [EntryKind.Curriculum] =
        [
            new("audience", FieldType.Text),
            new("duration", FieldType.Text),
            new("delivery", FieldType.Enum, Allowed: ["in-person", "online", "blended"]),
            new("accreditation", FieldType.Text),
            new("provider", FieldType.Text),
            new("peer_led", FieldType.Bool),
            new("values", FieldType.KeyList),
        ],
        [EntryKind.Module] =
        [
            new("duration_minutes", FieldType.Int),
            new("objectives", FieldType.TextList),
            new("values", FieldType.KeyList),
        ],
        [EntryKind.Community] =
        [
            new("region", FieldType.Text),
            new("country", FieldType.Text),
            new("website", FieldType.Url),
            new("contact", FieldType.Text),
            new("maintainers", FieldType.SlugList),
            new("compiled_from_research", FieldType.Bool),
        ],
        [EntryKind.Annotation] =
        [
            new("target", FieldType.Text, Required: true),
            new("type", FieldType.Enum, Required: true, Allowed: ["adaptation", "experience", "caution", "resource", "question"]),
            // Whose voice: written by the community itself, or compiled by editors from published research.
            // Defaults from the community's compiled_from_research flag.
            new("provenance", FieldType.Enum, Allowed: ["community", "editors"]),
        ],
        [EntryKind.Page] = [],
    };

    private static readonly Dictionary<EntryKind, IReadOnlyDictionary<string, FieldSpec>> Cache =
        PerKind.ToDictionary(p => p.Key, p => Build(p.Key, p.Value));

    /// <summary>
    /// Whether an entry of this kind must name at least one work in <c>sources</c>. Facts about projects,
    /// values, history and training come from somewhere; a community's page and its annotations speak
    /// from the group's own experience, and pages are the site's own.
    /// </summary>
    public static bool NeedsSource(EntryKind kind) =>
        kind is EntryKind.Project or EntryKind.Value or EntryKind.History or EntryKind.Curriculum or EntryKind.Module;

    /// <summary>All fields a kind accepts, by name.</summary>
    public static IReadOnlyDictionary<string, FieldSpec> For(EntryKind kind) => Cache[kind];

    private static IReadOnlyDictionary<string, FieldSpec> Build(EntryKind kind, FieldSpec[] own)
    {
        var all = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        foreach (var spec in Common)
            all[spec.Name] = kind == EntryKind.Annotation && spec.Name is "title" or "summary" ? spec with { Required = false } : spec;
        foreach (var spec in own) all[spec.Name] = spec;
        return all;
    }
}
