using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Xrefs;

/// <summary>
/// <c>[text](xref:values/mutuality#anchor)</c> links between entries. Markdig parses them as
/// ordinary links; <see cref="Resolve"/> rewrites each to the target's relative URL and gives
/// empty links the target's title.
/// </summary>
public sealed class XrefsExtension : IMarkdownExtension
{
    public const string Scheme = "xref:";

    private static readonly object Written = new();

    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    public static bool IsXref(string? url) => url is not null && url.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="resolve"/> maps (key, anchor) to a target or a problem. Broken links are
    /// reported as findings and rendered as plain text, so a page never links nowhere.
    /// </summary>
    /// <remarks>
    /// Resolving can be repeated on the same document for another page (a trainer view, a print
    /// view): each link remembers the reference it was written with.
    /// </remarks>
    public static void Resolve(MarkdownDocument document, Func<string, string?, (XrefTarget? Target, XrefProblem Problem)> resolve)
    {
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage && (IsXref(l.Url) || l.GetData(Written) is string)).ToList())
        {
            if (link.GetData(Written) is not string written) link.SetData(Written, written = link.Url!);
            var reference = written[Scheme.Length..];
            var (target, _) = Find(document, reference, link.Line, link.Column, resolve);
            if (target is null)
            {
                Unlink(link);
                continue;
            }
            link.Url = target.Href;
            if (link.FirstChild is null) link.AppendChild(new LiteralInline(target.Title));
        }
        RawHtmlXrefs.Resolve(document, Written, (reference, line, column) => Find(document, reference, line, column, resolve).Target);
    }

    /// <summary>Resolves one reference (the text after <c>xref:</c>); a broken one becomes a finding at its position.</summary>
    private static (XrefTarget? Target, XrefProblem Problem) Find(MarkdownDocument document, string reference, int line, int column,
        Func<string, string?, (XrefTarget? Target, XrefProblem Problem)> resolve)
    {
        var hash = reference.IndexOf('#');
        var key = (hash < 0 ? reference : reference[..hash]).Trim('/');
        var anchor = hash < 0 ? null : reference[(hash + 1)..];
        var (target, problem) = resolve(key, anchor);
        if (target is null)
        {
            var message = problem == XrefProblem.UnknownAnchor
                ? $"xref '{reference}': '{key}' has no heading with id '{anchor}'"
                : $"xref '{reference}': no entry has the key '{key}'";
            SourceFindings.Of(document).Add(new SourceFinding(problem == XrefProblem.UnknownAnchor ? "xref-anchor" : "xref", line, column, message, problem == XrefProblem.UnknownAnchor ? anchor : key));
        }
        return (target, problem);
    }

    private static void Unlink(LinkInline link)
    {
        if (link.FirstChild is null)
        {
            link.ReplaceBy(new LiteralInline(link.Url ?? ""));
            return;
        }
        var replacement = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            replacement.AppendChild(child);
        }
        link.ReplaceBy(replacement);
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
