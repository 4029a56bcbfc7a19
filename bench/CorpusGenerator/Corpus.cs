/// <summary>One file of the corpus as planned before any body is written (bodies link to each other).</summary>
internal sealed class Entry
{
    public required string Kind;        // project value history curriculum module community annotation page
    public required string Id;
    public required string Key;         // projects/x, curricula/c/m, annotations/community/name
    public required string Path;        // relative to content/
    public required string Title;
    public string? CurriculumId;        // modules
    public int ModuleNumber;            // modules: NN
    public string? CommunityId;         // annotations
    public List<string> Anchors = [];   // heading ids on the page, in order
    public List<(string Text, string? ExplicitId)> Headings = [];
    public List<(string Name, object Value)> FrontMatter = [];
    public string Body = "";
}

internal sealed record Source(string Key, List<string> Authors, int Year, string Title, string Venue, string? Doi);

internal sealed class Corpus
{
    public List<Entry> Entries = [];
    public List<Source> Sources = [];
    public int Count(string kind) => Entries.Count(e => e.Kind == kind);
}

/// <summary>A YAML scalar written without quotes (numbers, dates, booleans).</summary>
internal sealed record Raw(string Text);
