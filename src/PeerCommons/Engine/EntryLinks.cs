using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// Which keys each content file refers to (xrefs in its body, related, values, an annotation's
/// target and community, a module's curriculum), and for each key the files that refer to it:
/// the planner's neighbours of an edited entry.
/// </summary>
internal sealed class EntryLinks
{
    private readonly Dictionary<string, string[]> _outKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _inRefs = new(StringComparer.Ordinal);

    public void Clear()
    {
        _outKeys.Clear();
        _inRefs.Clear();
    }

    /// <summary>The keys the file at this content path refers to.</summary>
    public string[] OutKeys(string relative) => _outKeys.GetValueOrDefault(relative) ?? [];

    /// <summary>The content paths of the files that refer to this key.</summary>
    public IEnumerable<string> ReferrersOf(string key) => _inRefs.GetValueOrDefault(key) ?? [];

    public void Set(Entry entry, MarkdownDocument document) => Set(entry.ContentPath, KeysOf(entry, document));

    public void Remove(string relative) => Set(relative, []);

    private void Set(string relative, string[] keys)
    {
        if (_outKeys.TryGetValue(relative, out var old))
            foreach (var key in old)
                if (_inRefs.TryGetValue(key, out var set)) { set.Remove(relative); if (set.Count == 0) _inRefs.Remove(key); }
        if (keys.Length == 0) { _outKeys.Remove(relative); return; }
        _outKeys[relative] = keys;
        foreach (var key in keys)
        {
            if (!_inRefs.TryGetValue(key, out var set)) _inRefs[key] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(relative);
        }
    }

    private static string[] KeysOf(Entry entry, MarkdownDocument document)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage || !XrefsExtension.IsXref(link.Url)) continue;
            var reference = link.Url![XrefsExtension.Scheme.Length..];
            var hash = reference.IndexOf('#');
            keys.Add((hash < 0 ? reference : reference[..hash]).Trim('/'));
        }
        keys.UnionWith(entry.Related);
        keys.UnionWith(entry.FieldList("values"));
        if (entry.AnnotationTargetKey is { } target) keys.Add(target);
        if (entry.Kind == EntryKind.Annotation) keys.Add($"communities/{entry.CommunityId}");
        if (entry.Kind == EntryKind.Module) keys.Add($"curricula/{entry.CurriculumId}");
        return keys.ToArray();
    }
}
