using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCommons.Markdown.Binding;

namespace PeerCommons.Markdown.Extensions.Xrefs;

/// <summary>
/// <c>[text](xref:values/mutuality#anchor)</c> links between entries. Markdig parses them as
/// ordinary links and the tree keeps them so; <see cref="XrefLinkRenderer"/> writes each with the
/// target's URL relative to the page being rendered (empty links get the target's title), and
/// <see cref="Findings"/> reports the broken ones.
/// </summary>
public sealed class XrefsExtension : IMarkdownExtension
{
    public const string Scheme = "xref:";

    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<XrefLinkRenderer>()) return;
        html.ObjectRenderers.Replace<LinkInlineRenderer>(new XrefLinkRenderer());
        html.ObjectRenderers.Replace<HtmlInlineRenderer>(new RawHtmlXrefs.InlineRenderer());
        html.ObjectRenderers.Replace<HtmlBlockRenderer>(new RawHtmlXrefs.BlockRenderer());
    }

    public static bool IsXref(string? url) => url is not null && url.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>What a reference (the text after <c>xref:</c>) leads to from the page <paramref name="links"/> stands for.</summary>
    public static (XrefTarget? Target, XrefProblem Problem) Lookup(IPageLinks links, string reference)
    {
        var (key, anchor) = Split(reference);
        return links.Xref(key, anchor);
    }

    /// <summary>
    /// The broken cross-references of a document (Markdown links, then raw HTML links), each at its
    /// position. Whether a target exists does not depend on the page, so they are found once per
    /// document, not once per page it appears on.
    /// </summary>
    public static IReadOnlyList<SourceFinding> Findings(MarkdownDocument document, IPageLinks links)
    {
        var findings = new List<SourceFinding>();
        var index = DocumentIndex.Of(document);
        foreach (var link in index.XrefLinks)
            Check(link.Url![Scheme.Length..], link.Line, link.Column);
        RawHtmlXrefs.Visit(index, Check);
        return findings;

        void Check(string reference, int line, int column)
        {
            var (key, anchor) = Split(reference);
            var (target, problem) = links.Xref(key, anchor);
            if (target is not null) return;
            findings.Add(problem == XrefProblem.UnknownAnchor
                ? new SourceFinding("xref-anchor", line, column, $"xref '{reference}': '{key}' has no heading with id '{anchor}'", anchor)
                : new SourceFinding("xref", line, column, $"xref '{reference}': no entry has the key '{key}'", key));
        }
    }

    private static (string Key, string? Anchor) Split(string reference)
    {
        var hash = reference.IndexOf('#');
        return ((hash < 0 ? reference : reference[..hash]).Trim('/'), hash < 0 ? null : reference[(hash + 1)..]);
    }
}

public static class XrefsPipelineExtensions
{
    /// <summary>Cross-references between entries by key.</summary>
    public static MarkdownPipelineBuilder UseXrefs(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<XrefsExtension>();
        return pipeline;
    }
}
