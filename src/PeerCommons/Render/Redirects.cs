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
        Targets(context.Site).Select(r =>
        {
            var page = r.Alias + "/";
            return (page, new PageView
            {
                Template = "redirect",
                Title = Html.Escape(r.Target.Title),
                Summary = "This page has moved.",
                RedirectUrl = context.EntryLink(page, r.Target),
                Canonical = context.Site.Config.BaseUrl is { } baseUrl ? Html.Escape(baseUrl + r.Target.Url) : context.EntryLink(page, r.Target),
                NoIndex = true,
            });
        });

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

    /// <summary>
    /// True when a (normalized) alias is the address of a page the site makes itself: a kind's list,
    /// tags, sources, search, assets, or a curriculum's trainer and print views. A redirect there
    /// would overwrite that page.
    /// </summary>
    public static bool IsGeneratedAddress(string alias)
    {
        var parts = alias.Split('/');
        if (parts[0] is "tags" or "sources" or "search" or "assets" or Propose.ProposePage.Folder) return true;
        if (parts.Length == 1 && EntryKinds.FromFolder(parts[0]) is not null) return true;
        // A long list's further pages: projects/page/2/.
        if (parts.Length >= 2 && parts[1] == Pagination.Folder && EntryKinds.FromFolder(parts[0]) is { } kind && EntryKinds.Listed.Contains(kind)) return true;
        return parts[0] == "curricula" && parts.Length >= 3 && PeerCommons.Load.ContentLayout.ReservedModuleIds.Contains(parts[2]);
    }

    /// <summary>Valid aliases (validation reports the others), in a stable order.</summary>
    public static IEnumerable<(string Alias, Entry Target)> Targets(Site site)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in site.Pages.OrderBy(e => e.Key, StringComparer.Ordinal))
            foreach (var alias in entry.Aliases.Select(Aliases.Normalize).OfType<string>())
                if (!site.ByKey.ContainsKey(alias) && !IsGeneratedAddress(alias) && seen.Add(alias))
                    yield return (alias, entry);
    }
}
