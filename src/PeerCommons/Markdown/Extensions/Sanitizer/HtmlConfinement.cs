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
    [ThreadStatic] private static HtmlParser? Parser;

    /// <summary>
    /// AngleSharp writes out an element with many children in quadratic time (32,000 took 6 s), so a
    /// body with more tags than this is left as the balancers wrote it, which is balanced already.
    /// </summary>
    public const int MaxTags = 5000;

    public static string Confine(string html)
    {
        if (html.AsSpan().Count('<') > MaxTags) return html;
        var parser = Parser ??= new HtmlParser(); // one per thread: pages are rendered in parallel
        // Parsed as a document's body rather than as a fragment: AngleSharp's fragment parsing slows
        // down with the number of elements (thousands of them took seconds), its document parsing does not.
        using var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body>" + html);
        return document.Body!.InnerHtml;
    }
}
