using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PeerCommons.Hardening.Tests.Support;

/// <summary>
/// Parses every page of a built site with AngleSharp (as a browser would) and lists everything that
/// could run script, load from elsewhere or restyle the page, other than the theme's own head.
/// </summary>
public static partial class HtmlAudit
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Elements no page may hold (the theme uses none of them; content must never bring them).</summary>
    private static readonly string[] Forbidden = ["iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "template", "portal"];

    /// <summary>Attributes that carry a URL a browser follows or loads.</summary>
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "cite", "ping", "manifest"];

    /// <summary>The theme's own scripts, fingerprinted, below assets/: site.js and search.js on every page,
    /// the 404 page's not-found.js, the search page's search-parts.js and search-excerpt.js, and the propose
    /// form's scripts (and its data beside it) on that page.</summary>
    [GeneratedRegex(@"^(\.\./)*(assets/(site|search|search-parts|search-excerpt|not-found|propose|propose-rules|propose-fields|markdown-it\.min)\.[0-9a-f]{10}\.js|contribute/propose/propose-data\.js)$")]
    private static partial Regex ThemeScript();

    [GeneratedRegex(@"^\s*(javascript|data|vbscript|file|blob)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousScheme();

    public static bool IsDangerousUrl(string value)
    {
        var cleaned = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        cleaned = System.Net.WebUtility.HtmlDecode(cleaned);
        return DangerousScheme().IsMatch(cleaned);
    }

    /// <summary>Every problem in one page, each as "page: what".</summary>
    public static IEnumerable<string> Page(string page, string html)
    {
        var document = Parser.ParseDocument(html);
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            string Where() => $"{page}: <{name}{(element.Id is { } id ? " id=" + id : "")}>";

            if (Forbidden.Contains(name, StringComparer.OrdinalIgnoreCase) || element.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri)
                yield return $"{Where()} is not allowed on any page";

            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name.ToLowerInvariant();
                if (attributeName.StartsWith("on", StringComparison.Ordinal))
                    yield return $"{Where()} has an event handler attribute '{attribute.Name}'";
                if (attributeName == "style")
                    yield return $"{Where()} has a style attribute '{attribute.Value}'";
                if (UrlAttributes.Contains(attributeName) && IsDangerousUrl(attribute.Value))
                    yield return $"{Where()} has a dangerous URL {attributeName}='{attribute.Value}'";
                if (attributeName == "srcdoc")
                    yield return $"{Where()} has srcdoc";
            }

            switch (name)
            {
                case "script":
                    var type = element.GetAttribute("type");
                    var src = element.GetAttribute("src");
                    var inHead = element.ParentElement?.LocalName == "head";
                    if (type == "application/ld+json" && src is null && inHead)
                    {
                        if (!IsJson(element.TextContent)) yield return $"{Where()} JSON-LD is not valid JSON (content broke out of it?)";
                    }
                    else if (!(src is not null && ThemeScript().IsMatch(src) && inHead && element.TextContent.Trim().Length == 0 && type is null))
                        yield return $"{Where()} is not one of the theme's scripts: src='{src}' type='{type}' text='{Short(element.TextContent)}'";
                    break;
                case "base":
                    // Only the theme's own 404 page has one: the path of the site's base_url (same-origin, for CSP base-uri 'self').
                    if (element.ParentElement?.LocalName != "head" || element.GetAttribute("href") is not { } baseHref
                        || !baseHref.StartsWith('/') || baseHref.StartsWith("//", StringComparison.Ordinal) || !baseHref.EndsWith('/'))
                        yield return $"{Where()} base href='{element.GetAttribute("href")}' is not the path of the site's base_url";
                    break;
                case "meta" when element.GetAttribute("http-equiv") is { } equiv:
                    if (!equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase) || element.ParentElement?.LocalName != "head")
                        yield return $"{Where()} http-equiv='{equiv}' is not the theme's redirect";
                    else if (element.GetAttribute("content") is { } content && (IsDangerousUrl(RefreshUrl(content)) || RefreshUrl(content).Contains(':')))
                        yield return $"{Where()} refresh goes to '{content}', not a page of this site";
                    break;
                case "meta" or "link" or "title" when element.ParentElement?.LocalName != "head":
                    yield return $"{Where()} outside the head";
                    break;
                case "form":
                    if (!element.HasAttribute("data-search-form") && !element.HasAttribute("data-list-filter") && !element.HasAttribute("data-search-page") && !element.HasAttribute("data-propose"))
                        yield return $"{Where()} is not one of the theme's forms";
                    break;
                case "a" or "area" when element.GetAttribute("target") is { } target:
                    var rel = (element.GetAttribute("rel") ?? "").Split(' ');
                    if (!target.Equals("_self", StringComparison.OrdinalIgnoreCase) && !rel.Contains("noopener") && !rel.Contains("noreferrer"))
                        yield return $"{Where()} target='{target}' without rel=noopener";
                    break;
                case "input" when element.GetAttribute("type") == "checkbox" && element.HasAttribute("disabled"):
                    break; // a Markdown task list item
                case "input" or "button" or "select" or "textarea" when element.Closest("form") is null:
                    yield return $"{Where()} outside the theme's forms";
                    break;
            }
        }
    }

    private static string RefreshUrl(string content)
    {
        var at = content.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : content[(at + 4)..].Trim().Trim('\'', '"');
    }

    private static bool IsJson(string text)
    {
        try { using var _ = System.Text.Json.JsonDocument.Parse(text); return true; }
        catch (System.Text.Json.JsonException) { return false; }
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>Every problem in every HTML page of a built site, plus XML files that do not parse.</summary>
    public static List<string> Site(string siteRoot)
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(siteRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(siteRoot, file).Replace('\\', '/');
            if (file.EndsWith(".html", StringComparison.Ordinal))
                problems.AddRange(Page(relative, File.ReadAllText(file)));
            else if (file.EndsWith(".xml", StringComparison.Ordinal))
            {
                try { XDocument.Load(file); }
                catch (System.Xml.XmlException ex) { problems.Add($"{relative}: not well-formed XML: {ex.Message}"); }
            }
        }
        return problems;
    }
}

public static class AuditAssert
{
    public static void NoProblems(IReadOnlyCollection<string> problems) =>
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n" + string.Join("\n", problems.Take(50)));
}
