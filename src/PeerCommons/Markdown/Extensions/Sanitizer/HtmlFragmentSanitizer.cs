using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// Reduces a fragment of contributor HTML to a safe subset with AngleSharp: an allow-list of
/// elements and attributes, safe URLs only, nothing that loads from another host. Each removal
/// is reported with its line inside the fragment (1-based).
/// </summary>
public static class HtmlFragmentSanitizer
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
        "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    };

    /// <summary>Elements removed with everything inside them (the rest are unwrapped, keeping their text).</summary>
    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template", "noscript",
        "link", "meta", "base", "input", "button", "select", "textarea", "canvas", "audio", "video", "source", "track", "title", "head",
    };

    private static readonly HashSet<string> GlobalAttributes = new(StringComparer.OrdinalIgnoreCase) { "title", "lang", "dir" };

    private static readonly Dictionary<string, string[]> ElementAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href"],
        ["img"] = ["src", "alt", "width", "height"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan", "scope"],
        ["ol"] = ["start", "reversed"],
        ["li"] = ["value"],
        ["time"] = ["datetime"],
        ["details"] = ["open"],
        ["abbr"] = ["title"],
    };

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>
    /// No prose needs more tags in one HTML fragment; deeply nested ones take the HTML parser
    /// quadratic time (50,000 nested &lt;div&gt;s: 20 s), so larger fragments are removed unread.
    /// </summary>
    public const int MaxTags = 2000;

    public static string Sanitize(string html, Action<int, string> report)
    {
        if (html.AsSpan().Count('<') > MaxTags)
        {
            report(1, $"removed an HTML fragment of more than {MaxTags} tags; write the content in Markdown");
            return "";
        }
        var document = Parser.ParseDocument(string.Empty);
        var nodes = Parser.ParseFragment(html, document.Body!);
        var container = document.CreateElement("div");
        foreach (var node in nodes.ToList()) container.AppendChild(node);
        Clean(container, report, new LineFinder(html));
        return container.InnerHtml;
    }

    /// <summary>
    /// AngleSharp keeps no source reference for foreign (SVG, MathML) elements; for those, find the
    /// tag in the fragment text, searching on from the last one found, so the line is still right.
    /// </summary>
    private sealed class LineFinder(string html)
    {
        private int _from;

        public int LineOf(IElement element)
        {
            if (element.SourceReference is { } reference)
            {
                _from = Math.Max(_from, Math.Min(html.Length, reference.Position.Position));
                return reference.Position.Line;
            }
            var at = html.IndexOf("<" + element.LocalName, _from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) at = html.IndexOf("<" + element.LocalName, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return 1;
            _from = at + 1;
            return 1 + html.AsSpan(0, at).Count('\n');
        }
    }

    private static void Clean(IElement parent, Action<int, string> report, LineFinder lines)
    {
        foreach (var node in parent.ChildNodes.ToList())
        {
            if (node is IComment) { node.RemoveFromParent(); continue; }
            if (node is not IElement element) continue;
            var name = element.LocalName;
            var line = lines.LineOf(element);

            if (!Allowed.Contains(name))
            {
                if (DropWithContent.Contains(name) || element.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri)
                {
                    report(line, $"removed <{name}> element and its content");
                    element.RemoveFromParent();
                }
                else
                {
                    report(line, $"removed <{name}> element (its text is kept)");
                    Clean(element, report, lines);
                    foreach (var child in element.ChildNodes.ToList()) parent.InsertBefore(child, element);
                    element.RemoveFromParent();
                }
                continue;
            }

            var own = ElementAttributes.GetValueOrDefault(name) ?? [];
            foreach (var attribute in element.Attributes.ToList())
            {
                var attributeName = attribute.Name;
                if (!GlobalAttributes.Contains(attributeName) && !own.Contains(attributeName, StringComparer.OrdinalIgnoreCase))
                {
                    report(line, $"removed attribute '{attributeName}' from <{name}>");
                    element.RemoveAttribute(attributeName);
                }
                else if (attributeName.Equals("href", StringComparison.OrdinalIgnoreCase) && !UrlSafety.IsSafeLink(attribute.Value))
                {
                    report(line, $"removed unsafe link '{Shorten(attribute.Value)}' from <{name}>");
                    element.RemoveAttribute(attributeName);
                }
                else if (attributeName.Equals("src", StringComparison.OrdinalIgnoreCase)
                         && (!UrlSafety.IsSafeLink(attribute.Value) || UrlSafety.IsExternal(attribute.Value)))
                {
                    report(line, $"removed <{name}> source '{Shorten(attribute.Value)}': the site loads nothing from other hosts");
                    element.RemoveAttribute(attributeName);
                }
            }
            Clean(element, report, lines);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
