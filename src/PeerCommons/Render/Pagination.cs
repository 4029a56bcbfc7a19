using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>
/// Long lists split into pages of site.yaml's list_page_size: the list's own address is page 1, then
/// <c>page/2/</c>, <c>page/3/</c>… below it (<c>projects/page/2/</c>), the addresses Hugo and Jekyll
/// readers know. The addresses depend only on the list's length, so a page's link stays valid until
/// entries are added or removed before it.
/// </summary>
public static class Pagination
{
    /// <summary>The folder below a list that holds its further pages; no entry of a listed kind may take this id.</summary>
    public const string Folder = Model.ContentLayout.ListPagesFolder;

    /// <summary>The site path of page <paramref name="number"/> (from 1) of the list at <paramref name="firstPage"/>.</summary>
    public static string PagePath(string firstPage, int number) => number == 1 ? firstPage : $"{firstPage}{Folder}/{number}/";

    /// <summary>How many pages a list of <paramref name="items"/> needs: at least one, so an empty list still has its page.</summary>
    public static int PageCount(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    /// <summary>The site paths of every page of a list of <paramref name="itemCount"/> items, page 1 first.</summary>
    public static IEnumerable<string> Paths(string firstPage, int itemCount, int pageSize) =>
        Enumerable.Range(1, PageCount(itemCount, pageSize)).Select(number => PagePath(firstPage, number));

    /// <summary>
    /// The links between the pages of a list, as seen from page <paramref name="number"/>; null for a
    /// list that fits on one page, which then looks as it always did.
    /// </summary>
    public static PagerView? Pager(string firstPage, int number, int itemCount, int pageSize, string itemsWord)
    {
        var count = PageCount(itemCount, pageSize);
        if (count == 1) return null;
        var page = PagePath(firstPage, number);
        string Link(int to) => SitePaths.Relative(page, PagePath(firstPage, to));
        var from = (number - 1) * pageSize + 1;
        return new PagerView(number, count, from, Math.Min(itemCount, number * pageSize), itemCount, Html.Escape(itemsWord))
        {
            FirstUrl = number > 1 ? Link(1) : null,
            PreviousUrl = number > 1 ? Link(number - 1) : null,
            NextUrl = number < count ? Link(number + 1) : null,
            LastUrl = number < count ? Link(count) : null,
        };
    }

    /// <summary>A page's title: the list's own on page 1, "Projects, page 2 of 5" after it (each page is named apart, WCAG 2.4.2).</summary>
    public static string Title(string listTitle, PagerView? pager) =>
        pager is null || pager.Number == 1 ? listTitle : $"{listTitle}, page {pager.Number} of {pager.Count}";
}
