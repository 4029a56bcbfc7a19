namespace PeerCommons.Model;

/// <summary>
/// What the output being built on this thread read of the site: which keys it looked up, which
/// lists (an entry's annotations, a curriculum's modules, a community's annotations, the entries
/// that list a key, a kind's or a tag's pages, all pages, all keys, the tag counts), whose Markdown
/// and whose headings it read. The lookups of <see cref="Site"/>,
/// <c>RenderContext</c> and <c>ParsedContent</c> report here; the preview server's engine sets a
/// recorder around each entry's pages, each index page, each redirect page, each list item and
/// each annotation's anchor check, keeps a fingerprint of the value of each read, and after a
/// change redoes exactly those whose reads now have another value. Outside a recording (build,
/// check, every lookup that is not building something) a report costs one thread-static read.
/// </summary>
public sealed class PageReads
{
    [ThreadStatic] private static PageReads? t_current;

    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);

    /// <summary>Everything read, as tokens (see the token makers below).</summary>
    public IReadOnlyCollection<string> Tokens => _tokens;

    /// <summary>Records what the current thread reads into <paramref name="reads"/> (nothing when null) until disposed.</summary>
    public static Scope Into(PageReads? reads)
    {
        var previous = t_current;
        t_current = reads;
        return new Scope(previous);
    }

    /// <summary>Reads on this thread are not recorded until disposed: for work whose reads a token names more narrowly (noted by the caller).</summary>
    public static Scope Paused() => Into(null);

    /// <summary>Reports reads recorded elsewhere (a cached list item's) to the recording of this thread.</summary>
    public static void NoteAll(IEnumerable<string> tokens)
    {
        if (t_current is { } reads) reads._tokens.UnionWith(tokens);
    }

    public readonly struct Scope(PageReads? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }

    /// <summary>True while this thread records: what a page reads may then not be taken from a cache.</summary>
    public static bool Recording => t_current is not null;

    /// <summary>Reports a read to the recording of this thread, if there is one.</summary>
    public static void Note(string token) => t_current?._tokens.Add(token);

    /// <summary>Reports a read made by a lookup of another key type (cheap when nothing records).</summary>
    public static void Note(string prefix, string? key)
    {
        if (t_current is { } reads && key is not null) reads._tokens.Add(prefix + key);
    }

    // The tokens. An entry's "face" is what other pages show of it (title, summary, list item, headings, anchors).
    public const string EntryPrefix = "k:";
    public const string BodyPrefix = "b:";
    public const string AnnotationsPrefix = "a:";
    public const string ModulesPrefix = "m:";
    public const string CommunityPrefix = "c:";
    public const string ReferencedByPrefix = "r:";
    public const string HeadingsPrefix = "h:";
    public const string KindPrefix = "kind:";
    public const string TagPrefix = "tag:";
    /// <summary>A page's address and date, as the sitemap lists it.</summary>
    public const string DatedPrefix = "d:";
    /// <summary>
    /// One page of a list (a kind's, a tag's or a value's related list): which entries it shows, in order, and how many the list
    /// has (its pager). What it shows of each entry is read apart, by its list item.
    /// </summary>
    public const string SlicePrefix = "s:";
    /// <summary>How many pages a value's related list has (page 1 is the value's own page, <c>values/mutuality/page/2/</c> and on follow).</summary>
    public const string ListPagesPrefix = "p:";
    /// <summary>How many pages a kind has (how many pages its list has).</summary>
    public const string KindCountPrefix = "n:";
    /// <summary>Every tag with how many pages use it.</summary>
    public const string TagCounts = "tags";
    /// <summary>The entries the site's feed of recent updates shows.</summary>
    public const string RecentFeed = "recent";
    /// <summary>Every page (a page that enumerates them shows something of each).</summary>
    public const string AllPages = "pages";
    /// <summary>The set of keys (such as for a "did you mean").</summary>
    public const string AllKeys = "keys";

    public static string Entry(string key) => EntryPrefix + key;
    public static string Body(string key) => BodyPrefix + key;
    public static string Annotations(string targetKey) => AnnotationsPrefix + targetKey;
    public static string Modules(string curriculumId) => ModulesPrefix + curriculumId;
    public static string Community(string communityId) => CommunityPrefix + communityId;
    public static string ReferencedBy(string key) => ReferencedByPrefix + key;
    public static string Headings(string key) => HeadingsPrefix + key;
    public static string Kind(EntryKind kind) => KindPrefix + kind.Folder();
    public static string Tag(string tag) => TagPrefix + tag;
    /// <summary>How many pages the list at <paramref name="list"/> ("values/mutuality/") has.</summary>
    public static string ListPages(string list) => ListPagesPrefix + list;
    /// <summary>Page <paramref name="number"/> of the list at <paramref name="list"/> ("projects/", "tags/peer-work/").</summary>
    public static string Slice(string list, int number) => SlicePrefix + list + "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
