using PeerCommons.Diagnostics;
using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>
/// The validate stage's second half: checks that need the whole site (duplicate keys and
/// aliases, keys in related/values/sources, annotation communities and targets, modules'
/// curricula). Heading anchors are checked after Markdown is parsed.
/// </summary>
public static class ReferenceValidator
{
    // In parts, so the engine's SiteChecks can redo only what an edit can change (a full run calls them all).

    /// <summary>Duplicate keys and the help link: their findings depend on the keys and site.yaml alone.</summary>
    public static void ValidateKeys(Site site, DiagnosticBag diagnostics)
    {
        CheckDuplicateKeys(site, diagnostics);
        CheckHelpLink(site, diagnostics);
    }

    /// <summary>Every alias against the keys and the other aliases.</summary>
    public static void ValidateAliases(Site site, DiagnosticBag diagnostics) => CheckAliases(site, diagnostics);

    /// <summary>
    /// One entry's keys (related, values, sources, its module's curriculum, its annotation's community
    /// and target). The findings depend only on the entry, the site's keys and kinds, and the bibliography.
    /// </summary>
    public static void ValidateEntry(Entry entry, Site site, DiagnosticBag diagnostics)
    {
        CheckKeys(entry, "related", key => site.ByKey.ContainsKey(key), Codes.UnknownRelated, "no entry has the key '{0}'", site, diagnostics);
        CheckKeys(entry, "values", key => site.ByKey.TryGetValue(key, out var v) && v.Kind == EntryKind.Value, Codes.UnknownValue, "'{0}' is not a value; values are keys such as 'values/mutuality'", site, diagnostics);
        CheckKeys(entry, "sources", key => site.Bibliography.ContainsKey(key), Codes.UnknownSource, "'{0}' is not in sources.yaml", site, diagnostics,
            site.Bibliography.Keys);

        if (entry.Kind == EntryKind.Module && !site.ByKey.ContainsKey($"curricula/{entry.CurriculumId}"))
            diagnostics.Error(entry.Path, 1, 1, Codes.ModuleWithoutCurriculum,
                $"module belongs to no curriculum: add curricula/{entry.CurriculumId}/index.md");

        if (entry.Kind == EntryKind.Annotation) CheckAnnotation(entry, site, diagnostics);
        CompletenessValidator.CheckSources(entry, site, diagnostics);
    }

    /// <summary>A help link to a page of this site must lead to a page that exists: visitors in crisis follow it.</summary>
    private static void CheckHelpLink(Site site, DiagnosticBag diagnostics)
    {
        if (site.Config.HelpLinkUrl is not { } help || help.Contains(':')) return;
        var key = help.Trim('/');
        if (key.EndsWith("/index.html", StringComparison.Ordinal)) key = key[..^"/index.html".Length];
        if (!site.ByKey.ContainsKey(key))
            diagnostics.Error(DisplayPath.For(site.Config.SourcePath), site.Config.HelpLinkLine, 1, Codes.BrokenXref,
                $"help_link '{help}' is not a page of this site{Suggest.DidYouMean(key, site.ByKey.Keys)}; add it (such as content/pages/help.md) or link to another site");
    }

    private static void CheckDuplicateKeys(Site site, DiagnosticBag diagnostics)
    {
        foreach (var group in site.Entries.GroupBy(e => e.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
                diagnostics.Error(duplicate.Path, 1, 1, Codes.DuplicateKey,
                    $"'{duplicate.Key}' is already used by {first.Path}; give one of them another name");
        }
    }

    private static void CheckAliases(Site site, DiagnosticBag diagnostics)
    {
        var claimed = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var entry in site.Entries.Where(e => site.ByKey.GetValueOrDefault(e.Key) == e))
        {
            for (var i = 0; i < entry.Aliases.Count; i++)
            {
                var alias = Aliases.Normalize(entry.Aliases[i]);
                var (line, column) = entry.File.FrontMatter.Of("aliases", i);
                if (alias is null)
                    diagnostics.Error(entry.Path, line, column, Codes.InvalidId,
                        $"alias '{entry.Aliases[i]}' must be an old key or path on this site, such as 'values/old-name'");
                else if (site.ByKey.TryGetValue(alias, out var existing))
                    diagnostics.Error(entry.Path, line, column, Codes.DuplicateAlias,
                        $"alias '{alias}' is the address of an existing entry ({existing.Path}); an alias must be an old address no page uses");
                else if (Aliases.IsGeneratedAddress(alias))
                    diagnostics.Error(entry.Path, line, column, Codes.DuplicateAlias,
                        $"alias '{alias}' is the address of a page the site makes itself (a list, tags, sources, search, or a trainer or print view); an alias must be an old address no page uses");
                else if (!claimed.TryAdd(alias, entry))
                    diagnostics.Error(entry.Path, line, column, Codes.DuplicateAlias,
                        $"alias '{alias}' is also an alias of {claimed[alias].Path}; an old address can lead to one page only");
            }
        }
    }

    private static void CheckKeys(Entry entry, string field, Func<string, bool> exists, string code, string message, Site site, DiagnosticBag diagnostics,
        IEnumerable<string>? candidates = null)
    {
        IReadOnlyList<string> keys = field switch
        {
            "related" => entry.Related,
            "sources" => entry.Sources,
            _ => entry.FieldList(field),
        };
        for (var i = 0; i < keys.Count; i++)
        {
            if (exists(keys[i])) continue;
            var (line, column) = entry.File.FrontMatter.Of(field, i);
            diagnostics.Error(entry.Path, line, column, code,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, message, keys[i]) + Suggest.DidYouMean(keys[i], candidates ?? site.ByKey.Keys));
        }
    }

    private static void CheckAnnotation(Entry annotation, Site site, DiagnosticBag diagnostics)
    {
        if (!site.ByKey.TryGetValue($"communities/{annotation.CommunityId}", out var community) || community.Kind != EntryKind.Community)
            diagnostics.Error(annotation.Path, 1, 1, Codes.UnknownCommunity,
                $"annotations/{annotation.CommunityId}/ belongs to no community: add communities/{annotation.CommunityId}.md");

        var targetKey = annotation.AnnotationTargetKey;
        if (targetKey is null) return;
        if (!site.ByKey.TryGetValue(targetKey, out var target) || target.Kind == EntryKind.Annotation)
        {
            var (line, column) = annotation.File.FrontMatter.Of("target");
            diagnostics.Error(annotation.Path, line, column, Codes.UnknownTarget,
                $"target '{targetKey}' does not exist{Suggest.DidYouMean(targetKey, site.ByKey.Keys)}");
        }
    }
}
