using Markdig.Syntax;
using PeerCommons.Diagnostics;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Extensions;
using PeerCommons.Markdown.Extensions.Citations;
using PeerCommons.Markdown.Extensions.Xrefs;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Render;

/// <summary>
/// Parses every entry's Markdown (in parallel) and checks what needs every page's headings:
/// annotation anchors. Findings of the extensions become diagnostics in <see cref="Report"/>.
/// </summary>
public static class MarkdownStage
{
    public static ParsedContent Parse(Site site, DiagnosticBag diagnostics)
    {
        var parsed = new ParsedContent(site, ParseAll(site.Entries));
        CheckAnnotationAnchors(site, parsed, diagnostics);
        return parsed;
    }

    /// <summary>One entry's Markdown, parsed once: the tree is read-only and serves every view of the entry.</summary>
    public static MarkdownDocument ParseEntry(Entry entry) => MarkdownPipelines.Parse(entry.File.Body, MarkdownPipelines.Learner);

    /// <summary>Every entry's Markdown, parsed in parallel, by entry (reference identity).</summary>
    public static Dictionary<Entry, MarkdownDocument> ParseAll(IReadOnlyCollection<Entry> entries)
    {
        var list = entries.ToArray();
        var documents = new MarkdownDocument[list.Length];
        Parallel.For(0, list.Length, i => documents[i] = ParseEntry(list[i]));
        var byEntry = new Dictionary<Entry, MarkdownDocument>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < list.Length; i++) byEntry[list[i]] = documents[i];
        return byEntry;
    }

    /// <summary>
    /// Annotation targets with '#anchor' must name a heading (or fixed anchor) of the target page.
    /// <paramref name="only"/> limits the check to some entries (the preview server rechecks only what an edit can affect).
    /// </summary>
    public static void CheckAnnotationAnchors(Site site, ParsedContent parsed, DiagnosticBag diagnostics, IEnumerable<Entry>? only = null)
    {
        foreach (var annotation in (only ?? site.Entries).Where(e => e.Kind == EntryKind.Annotation))
        {
            if (annotation.AnnotationTargetAnchor is not { } anchor || annotation.AnnotationTargetKey is not { } key) continue;
            if (!site.ByKey.TryGetValue(key, out var target) || parsed.HasAnchor(target, anchor)) continue;
            var (line, column) = annotation.File.FrontMatter.Of("target");
            diagnostics.Error(annotation.Path, line, column, Codes.UnknownTargetAnchor,
                $"'{key}' has no heading with id '{anchor}'{Suggest.DidYouMean(anchor, parsed.HeadingsOf(target).Select(h => h.Id))}");
        }
    }

    /// <summary>What each kind of extension finding becomes; the suggestions come from the keys it could have meant.</summary>
    private static readonly Dictionary<string, (Severity Severity, string Code, Func<Site, IEnumerable<string>>? Candidates)> FindingCodes = new()
    {
        ["xref"] = (Severity.Error, Codes.BrokenXref, site => site.ByKey.Keys),
        ["xref-anchor"] = (Severity.Error, Codes.BrokenXrefAnchor, null),
        ["unknown-citation"] = (Severity.Error, Codes.UnknownCitation, site => site.Bibliography.Keys),
        ["duplicate-heading-id"] = (Severity.Error, Codes.DuplicateHeadingId, null),
        ["unknown-container"] = (Severity.Warning, Codes.UnknownContainer, null),
        ["too-deep"] = (Severity.Error, Codes.MarkdownTooDeep, null),
        ["heading-id-taken"] = (Severity.Warning, Codes.HeadingIdTaken, null),
        ["url"] = (Severity.Warning, Codes.UnsafeUrl, null),
        ["external"] = (Severity.Warning, Codes.ExternalResource, null),
        ["html"] = (Severity.Warning, Codes.HtmlRemoved, null),
        ["html-unbalanced"] = (Severity.Warning, Codes.HtmlUnbalanced, null),
    };

    /// <summary>
    /// Turns the findings on one entry's document into diagnostics at file positions: those of parsing,
    /// then its broken cross-references and unknown citations (the same from any page, so each
    /// entry's are reported once, by the page that shows it first).
    /// </summary>
    public static void Report(Entry entry, MarkdownDocument document, PageLinks links, Site site, DiagnosticBag diagnostics)
    {
        var findings = SourceFindings.Found(document)
            .Concat(XrefsExtension.Findings(document, links))
            .Concat(CitationsExtension.Findings(document, links));
        foreach (var finding in findings)
        {
            var (severity, code, candidates) = FindingCodes[finding.Kind];
            var message = candidates is null ? finding.Message : finding.Message + Suggest.DidYouMean(finding.Subject ?? "", candidates(site));
            diagnostics.Add(new Diagnostic(entry.Path, entry.File.BodyLine + finding.Line, finding.Column + 1, severity, code, message));
        }
    }
}
