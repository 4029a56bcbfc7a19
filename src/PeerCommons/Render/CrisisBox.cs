using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// The emergency box: site.yaml's crisis lines, shown first on the help page, the page the site's
/// help link points to. A visitor in crisis should not have to read anything else to find a number.
/// </summary>
public static partial class CrisisBox
{
    // A phone number inside the contact text: "116 123", "+64 1737"; "112 or 999" holds two.
    [GeneratedRegex(@"\+?\d[\d ]*\d|\d")]
    private static partial Regex Number();

    /// <summary>True when <paramref name="entry"/> is the page site.yaml's help_link points to.</summary>
    public static bool IsHelpPage(Entry entry, SiteConfig config) =>
        config.HelpLinkUrl is { } help && !help.Contains(':')
        && Normalise(help) == Normalise(entry.Url);

    public static IReadOnlyList<CrisisLineView> For(Entry entry, SiteConfig config) =>
        IsHelpPage(entry, config) ? config.CrisisLines.Select(View).ToList() : [];

    private static CrisisLineView View(CrisisLine line) => new(
        Html.Escape(line.Region),
        Html.Escape(line.Name),
        line.Contact is null ? null : ContactHtml(line.Contact),
        line.Url is null ? null : Html.Escape(line.Url),
        line.Note is null ? null : Html.Escape(line.Note),
        Html.Escape(Month(line.Checked)),
        Html.Escape(line.Checked));

    /// <summary>The contact text with each number a tel: link (written by the site, not by contributors).</summary>
    private static string ContactHtml(string contact)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match number in Number().Matches(contact))
        {
            html.Append(Html.Escape(contact[last..number.Index]));
            var dial = number.Value.Replace(" ", "");
            html.Append("<a class=\"crisis-number\" href=\"tel:").Append(Html.Escape(dial)).Append("\">")
                .Append(Html.Escape(number.Value)).Append("</a>");
            last = number.Index + number.Length;
        }
        return html.Append(Html.Escape(contact[last..])).ToString();
    }

    private static string Month(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Normalise(string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed.EndsWith("index.html", StringComparison.Ordinal)) trimmed = trimmed[..^"index.html".Length].TrimEnd('/');
        return trimmed;
    }
}
