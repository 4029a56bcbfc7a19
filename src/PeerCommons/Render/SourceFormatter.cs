using System.Text;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>How works from sources.yaml are shown: a short author-year label and a full reference.</summary>
public static class SourceFormatter
{
    /// <summary>"Faulkner &amp; Kalathil 2012", "Gillard et al. 2017" (plain text, not escaped).</summary>
    public static string Label(Source source) => Labels.GetValue(source, FormatLabel);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Source, string> Labels = new();

    private static string FormatLabel(Source source)
    {
        var names = source.Authors.Select(Surname).ToList();
        var who = names.Count switch
        {
            0 => source.Title.Length > 40 ? source.Title[..40].TrimEnd() + "…" : source.Title,
            1 => names[0],
            2 => $"{names[0]} & {names[1]}",
            _ => $"{names[0]} et al.",
        };
        return $"{who} {source.Year}";
    }

    /// <summary>
    /// The label inside an in-text citation: "Mead 2003, as cited in Repper &amp; Carter 2010" for a work
    /// known only through another, so a reader knows which of the two the commons has read (plain text).
    /// </summary>
    public static string CitationLabel(Source source) =>
        source.CitedIn is { } through ? $"{Label(source)}, as cited in {Label(through)}" : Label(source);

    private static string Surname(string author)
    {
        var comma = author.IndexOf(',');
        if (comma > 0) return author[..comma].Trim();
        var words = author.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Alison Faulkner" -> "Faulkner"; organisations ("Department of Health") stay whole.
        return words.Length is 2 or 3 && words.All(w => char.IsUpper(w[0])) ? words[^1] : author.Trim();
    }

    /// <summary>The full reference as HTML: authors (year). <cite>Title</cite>. Venue. DOI. Link. Licence.</summary>
    public static string ReferenceHtml(Source source) => References.GetValue(source, FormatReference);

    // A source is cited on many pages; its label and reference are formatted once (sources are immutable).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Source, string> References = new();

    private static string FormatReference(Source source)
    {
        var html = new StringBuilder();
        if (source.Authors.Count > 0) html.Append(Html.Escape(string.Join(", ", source.Authors))).Append(' ');
        html.Append('(').Append(Html.Escape(source.Year)).Append("). ");
        html.Append("<cite>").Append(Html.Escape(source.Title.TrimEnd('.'))).Append("</cite>.");
        if (source.Venue is not null) html.Append(' ').Append(Html.Escape(source.Venue.TrimEnd('.'))).Append('.');
        if (source.Doi is not null)
        {
            var doiUrl = "https://doi.org/" + source.Doi;
            html.Append(" <a href=\"").Append(Html.Escape(doiUrl)).Append("\">doi:").Append(Html.Escape(source.Doi)).Append("</a>.");
        }
        if (source.Url is not null)
            html.Append(" <a href=\"").Append(Html.Escape(source.Url)).Append("\">").Append(Html.Escape(source.Url)).Append("</a>.");
        if (source.Licence is not null) html.Append(" Licence: ").Append(Html.Escape(source.Licence)).Append('.');
        if (source.CitedIn is { } through)
            html.Append(" As cited in ").Append(Html.Escape(Label(through))).Append(", <cite>")
                .Append(Html.Escape(through.Title.TrimEnd('.'))).Append("</cite>.");
        if (source.Note is not null) html.Append(' ').Append(Html.Escape(source.Note));
        return html.ToString();
    }
}
