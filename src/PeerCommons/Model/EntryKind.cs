namespace PeerCommons.Model;

public enum EntryKind { Project, Value, History, Curriculum, Module, Community, Annotation, Page }

public static class EntryKinds
{
    /// <summary>The kinds that have their own folder, list page and URL prefix, in menu order.</summary>
    public static readonly EntryKind[] Listed =
        [EntryKind.Project, EntryKind.Value, EntryKind.Curriculum, EntryKind.History, EntryKind.Community];

    public static string Folder(this EntryKind kind) => kind switch
    {
        EntryKind.Project => "projects",
        EntryKind.Value => "values",
        EntryKind.History => "history",
        EntryKind.Curriculum or EntryKind.Module => "curricula",
        EntryKind.Community => "communities",
        EntryKind.Annotation => "annotations",
        EntryKind.Page => "pages",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(this EntryKind kind) => kind switch
    {
        EntryKind.Project => "Project",
        EntryKind.Value => "Value",
        EntryKind.History => "History",
        EntryKind.Curriculum => "Curriculum",
        EntryKind.Module => "Module",
        EntryKind.Community => "Community",
        EntryKind.Annotation => "Annotation",
        EntryKind.Page => "Page",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string PluralLabel(this EntryKind kind) => kind switch
    {
        EntryKind.Project => "Projects",
        EntryKind.Value => "Values",
        EntryKind.History => "History",
        EntryKind.Curriculum => "Curricula",
        EntryKind.Community => "Communities",
        _ => kind.Label() + "s",
    };

    public static EntryKind? FromFolder(string folder) => folder switch
    {
        "projects" => EntryKind.Project,
        "values" => EntryKind.Value,
        "history" => EntryKind.History,
        "curricula" => EntryKind.Curriculum,
        "communities" => EntryKind.Community,
        "annotations" => EntryKind.Annotation,
        "pages" => EntryKind.Page,
        _ => null,
    };
}
