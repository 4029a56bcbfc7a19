
namespace PeerCommons.Model;

/// <summary>
/// One validated content file. Common fields are typed properties; kind-specific fields are in
/// <see cref="Fields"/>, already converted (string, IReadOnlyList&lt;string&gt;, bool, int, DateOnly, HistoryDate).
/// </summary>
public sealed class Entry
{
    public required EntryKind Kind { get; init; }
    /// <summary>The id: the file name without .md (for modules, without the NN- prefix).</summary>
    public required string Id { get; init; }
    /// <summary><c>values/mutuality</c>, <c>curricula/cid/mid</c>, <c>annotations/community/name</c>.</summary>
    public required string Key { get; init; }
    public required ContentFile File { get; init; }
    /// <summary>Path below content/ with '/' separators, for "edit this page" links.</summary>
    public required string ContentPath { get; init; }

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public IReadOnlyList<string> Tags { get; set; } = [];
    public DateOnly? Updated { get; set; }
    public IReadOnlyList<string> Aliases { get; set; } = [];
    public IReadOnlyList<string> Related { get; set; } = [];
    public IReadOnlyList<string> Sources { get; set; } = [];
    public IReadOnlyList<string> Contributors { get; set; } = [];
    public bool Draft { get; set; }

    public Dictionary<string, object> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The last change recorded by git, when front matter does not say (shown, never validated).</summary>
    public FileChange? LastChange { get; set; }

    /// <summary>For modules: the curriculum id and the NN order from the file name.</summary>
    public string? CurriculumId { get; init; }
    public int Order { get; init; }

    /// <summary>For annotations: the community (the folder the file is in).</summary>
    public string? CommunityId { get; init; }

    /// <summary>The page's path below the site root, always ending in '/': <c>values/mutuality/</c>.</summary>
    public string Url => Kind == EntryKind.Annotation ? $"{AnnotationTargetKey}/" : _url ??= Key + "/";

    private string? _url; // asked for by every link to the entry

    public string Path => File.RelativePath;

    public T? Field<T>(string name) => Fields.TryGetValue(name, out var value) && value is T typed ? typed : default;

    public IReadOnlyList<string> FieldList(string name) => Field<IReadOnlyList<string>>(name) ?? [];

    /// <summary>Annotation target key without its anchor.</summary>
    public string? AnnotationTargetKey => Field<string>("target")?.Split('#')[0];

    public string? AnnotationTargetAnchor
    {
        get
        {
            var target = Field<string>("target");
            var hash = target?.IndexOf('#') ?? -1;
            return hash >= 0 ? target![(hash + 1)..] : null;
        }
    }
}
