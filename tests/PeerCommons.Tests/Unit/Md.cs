using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig.Syntax;
using PeerCommons.Markdown;
using PeerCommons.Markdown.Binding;

namespace PeerCommons.Tests.Unit;

internal static class Md
{
    public static MarkdownDocument Parse(string text, bool trainer = false) =>
        Markdig.Markdown.Parse(text, trainer ? MarkdownPipelines.Trainer : MarkdownPipelines.Learner);

    public static string Render(MarkdownDocument document, bool trainer = false, IPageLinks? links = null)
    {
        using var writer = new StringWriter();
        var renderer = PageHtmlRenderer.Create(writer, trainer ? MarkdownPipelines.Trainer : MarkdownPipelines.Learner, links ?? UnboundLinks.Instance);
        renderer.Render(document);
        return writer.ToString();
    }

    public static IElement Html(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body></body></html>");
        document.Body!.InnerHtml = html;
        return document.Body;
    }

    public static IElement ParseAndRender(string text, bool trainer = false) => Html(Render(Parse(text, trainer), trainer));
}
