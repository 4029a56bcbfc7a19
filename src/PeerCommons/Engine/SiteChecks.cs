using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Ownership;
using PeerCommons.Render;
using PeerCommons.Validate;

namespace PeerCommons.Engine;

/// <summary>
/// The whole-site checks of every run, the same for build, check and serve: references
/// (<see cref="ReferenceValidator"/>), the annotation anchors of <see cref="MarkdownStage.CheckAnnotationAnchors"/>,
/// and that .github/CODEOWNERS is current (<see cref="CodeOwners.Check"/>). After an edit the
/// reference and anchor checks are redone only for the entries it can affect: every other entry
/// keeps what was found last time. The caller has everything checked afresh when keys come or go,
/// since every check (and every "did you mean") depends on the set of keys.
/// </summary>
internal sealed class SiteChecks(string contentRoot)
{
    /// <summary>Findings per entry object (only entries with findings), so an edited entry's old findings go with the old object.</summary>
    private readonly Dictionary<Entry, Diagnostic[]> _referenceFindings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Entry, Diagnostic[]> _anchorFindings = new(ReferenceEqualityComparer.Instance);
    private Diagnostic[] _keyFindings = [];
    private Diagnostic[] _aliasFindings = [];
    private Diagnostic[] _ownerFindings = [];

    /// <summary>Every finding of these checks on the site as it is now, in no particular order.</summary>
    /// <param name="changes">What changed since the last call (no keys added or removed), or null to check everything afresh.</param>
    public List<Diagnostic> Run(Site site, ParsedContent parsed, IReadOnlyList<ContentChange>? changes)
    {
        if (changes is null)
        {
            _referenceFindings.Clear();
            _anchorFindings.Clear();
            _keyFindings = Check(ReferenceValidator.ValidateKeys, site);
            _aliasFindings = Check(ReferenceValidator.ValidateAliases, site);
            CheckReferences(site, site.Entries);
            CheckAnchors(site, parsed, site.Entries);
        }
        else
        {
            foreach (var old in changes.Select(c => c.Old!))
            {
                _referenceFindings.Remove(old);
                _anchorFindings.Remove(old);
            }
            // Alias findings depend on the entries that have aliases (and where in the file they are written).
            if (changes.SelectMany(c => c.Versions).Any(e => e.Aliases.Count > 0)) _aliasFindings = Check(ReferenceValidator.ValidateAliases, site);
            CheckReferences(site, changes.Select(c => c.New!));
            CheckAnchors(site, parsed, AnchorsToRecheck(site, changes));
        }
        // CODEOWNERS follows the communities' maintainers: checked again when a community changed.
        if (changes is null || changes.SelectMany(c => c.Versions).Any(e => e.Kind == EntryKind.Community))
            _ownerFindings = Check((_, bag) => CodeOwners.Check(contentRoot, bag), site);
        return [.. _keyFindings, .. _aliasFindings, .. _ownerFindings, .. _referenceFindings.Values.SelectMany(d => d), .. _anchorFindings.Values.SelectMany(d => d)];
    }

    private static Diagnostic[] Check(Action<Site, DiagnosticBag> check, Site site)
    {
        var bag = new DiagnosticBag();
        check(site, bag);
        return bag.Sorted().ToArray();
    }

    private void CheckReferences(Site site, IEnumerable<Entry> entries)
    {
        var checkedEntries = entries.ToList();
        var bag = new DiagnosticBag();
        foreach (var entry in checkedEntries) ReferenceValidator.ValidateEntry(entry, site, bag);
        Remember(_referenceFindings, checkedEntries, bag);
    }

    private void CheckAnchors(Site site, ParsedContent parsed, IEnumerable<Entry> annotations)
    {
        var checkedEntries = annotations.ToList();
        var bag = new DiagnosticBag();
        MarkdownStage.CheckAnnotationAnchors(site, parsed, bag, checkedEntries);
        Remember(_anchorFindings, checkedEntries, bag);
    }

    /// <summary>Replaces what was known of the checked entries; each check reports at the file of the entry it checked.</summary>
    private static void Remember(Dictionary<Entry, Diagnostic[]> findings, List<Entry> checkedEntries, DiagnosticBag bag)
    {
        foreach (var entry in checkedEntries) findings.Remove(entry);
        var found = bag.Sorted();
        if (found.Count == 0) return;
        var byPath = checkedEntries.DistinctBy(e => e.Path, StringComparer.Ordinal).ToDictionary(e => e.Path, StringComparer.Ordinal);
        foreach (var group in found.GroupBy(d => d.Path, StringComparer.Ordinal)) findings[byPath[group.Key]] = group.ToArray();
    }

    /// <summary>
    /// An annotation's anchor check reads its target's headings and the anchors the target page
    /// has besides (objectives, modules, the annotations aimed at it). Without keys coming or going,
    /// those change only for the edited entries, the targets of edited annotations and the
    /// curricula of edited modules: recheck the edited annotations and every annotation aimed at those.
    /// </summary>
    private static IEnumerable<Entry> AnchorsToRecheck(Site site, IReadOnlyList<ContentChange> changes)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in changes.SelectMany(c => c.Versions))
        {
            targets.Add(entry.Key);
            if (entry.AnnotationTargetKey is { } target) targets.Add(target);
            if (entry.Kind == EntryKind.Module) targets.Add($"curricula/{entry.CurriculumId}");
        }
        return changes.Select(c => c.New!).Concat(targets.SelectMany(site.AnnotationsOf)).Distinct();
    }
}
