using Markdig.Syntax;
using PeerCommons.Diagnostics;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Extensions;
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
        var entries = site.Entries.ToArray();
        var documents = new MarkdownDocument[entries.Length];
        Parallel.For(0, entries.Length, i => documents[i] = Markdig.Markdown.Parse(entries[i].File.Body, MarkdownPipelines.Learner));
        var parsed = new ParsedContent(site, entries.Zip(documents).ToDictionary(p => p.First, p => p.Second));
        CheckAnnotationAnchors(site, parsed, diagnostics);
        return parsed;
    }

    /// <summary>Annotation targets with '#anchor' must name a heading (or fixed anchor) of the target page.</summary>
    public static void CheckAnnotationAnchors(Site site, ParsedContent parsed, DiagnosticBag diagnostics)
    {
        foreach (var annotation in site.Entries.Where(e => e.Kind == EntryKind.Annotation))
        {
            if (annotation.AnnotationTargetAnchor is not { } anchor || annotation.AnnotationTargetKey is not { } key) continue;
            if (!site.ByKey.TryGetValue(key, out var target) || parsed.HasAnchor(target, anchor)) continue;
            var (line, column) = FrontMatterPosition.Of(annotation, "target");
            diagnostics.Error(annotation.Path, line, column, Codes.UnknownTargetAnchor,
                $"'{key}' has no heading with id '{anchor}'{Suggest.DidYouMean(anchor, parsed.HeadingsOf(target).Select(h => h.Id))}");
        }
    }

    /// <summary>Turns the extensions' findings on one entry's document into diagnostics at file positions.</summary>
    public static void Report(Entry entry, MarkdownDocument document, Site site, DiagnosticBag diagnostics)
    {
        foreach (var finding in SourceFindings.Of(document))
        {
            var line = entry.File.BodyLine + finding.Line;
            var column = finding.Column + 1;
            switch (finding.Kind)
            {
                case "xref":
                    diagnostics.Error(entry.Path, line, column, Codes.BrokenXref, finding.Message + Suggest.DidYouMean(finding.Subject ?? "", site.ByKey.Keys));
                    break;
                case "xref-anchor":
                    diagnostics.Error(entry.Path, line, column, Codes.BrokenXrefAnchor, finding.Message);
                    break;
                case "unknown-citation":
                    diagnostics.Error(entry.Path, line, column, Codes.UnknownCitation, finding.Message + Suggest.DidYouMean(finding.Subject ?? "", site.Bibliography.Keys));
                    break;
                case "duplicate-heading-id":
                    diagnostics.Error(entry.Path, line, column, Codes.DuplicateHeadingId, finding.Message);
                    break;
                case "unknown-container":
                    diagnostics.Warning(entry.Path, line, column, Codes.UnknownContainer, finding.Message);
                    break;
                case "url":
                    diagnostics.Warning(entry.Path, line, column, Codes.UnsafeUrl, finding.Message);
                    break;
                case "external":
                    diagnostics.Warning(entry.Path, line, column, Codes.ExternalResource, finding.Message);
                    break;
                default:
                    diagnostics.Warning(entry.Path, line, column, Codes.HtmlRemoved, finding.Message);
                    break;
            }
        }
    }
}
