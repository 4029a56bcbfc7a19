using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// Reduces a fragment of contributor HTML to a safe subset with HtmlSanitizer: an allow-list of
/// elements and attributes, safe URLs only (<see cref="UrlSafety"/>), nothing that loads from another
/// host. HtmlSanitizer does the cleaning; this class says what is allowed and turns each removal into
/// a report with its line inside the fragment (1-based), which contributors see as a located warning.
/// </summary>
public static class HtmlFragmentSanitizer
{
    private static readonly string[] Allowed =
    [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
        "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
        "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ];

    /// <summary>Elements removed with everything inside them (the rest are unwrapped, keeping their text).</summary>
    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "template", "noscript",
        "link", "meta", "base", "input", "button", "select", "textarea", "canvas", "audio", "video", "source", "track", "title", "head",
    };

    private static readonly string[] GlobalAttributes = ["title", "lang", "dir"];

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

    private static readonly HtmlSanitizerOptions Options = new()
    {
        AllowedTags = new HashSet<string>(Allowed, StringComparer.OrdinalIgnoreCase),
        // HtmlSanitizer allows attributes on any element; which element may carry which is checked after it.
        AllowedAttributes = new HashSet<string>(GlobalAttributes.Concat(ElementAttributes.Values.SelectMany(a => a)), StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(UrlSafety.Schemes, StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>
    /// No prose needs more tags in one HTML fragment; deeply nested ones take the HTML parser
    /// quadratic time (50,000 nested &lt;div&gt;s: 20 s), so larger fragments are removed unread.
    /// </summary>
    public const int MaxTags = 2000;

    /// <summary>True for an element contributors may use.</summary>
    public static bool IsAllowed(string element) => Options.AllowedTags.Contains(element);

    public static string Sanitize(string html, Action<int, string> report)
    {
        if (html.AsSpan().Count('<') > MaxTags)
        {
            report(1, $"removed an HTML fragment of more than {MaxTags} tags; write the content in Markdown");
            return "";
        }
        var session = Current ??= new Session();
        session.Start(html, report);
        return session.Sanitizer.Sanitize(html);
    }

    /// <summary>
    /// One sanitizer per thread (builds sanitize in parallel), set up once: making one costs more than
    /// cleaning a short fragment. Its events report to the fragment being cleaned.
    /// </summary>
    [ThreadStatic] private static Session? Current;

    private sealed class Session
    {
        private LineFinder _lines = new("");
        private readonly HashSet<IElement> _dropped = [];
        private Action<int, string> _report = (_, _) => { };
        private readonly HtmlParser _parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = true }); // scripting on, as in browsers and HtmlSanitizer's default

        public Session()
        {
            Sanitizer = new HtmlSanitizer(Options) { KeepChildNodes = true, HtmlParserFactory = () => _parser };
            Sanitizer.RemovingTag += (_, e) => OnRemovingTag(e, _dropped, _lines, _report);
            Sanitizer.RemovingAttribute += (_, e) => OnRemovingAttribute(e, _lines, _report);
            Sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = IsAllowedUrl(e.Tag, e.OriginalUrl) ? e.OriginalUrl : null;
            Sanitizer.PostProcessNode += (_, e) => KeepOwnAttributes(e.Node, _lines, _report);
        }

        public HtmlSanitizer Sanitizer { get; }

        public void Start(string html, Action<int, string> report)
        {
            _lines = new LineFinder(html);
            _dropped.Clear();
            _report = report;
        }
    }

    private static void OnRemovingTag(RemovingTagEventArgs e, HashSet<IElement> dropped, LineFinder lines, Action<int, string> report)
    {
        var element = e.Tag;
        // Inside an element already removed with its content: nothing more to say about it.
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (!dropped.Contains(parent)) continue;
            e.Cancel = true;
            return;
        }
        var name = element.LocalName;
        var line = lines.LineOf(element);
        if (DropWithContent.Contains(name) || element.NamespaceUri != NamespaceNames.HtmlUri)
        {
            report(line, $"removed <{name}> element and its content");
            dropped.Add(element);
            e.Cancel = true; // removed here with its content, rather than unwrapped
            element.Parent?.RemoveChild(element);
            return;
        }
        report(line, $"removed <{name}> element (its text is kept)");
    }

    private static void OnRemovingAttribute(RemovingAttributeEventArgs e, LineFinder lines, Action<int, string> report)
    {
        var name = e.Tag.LocalName;
        var line = lines.LineOf(e.Tag);
        var attribute = e.Attribute;
        if (e.Reason == RemoveReason.NotAllowedUrlValue && attribute.Name.Equals("src", StringComparison.OrdinalIgnoreCase))
            report(line, $"removed <{name}> source '{Shorten(attribute.Value)}': the site loads nothing from other hosts");
        else if (e.Reason == RemoveReason.NotAllowedUrlValue)
            report(line, $"removed unsafe link '{Shorten(attribute.Value)}' from <{name}>");
        else
            report(line, $"removed attribute '{attribute.Name}' from <{name}>");
    }

    /// <summary>Links follow <see cref="UrlSafety"/>; an image source must also be on this site.</summary>
    private static bool IsAllowedUrl(IElement element, string url) =>
        UrlSafety.IsSafeLink(url) && !(element.LocalName == "img" && UrlSafety.IsExternal(url));

    private static void KeepOwnAttributes(INode node, LineFinder lines, Action<int, string> report)
    {
        if (node is not IElement element) return;
        var own = ElementAttributes.GetValueOrDefault(element.LocalName) ?? [];
        foreach (var attribute in element.Attributes.ToList())
        {
            if (GlobalAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) || own.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase)) continue;
            report(lines.LineOf(element), $"removed attribute '{attribute.Name}' from <{element.LocalName}>");
            element.RemoveAttribute(attribute.Name);
        }
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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
