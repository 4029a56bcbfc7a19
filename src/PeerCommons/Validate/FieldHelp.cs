using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>
/// The YAML comment written above each field by <c>peercommons new</c>. Whether a field exists, is
/// required, its type and its allowed values all come from <see cref="ContentSchema"/>; only the
/// plain-language meaning of each field is written here (a test checks every schema field has one).
/// </summary>
public static class FieldHelp
{
    /// <summary>What a field means, by field name (kind-specific meanings use "kind:field").</summary>
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["title"] = "The name shown as the page heading and in lists.",
        ["annotation:title"] = "A short heading for this note.",
        ["summary"] = "One or two plain sentences: what this is and who it is for. Used in lists, search results and link previews.",
        ["annotation:summary"] = "One sentence shown where the note is listed.",
        ["tags"] = "Topic words that group entries on tag pages and in search.",
        ["updated"] = "The date this entry last changed in a meaningful way.",
        ["aliases"] = "Old addresses of this entry (such as values/old-name); each one will lead here.",
        ["related"] = "Keys of other entries worth reading next, such as values/mutuality or projects/wish.",
        ["sources"] = "Keys from sources.yaml for the works this entry draws on, such as faulkner-kalathil-2012.",
        ["contributors"] = "Names of the people who wrote or reviewed this entry, as they want to be named.",
        ["draft"] = "true keeps the entry off the published site while you work on it.",
        ["region"] = "The area, such as a city, county or state.",
        ["country"] = "The country, such as United Kingdom.",
        ["status"] = "Whether the project is still running.",
        ["organisation_type"] = "Who runs the project.",
        ["populations"] = "The groups of people the project is for, such as young people or carers.",
        ["support_formats"] = "How support is given: one-to-one, group, ward-visiting, phone, text, online, drop-in, creative, sports-social, or another word.",
        ["roles"] = "How peer supporters take part.",
        ["started"] = "The year the project began.",
        ["funding"] = "Who pays for it, such as a charity grant or the local council.",
        ["website"] = "The web site.",
        ["values"] = "Keys of the values this puts into practice, such as values/mutuality.",
        ["also_called"] = "Other names people use for this value.",
        ["date"] = "When it happened.",
        ["place"] = "Where it happened.",
        ["audience"] = "Who the training is for.",
        ["duration"] = "How long the whole training takes, in words, such as 10 days or 6 evenings.",
        ["delivery"] = "How the training is delivered.",
        ["accreditation"] = "Any qualification or credits it leads to.",
        ["provider"] = "The organisation that runs the training.",
        ["peer_led"] = "true when people with lived experience design and deliver it.",
        ["duration_minutes"] = "How long this session takes, in minutes.",
        ["objectives"] = "What people will be able to do after this session, one per item.",
        ["contact"] = "How to reach the group (an email address or a web form), if it wants to be reached.",
        ["maintainers"] = "GitHub user names (without @) of the people who review changes to this community's page and annotations. They become owners in .github/CODEOWNERS.",
        ["compiled_from_research"] = "true when this page was put together from published research and has not yet been reviewed by the group itself.",
        ["target"] = "The key of the entry this note is about, such as values/mutuality; add #heading-id to point at one section.",
        ["type"] = "What kind of note this is.",
        ["as_of"] = "The year the facts here date from, such as the year of the study or report they come from.",
        ["editor_notes"] = "Notes for editors only (what to verify, where a fact came from). Never published.",
        ["provenance"] = "Whose words these are: community when your group wrote this note itself, editors when editors compiled it from published research.",
    };

    /// <summary>The meaning of a field for a kind, or null if nobody has written one yet.</summary>
    public static string? Meaning(EntryKind kind, string field) =>
        Meanings.GetValueOrDefault($"{kind.ToString().ToLowerInvariant()}:{field}") ?? Meanings.GetValueOrDefault(field);

    /// <summary>The rules of a field, written from its <see cref="FieldSpec"/>.</summary>
    public static string Rules(FieldSpec spec)
    {
        var allowed = spec.Allowed is null ? "" : string.Join(", ", spec.Allowed);
        var rule = spec.Type switch
        {
            FieldType.Text => spec.MaxLength > 0 ? $"Text, at most {spec.MaxLength} characters." : "Text.",
            FieldType.TextList => "A list, such as [first, second]; leave [] if none.",
            FieldType.SlugList => "A list of lower-case words joined by hyphens, such as [peer-support, crisis]; leave [] if none.",
            FieldType.KeyList => "A list of keys, such as [values/mutuality]; each must exist. Leave [] if none.",
            FieldType.Bool => "true or false.",
            FieldType.Int => "A whole number, such as 90.",
            FieldType.Year => "A year, such as 2009.",
            FieldType.Date => "A date written YYYY-MM-DD, such as 2026-03-01.",
            FieldType.HistoryDate => "YYYY, YYYY-MM, YYYY-MM-DD, or a period YYYY/YYYY.",
            FieldType.Url => "A full web address starting with https://.",
            FieldType.Enum => $"One of: {allowed}.",
            FieldType.EnumList => $"A list of any of: {allowed}, such as [{spec.Allowed?.FirstOrDefault()}]; leave [] if none.",
            _ => "",
        };
        return $"{(spec.Required ? "Required" : "Optional")}. {rule}";
    }
}
