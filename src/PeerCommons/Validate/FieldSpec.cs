namespace PeerCommons.Validate;

public enum FieldType
{
    Text,        // a single-line or multi-line string
    TextList,    // list of strings
    SlugList,    // list of lower-case hyphenated slugs (tags)
    KeyList,     // list of entry keys; checked against the site once everything is loaded
    Bool,
    Int,
    Year,
    Date,        // YYYY-MM-DD
    HistoryDate, // YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY
    Url,         // absolute http(s) URL
    Enum,
    EnumList,
}

/// <summary>One front-matter field of the content model.</summary>
public sealed record FieldSpec(string Name, FieldType Type, bool Required = false, string[]? Allowed = null, int MaxLength = 0);
