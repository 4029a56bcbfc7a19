using AngleSharp.Html.Parser;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// The last guard for contributor HTML: a rendered body (or section of one) is parsed as one HTML
/// fragment and written out again, so every element it opens is closed inside it, whatever the
/// balancers before it missed (HTML's own rules move and close elements in ways no tag count sees).
/// Only bodies with raw HTML in them need it; Markdown alone always renders balanced.
/// </summary>
public static class HtmlConfinement
{
    public static string Confine(string html)
    {
        var parser = new HtmlParser(); // one per call: pages are rendered in parallel
        var document = parser.ParseDocument(string.Empty);
        var container = document.CreateElement("div");
        foreach (var node in parser.ParseFragment(html, container).ToList()) container.AppendChild(node);
        return container.InnerHtml;
    }
}
