using System.Text;
using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// Old addresses keep working: each alias gets an HTML page that sends the visitor on (meta
/// refresh, rel=canonical, a visible link: works on any host and from disk) and a line in
/// Netlify's _redirects for a real 301.
/// </summary>
public static class Redirects
{
    public static IEnumerable<(string Page, PageView View)> Pages(RenderContext context) =>
        Targets(context.Site).Select(r => (r.Alias + "/", Page(context, r.Alias, r.Target)));

    /// <summary>The page of one alias: it reads what its target shows.</summary>
    public static PageView Page(RenderContext context, string alias, Entry target)
    {
        PageReads.Note(PageReads.Entry(target.Key));
        var page = alias + "/";
        return new PageView
        {
            Template = "redirect",
            Title = Html.Escape(target.Title),
            Summary = "This page has moved.",
            RedirectUrl = context.EntryLink(page, target),
            Canonical = context.Site.Config.BaseUrl is { } baseUrl ? Html.Escape(baseUrl + target.Url) : context.EntryLink(page, target),
            NoIndex = true,
        };
    }

    /// <summary>Netlify's _redirects: one 301 per alias, with and without the trailing slash.</summary>
    public static byte[] NetlifyFile(Site site)
    {
        var text = new StringBuilder();
        foreach (var (alias, target) in Targets(site))
        {
            text.Append('/').Append(alias).Append(" /").Append(target.Url).Append(" 301\n");
            text.Append('/').Append(alias).Append("/ /").Append(target.Url).Append(" 301\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Valid aliases (validation reports the others), in a stable order.</summary>
    public static IEnumerable<(string Alias, Entry Target)> Targets(Site site)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in site.Pages.OrderBy(e => e.Key, StringComparer.Ordinal))
            foreach (var alias in entry.Aliases.Select(Aliases.Normalize).OfType<string>())
                if (!site.ByKey.ContainsKey(alias) && !Aliases.IsGeneratedAddress(alias) && seen.Add(alias))
                    yield return (alias, entry);
    }
}
