namespace PeerCommons.Model;

/// <summary>
/// What the pages being built on this thread read of the site: which keys they looked up, which
/// lists (an entry's annotations, a curriculum's modules, a community's annotations, the entries
/// that list a key, all pages, all keys) and whose Markdown they rendered. The lookups of
/// <see cref="Site"/>, <c>RenderContext</c> and <c>ParsedContent</c> report here; the preview
/// server's engine sets a recorder around each entry's pages, so that after a change it re-renders
/// exactly the pages that read something that changed. Outside a recording (build, check, every
/// lookup that is not building a page) a report costs one thread-static read.
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
}
