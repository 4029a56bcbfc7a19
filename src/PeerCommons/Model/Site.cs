namespace PeerCommons.Model;

/// <summary>Everything loaded from content/, with the lookups the later stages need.</summary>
public sealed class Site
{
    public Site(SiteConfig config, IReadOnlyDictionary<string, Source> bibliography, IReadOnlyList<Entry> entries)
    {
        Config = config;
        Bibliography = bibliography;
        Entries = entries;
        _byKey = new Dictionary<string, Entry>(entries.Count, StringComparer.Ordinal);
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
            return UnrecordedPages;
        }
    }

    private IEnumerable<Entry> UnrecordedPages => Entries.Where(e => e.Kind != EntryKind.Annotation && _byKey.GetValueOrDefault(e.Key) == e);

    /// <summary>The pages of one kind (a read of that kind's list only, not of every page).</summary>
    public IEnumerable<Entry> OfKind(EntryKind kind)
    {
        PageReads.Note(PageReads.KindPrefix, kind.Folder());
        return UnrecordedPages.Where(e => e.Kind == kind);
    }

    /// <summary>The pages with this tag, in site order (a read of that tag's list only).</summary>
    public IEnumerable<Entry> Tagged(string tag)
    {
        PageReads.Note(PageReads.TagPrefix, tag);
        _tagged ??= UnrecordedPages.SelectMany(e => e.Tags.Distinct(StringComparer.Ordinal).Select(t => (Tag: t, Entry: e)))
            .ToLookup(p => p.Tag, p => p.Entry, StringComparer.Ordinal);
        return _tagged[tag];
    }

    private ILookup<string, Entry>? _tagged;

    /// <summary>
    /// A value worked out from this state of the site once, then shared by all who ask for it by
    /// <paramref name="name"/> (a list in its order: serve's planner and every page of the list would
    /// otherwise each sort the whole list again). The value must not be changed by those who share it.
    /// </summary>
    public T Shared<T>(string name, Func<T> make) where T : class => (T)_shared.GetOrAdd(name, _ => make());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _shared = new(StringComparer.Ordinal);

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
