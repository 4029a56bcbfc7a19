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
/// reference checks are redone for the edited entries, and the anchor checks for the edited
/// annotations and those whose check read something that changed (their target's headings and
/// anchors: recorded in <paramref name="anchorReads"/>, by serve only); every other entry keeps
/// what was found last time. The caller has everything checked afresh when keys come or go, since
/// every reference check (and every "did you mean") depends on the set of keys.
/// </summary>
internal sealed class SiteChecks(string contentRoot, PageDependencies? anchorReads)
{
    /// <summary>Findings per entry object (only entries with findings), so an edited entry's old findings go with the old object.</summary>
    private readonly Dictionary<Entry, Diagnostic[]> _referenceFindings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Entry, Diagnostic[]> _anchorFindings = new(ReferenceEqualityComparer.Instance);
    private Diagnostic[] _keyFindings = [];
    private Diagnostic[] _aliasFindings = [];
    private Diagnostic[] _ownerFindings = [];

    /// <summary>Every finding of these checks on the site as it is now, in no particular order.</summary>
    /// <param name="changes">What changed since the last call (no keys added or removed), or null to check everything afresh.</param>
    public List<Diagnostic> Run(Site site, ParsedContent parsed, IReadOnlyList<ContentChange>? changes, ReadPrints prints)
    {
        if (changes is null)
        {
            _referenceFindings.Clear();
            _anchorFindings.Clear();
            anchorReads?.Clear();
            _keyFindings = Check(ReferenceValidator.ValidateKeys, site);
            _aliasFindings = Check(ReferenceValidator.ValidateAliases, site);
            CheckReferences(site, site.Entries);
            CheckAnchors(site, parsed, site.Entries, prints);
        }
        else
        {
            foreach (var old in changes.Select(c => c.Old!))
            {
                _referenceFindings.Remove(old);
                _anchorFindings.Remove(old);
                anchorReads?.Forget(old.ContentPath);
            }
            // Alias findings depend on the entries that have aliases (and where in the file they are written).
            if (changes.SelectMany(c => c.Versions).Any(e => e.Aliases.Count > 0)) _aliasFindings = Check(ReferenceValidator.ValidateAliases, site);
            CheckReferences(site, changes.Select(c => c.New!));
            CheckAnchors(site, parsed, AnchorsToRecheck(site, changes, prints), prints);
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

    private void CheckAnchors(Site site, ParsedContent parsed, IEnumerable<Entry> annotations, ReadPrints prints)
    {
        var checkedEntries = annotations.ToList();
        var bag = new DiagnosticBag();
        if (anchorReads is null) MarkdownStage.CheckAnnotationAnchors(site, parsed, bag, checkedEntries);
        else
            foreach (var annotation in checkedEntries.Where(e => e.Kind == EntryKind.Annotation))
            {
                var reads = new PageReads();
                using (PageReads.Into(reads)) MarkdownStage.CheckAnnotationAnchors(site, parsed, bag, [annotation]);
                anchorReads.Record(annotation.ContentPath, reads.Tokens, prints);
            }
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

    /// <summary>The edited annotations, and those whose anchor check read something that is another now.</summary>
    private IEnumerable<Entry> AnchorsToRecheck(Site site, IReadOnlyList<ContentChange> changes, ReadPrints prints)
    {
        var changed = anchorReads?.Changed(prints, new TouchedReads(changes)) ?? [];
        var recheck = changes.Select(c => c.New!).ToList();
        if (changed.Count > 0) recheck.AddRange(site.Entries.Where(e => changed.Contains(e.ContentPath)));
        return recheck.Distinct();
    }
}
