using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PeerCommons.Markdown.Extensions.HeadingIds;

/// <summary>
/// Gives every heading a stable id from its text, or the explicit one written as a trailing
/// <c>{#id}</c>. Only <c>{#id}</c> is recognised (not arbitrary attributes), so contributors
/// cannot smuggle event handlers in through heading attributes.
/// </summary>
public sealed partial class HeadingIdsExtension : IMarkdownExtension
{
    private static readonly object DataKey = new();

    [GeneratedRegex(@"\s*\{#([A-Za-z][A-Za-z0-9_-]*)\}\s*$")]
    private static partial Regex ExplicitId();

    public static IReadOnlyList<HeadingInfo> Headings(MarkdownDocument document) =>
        document.GetData(DataKey) as IReadOnlyList<HeadingInfo> ?? [];

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += AssignIds;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    private static void AssignIds(MarkdownDocument document)
    {
        var headings = new List<HeadingInfo>();
        // The ids taken on this page. The theme's own count as taken too (checked apart in Unique, not copied
        // into every page's set), so a heading called "Main" cannot duplicate them.
        var used = new HashSet<string>(StringComparer.Ordinal);
        // The next suffix to try for each base id, so a page of thousands of equal headings takes linear time.
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = TreeWalk.Descendants<HeadingBlock>(document);

        // Explicit ids first, so an automatic id never takes one that is written out later.
        var explicitIds = all.Select(TakeExplicitId).ToList();
        foreach (var id in explicitIds.OfType<string>()) used.Add(id);

        var seenExplicit = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var heading = all[i];
            var text = PlainText(heading.Inline);
            string id;
            if (explicitIds[i] is { } explicitId && ThemeIds.IsTheThemes(explicitId))
            {
                id = Unique(explicitId);
                SourceFindings.Of(document).Add(new SourceFinding("heading-id-taken", heading.Line, heading.Column,
                    $"heading id '{explicitId}' is one the page itself uses; the heading gets '{id}' instead (choose another {{#id}})"));
            }
            else if (explicitIds[i] is { } explicitId2)
            {
                id = explicitId2;
                if (!seenExplicit.Add(id))
                    SourceFindings.Of(document).Add(new SourceFinding("duplicate-heading-id", heading.Line, heading.Column,
                        $"heading id '{id}' is used twice on this page; links to the second one cannot work"));
            }
            else id = Unique(HeadingSlug.From(text));
            heading.GetAttributes().Id = id;
            headings.Add(new HeadingInfo(id, text, heading.Level, heading.Line, heading.Column,
                InContainer: heading.Parent is Markdig.Extensions.CustomContainers.CustomContainer));
        }
        document.SetData(DataKey, headings);

        // The id itself when free, else the first free "id-n", remembering n per id so that
        // thousands of equal headings take linear time.
        string Unique(string baseId)
        {
            // Every "annotations-on-..." id belongs to the theme's family, suffix or not, so counting on
            // would never end: such a heading leaves the family first.
            if (ThemeIds.IsFamilyMember(baseId)) baseId = "section-" + baseId;
            var id = baseId;
            var n = nextSuffix.GetValueOrDefault(baseId, 2);
            for (; ThemeIds.IsTheThemes(id) || !used.Add(id); n++) id = $"{baseId}-{n}";
            nextSuffix[baseId] = n;
            return id;
        }
    }

    /// <summary>Removes a trailing <c>{#id}</c> from the heading's text and returns the id.</summary>
    private static string? TakeExplicitId(HeadingBlock heading)
    {
        if (heading.Inline?.LastChild is not LiteralInline last) return null;
        var content = last.Content.ToString();
        var match = ExplicitId().Match(content);
        if (!match.Success) return null;
        var rest = content[..match.Index];
        if (rest.Length == 0 && last.PreviousSibling is null) return null; // "{#id}" alone is not a heading
        last.Content = new Markdig.Helpers.StringSlice(rest);
        return match.Groups[1].Value;
    }

    public static string PlainText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        void Walk(Inline? inline)
        {
            for (; inline is not null; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
                    case CodeInline code: builder.Append(code.Content); break;
                    case LineBreakInline: builder.Append(' '); break;
                    case HtmlEntityInline entity: builder.Append(entity.Transcoded.ToString()); break;
                    case ContainerInline nested: Walk(nested.FirstChild); break;
                }
            }
        }
        Walk(container?.FirstChild);
        return builder.ToString().Trim();
    }
}

public static class HeadingIdsPipelineExtensions
{
    /// <summary>Stable heading ids from the heading text; an explicit <c>{#id}</c> wins.</summary>
    public static MarkdownPipelineBuilder UseStableHeadingIds(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<HeadingIdsExtension>();
        return pipeline;
    }
}
