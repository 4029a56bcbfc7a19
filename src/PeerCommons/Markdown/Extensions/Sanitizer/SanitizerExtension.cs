using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// Contributor content is untrusted. Raw HTML blocks and tags are reduced to a safe subset,
/// Markdown links with unsafe schemes lose their link, and images on other hosts become plain
/// links (the site never loads anything from another host). Every change is a finding.
/// </summary>
public sealed partial class SanitizerExtension : IMarkdownExtension
{
    [GeneratedRegex(@"^<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*?)(/?)>$", RegexOptions.Singleline)]
    private static partial Regex SingleTag();

    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private static readonly object RawHtmlKey = new();

    /// <summary>True when contributor HTML is left in the document after sanitizing, so its rendering must be confined.</summary>
    public static bool HasRawHtml(MarkdownDocument document) => document.GetData(RawHtmlKey) is true;

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Sanitize;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private static void Sanitize(MarkdownDocument document)
    {
        var findings = SourceFindings.Of(document);
        var fragments = new FragmentMemo();
        var blocks = TreeWalk.Descendants<HtmlBlock>(document);
        foreach (var block in blocks)
        {
            var raw = block.Lines.ToString();
            BlockHtmlBalancer.Remember(block, raw);
            var clean = fragments.Sanitize(raw, (line, message) =>
                findings.Add(new SourceFinding("html", block.Line + line - 1, block.Column, message)));
            block.Lines = new StringLineGroup(1) { new StringSlice(clean) };
        }

        var inlines = TreeWalk.Descendants<HtmlInline>(document);
        foreach (var inline in inlines)
            inline.Tag = SanitizeTag(inline, findings, fragments);

        // The balancers only ever close what raw HTML opened, and most pages have none (no file of the
        // 10,000-entry benchmark does): their walk of every paragraph and container then finds nothing,
        // at about 8 kB of garbage a page.
        if (inlines.Count > 0) InlineHtmlBalancer.Balance(document, findings);
        if (blocks.Count > 0) BlockHtmlBalancer.Balance(document, findings);
        if ((blocks.Count > 0 || inlines.Count > 0)
            && (TreeWalk.Descendants<HtmlBlock>(document).Any(b => b.Lines.Count > 0 && b.Lines.ToString().Length > 0)
                || TreeWalk.Descendants<HtmlInline>(document).Any(i => !string.IsNullOrEmpty(i.Tag))))
            document.SetData(RawHtmlKey, true);

        foreach (var link in TreeWalk.Descendants<LinkInline>(document))
        {
            if (!UrlSafety.IsSafeLink(link.Url))
            {
                findings.Add(new SourceFinding("url", link.Line, link.Column, $"removed unsafe link '{Shorten(link.Url)}'"));
                link.Url = null;
                if (link.IsImage) { link.Remove(); continue; }
                Unwrap(link);
            }
            else if (link.IsImage && UrlSafety.IsExternal(link.Url))
            {
                findings.Add(new SourceFinding("external", link.Line, link.Column,
                    $"image '{Shorten(link.Url)}' is on another host; it is shown as a link, since the site loads nothing from other hosts"));
                link.IsImage = false;
                if (link.FirstChild is null) link.AppendChild(new LiteralInline("image"));
            }
        }

        foreach (var autolink in TreeWalk.Descendants<AutolinkInline>(document))
        {
            if (autolink.IsEmail || UrlSafety.IsSafeLink(autolink.Url)) continue;
            findings.Add(new SourceFinding("url", autolink.Line, autolink.Column, $"removed unsafe link '{Shorten(autolink.Url)}'"));
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static string SanitizeTag(HtmlInline inline, List<SourceFinding> findings, FragmentMemo fragments)
    {
        var match = SingleTag().Match(inline.Tag ?? "");
        if (!match.Success)
        {
            if (inline.Tag?.StartsWith("<!--", StringComparison.Ordinal) != true)
                findings.Add(new SourceFinding("html", inline.Line, inline.Column, $"removed raw HTML '{Shorten(inline.Tag)}'"));
            return "";
        }
        var name = match.Groups[2].Value;
        if (!InlineTags.Contains(name))
        {
            findings.Add(new SourceFinding("html", inline.Line, inline.Column, $"removed <{name.ToLowerInvariant()}> tag"));
            return "";
        }
        if (match.Groups[1].Value == "/") return $"</{name.ToLowerInvariant()}>";
        // Let the fragment sanitizer judge the attributes, then keep only the rebuilt opening tag.
        var cleaned = fragments.Sanitize(inline.Tag + $"</{name}>", (_, message) =>
            findings.Add(new SourceFinding("html", inline.Line, inline.Column, message)));
        var close = cleaned.LastIndexOf("</", StringComparison.Ordinal);
        return close > 0 ? cleaned[..close] : cleaned;
    }

    private static void Unwrap(LinkInline link)
    {
        var container = new ContainerInline();
        while (link.FirstChild is { } child)
        {
            child.Remove();
            container.AppendChild(child);
        }
        link.ReplaceBy(container);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..37] + "...";
}

public static class SanitizerPipelineExtensions
{
    /// <summary>Raw HTML and links reduced to a safe subset, with every removal reported.</summary>
    public static MarkdownPipelineBuilder UseSanitizer(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<SanitizerExtension>();
        return pipeline;
    }
}
