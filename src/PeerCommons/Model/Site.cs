namespace PeerCommons.Model;

/// <summary>Everything loaded from content/, with the lookups the later stages need.</summary>
public sealed class Site
{
    public Site(SiteConfig config, IReadOnlyDictionary<string, Source> bibliography, IReadOnlyList<Entry> entries)
    {
        Config = config;
        Bibliography = bibliography;
        Entries = entries;
        _byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in entries) _byKey.TryAdd(entry.Key, entry);
        ByKey = new RecordedLookup<Entry>(_byKey, PageReads.EntryPrefix);

        _modules = entries.Where(e => e.Kind == EntryKind.Module && _byKey[e.Key] == e)
            .OrderBy(e => e.Order).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToLookup(e => e.CurriculumId!, StringComparer.Ordinal);
        _annotations = entries.Where(e => e.Kind == EntryKind.Annotation && e.AnnotationTargetKey is not null)
            .OrderBy(e => e.CommunityId, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToLookup(e => e.AnnotationTargetKey!, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Entry> _byKey;
    private readonly ILookup<string, Entry> _modules;
    private readonly ILookup<string, Entry> _annotations;

    public SiteConfig Config { get; }
    public IReadOnlyDictionary<string, Source> Bibliography { get; }
    public IReadOnlyList<Entry> Entries { get; }
    /// <summary>First entry for each key (duplicates are reported by validation). A page's lookups here are recorded (<see cref="PageReads"/>).</summary>
    public RecordedLookup<Entry> ByKey { get; }

    /// <summary>Entries that get a page of their own (annotations appear on their target's page).</summary>
    public IEnumerable<Entry> Pages
    {
        get
        {
            PageReads.Note(PageReads.AllPages);
            return Entries.Where(e => e.Kind != EntryKind.Annotation && _byKey.GetValueOrDefault(e.Key) == e);
        }
    }

    public IEnumerable<Entry> OfKind(EntryKind kind) => Pages.Where(e => e.Kind == kind);

    public IEnumerable<Entry> ModulesOf(string curriculumId)
    {
        PageReads.Note(PageReads.ModulesPrefix, curriculumId);
        return _modules[curriculumId];
    }

    /// <summary>A curriculum's length: the sum of its modules' duration_minutes (0 when none gives one).</summary>
    public int TotalMinutes(string curriculumId) => ModulesOf(curriculumId).Sum(m => m.Field<int>("duration_minutes"));

    public IEnumerable<Entry> AnnotationsOf(string key)
    {
        PageReads.Note(PageReads.AnnotationsPrefix, key);
        return _annotations[key];
    }
}
