using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>A tag in a raw HTML block, with its line inside the block (1-based).</summary>
/// <param name="EndOptional">True for an element whose end tag HTML lets writers leave out (see <see cref="RawHtmlStructure.OptionalEnd"/>).</param>
public sealed record RawTag(string Name, int Line, bool EndOptional = false);

/// <summary>
/// How a raw HTML block leaves the page's structure: the elements it opens and does not close
/// (outermost first; those whose end tag is optional are marked), and the end tags it has for elements it did not open (in order). A
/// <c>&lt;div&gt;</c> block before a Markdown list and a <c>&lt;/div&gt;</c> block after it wrap the
/// list; the sanitizer, which sees each block alone, would otherwise close the first at once and drop the second.
/// Read with AngleSharp's tokenizer, which knows where script and style text ends.
/// </summary>
public sealed record RawHtmlStructure(IReadOnlyList<RawTag> Unclosed, IReadOnlyList<RawTag> Strays)
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>
    /// Elements whose end tag HTML lets writers leave out (a paragraph ends at the next block, a cell at
    /// the next cell). Leaving them open is not a mistake, so they get no warning.
    /// </summary>
    public static readonly HashSet<string> OptionalEnd = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "option", "optgroup", "rt", "rp",
    };

    private static readonly Dictionary<string, HtmlParseMode> TextModes = new(StringComparer.Ordinal)
    {
        ["script"] = HtmlParseMode.Script,
        ["style"] = HtmlParseMode.Rawtext, ["xmp"] = HtmlParseMode.Rawtext, ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext, ["noframes"] = HtmlParseMode.Rawtext,
        ["textarea"] = HtmlParseMode.RCData, ["title"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
    };

    public static RawHtmlStructure Of(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var open = new List<RawTag>();
        var strays = new List<RawTag>();
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token is not HtmlTagToken tag) continue;
            var name = tag.Name.ToLowerInvariant();
            if (tag.Type == HtmlTokenType.StartTag)
            {
                if (TextModes.TryGetValue(name, out var mode)) tokenizer.State = mode; // its text is not markup
                if (!Void.Contains(name) && !tag.IsSelfClosing)
                    open.Add(new RawTag(name, token.Position.Line, OptionalEnd.Contains(name)));
                continue;
            }
            var at = open.FindLastIndex(t => t.Name == name);
            if (at >= 0) open.RemoveRange(at, open.Count - at); // closes what was opened inside it too, as browsers do
            else if (!OptionalEnd.Contains(name)) strays.Add(new RawTag(name, token.Position.Line));
        }
        return new RawHtmlStructure(open, strays);
    }
}
