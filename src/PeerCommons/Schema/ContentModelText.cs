using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Schema;

/// <summary>
/// The parts of the content model that are rules rather than fields, in plain words: where each kind
/// of file goes, what its key is, and what each field type accepts. The code that enforces each rule
/// is named beside it, so a change there is a reminder to change the words here.
/// </summary>
public static class ContentModelText
{
    /// <summary>Where a kind's files go (enforced by Model/ContentLayout.cs).</summary>
    public static string Layout(EntryKind kind) => kind switch
    {
        EntryKind.Project => "content/projects/<id>.md",
        EntryKind.Value => "content/values/<id>.md",
        EntryKind.History => "content/history/<id>.md",
        EntryKind.Curriculum => "content/curricula/<id>/index.md",
        EntryKind.Module => "content/curricula/<curriculum>/<NN>-<id>.md",
        EntryKind.Community => "content/communities/<id>.md",
        EntryKind.Annotation => "content/annotations/<community>/<id>.md",
        EntryKind.Page => "content/pages/<id>.md",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A kind's key, how other entries name it (Model/ContentLayout.cs).</summary>
    public static string Key(EntryKind kind) => kind switch
    {
        EntryKind.Curriculum => "curricula/<id>",
        EntryKind.Module => "curricula/<curriculum>/<id> (without the number)",
        EntryKind.Annotation => "annotations/<community>/<id>",
        _ => $"{kind.Folder()}/<id>",
    };

    /// <summary>What a kind is for, in one sentence.</summary>
    public static string Purpose(EntryKind kind) => kind switch
    {
        EntryKind.Project => "A peer support project, service or group.",
        EntryKind.Value => "A value or principle of peer support.",
        EntryKind.History => "A dated event or development in the history of peer support.",
        EntryKind.Curriculum => "A training curriculum; its modules are the numbered files beside its index.md.",
        EntryKind.Module => "One session of a curriculum, listed in the order of its number.",
        EntryKind.Community => "A contributing community (a group or network) that writes annotations.",
        EntryKind.Annotation => "A community's note on an entry, or on one section of it; shown on that entry's page.",
        EntryKind.Page => "A page of the site itself, such as About or How to contribute.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What a field type accepts (Validate/FieldBinder.cs).</summary>
    public static string Type(FieldType type) => type switch
    {
        FieldType.Text => "text on one line (or a YAML block); not empty",
        FieldType.TextList => "a list of texts, such as `[first, second]`",
        FieldType.SlugList => "a list of slugs (lower-case letters and digits joined by hyphens, such as `peer-support`)",
        FieldType.KeyList => "a list of keys of entries that exist, such as `[values/mutuality]`",
        FieldType.Bool => "`true` or `false`, without quotes",
        FieldType.Int => "a whole number from 1 to 99999, without quotes",
        FieldType.Year => "a year from 1000 to 2999, such as `2009`",
        FieldType.Date => "a real date written `YYYY-MM-DD`, such as `2026-03-01`",
        FieldType.HistoryDate => "a real date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a period of years `YYYY/YYYY` (the second year later)",
        FieldType.Url => "a full web address starting with `https://` (or `http://`)",
        FieldType.Enum => "one of the allowed words",
        FieldType.EnumList => "a list of the allowed words",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Rules that hold for every file and across the site, each with where it is enforced.</summary>
    public static readonly string[] Rules =
    [
        "A file is UTF-8 text of at most 1 MB, and starts with front matter: a line `---`, YAML fields, another `---` (Load/TextFileReader.cs, Load/FrontMatterSplitter.cs).",
        "Front matter is a YAML mapping of the fields below, each given once, indented with spaces (a tab is an error), without YAML anchors or aliases (Load/YamlTreeReader.cs).",
        "An id (a file or folder name without `.md`) is lower-case letters and digits joined by hyphens, such as `peer-support-network`, at most 100 characters (Model/Slugs.cs).",
        "A module's file name starts with its order: `01-listening.md`; `trainer` and `print` are not module ids, because a curriculum's other views use those addresses (Model/ContentLayout.cs).",
        "Every key is used once; an alias (an old address) must not be a key, another alias, or an address the site makes itself such as `projects` or `tags/...` (Validate/ReferenceValidator.cs).",
        "Every key in `related` and `values` names an entry that exists (`values` only values), and every key in `sources` names a work in `content/sources.yaml` (Validate/ReferenceValidator.cs).",
        "An annotation's `target` is the key of an entry that is not an annotation, optionally followed by `#` and the id of one of its headings; its folder names a community that exists (Validate/ReferenceValidator.cs).",
        "A citation in the text, `[@key]` or `[@key, p. 12]` or `[@one; @two]`, names a work in `content/sources.yaml`; a link `[text](xref:values/mutuality)` or `xref:values/mutuality#heading-id` names an entry (and a heading) that exists (Markdown/Extensions).",
        "A heading's id is its text in lower case with every run of other characters turned into one `-` (`## What it means in practice` is `what-it-means-in-practice`); write `## Heading {#id}` to choose one; two headings of one page must not share an id (Markdown/Extensions/HeadingIds).",
        "A file written by `peercommons new` is not finished while `TODO` is left in a field (other than `editor_notes`) or in the text (outside code): `check` reports each one; a draft may be unfinished (Validate/CompletenessValidator.cs).",
        $"An entry of the kinds {string.Join(", ", Enum.GetValues<EntryKind>().Where(ContentSchema.NeedsSource).Select(k => k.Label().ToLowerInvariant()))} names at least one work in `sources` when `content/site.yaml` says `require_sources: true`, as the commons does (a draft may have none) (Validate/CompletenessValidator.cs).",
        "`editor_notes` is for editors only: it is never rendered, indexed or published.",
        "`draft: true` keeps an entry out of the site (`build --drafts` and `serve --drafts` show it).",
    ];
}
