using System.Text;

namespace PeerCommons.Serve.Tests;

/// <summary>
/// serve keeps a value's related list split into pages like build does (values/mutuality/page/2/):
/// an entry that takes up the value beyond the page size brings the next page, and the value page's
/// pager counts it; an entry that drops the value takes the page away again. Every edit is compared
/// with a fresh build (<see cref="EditedSite"/>).
/// </summary>
public sealed class ValueListIncrementalTests
{
    private const string Further = "values/mutuality/page/2/index.html";

    [Fact]
    public void An_entry_that_takes_up_the_value_beyond_the_page_size_brings_its_next_page_and_one_that_drops_it_takes_it_away()
    {
        // The starter's Mutuality lists 23 related entries: one page of 23, until one more entry holds it.
        using var site = new EditedSite(content => File.AppendAllText(Path.Combine(content, "site.yaml"), "\nlist_page_size: 23\n"));
        Assert.DoesNotContain(Further, site.Engine.Files.Keys);
        Assert.DoesNotContain("class=\"pager\"", Page(site, "values/mutuality/index.html"));

        // A new file (a key that came): the list's last entry, in site order, moves to page 2.
        var holder = site.Add("projects/zz-mutual-aid-circle.md",
            "---\ntitle: \"Mutual aid circle\"\nsummary: \"A circle of members who support each other.\"\nvalues: [values/mutuality]\nsources: [faulkner-kalathil-2012]\n---\n\nBody.\n");
        Assert.Contains(Further, site.Engine.Files.Keys);
        Assert.Contains("Page 1 of 2", Page(site, "values/mutuality/index.html"));
        Assert.Contains(">Mutual aid circle<", Page(site, "values/mutuality/index.html"));
        var further = Page(site, Further);
        Assert.Contains(">Non-coercion<", further);
        Assert.Contains("24 to 24 of 24 related entries", further);
        Assert.Contains("<link rel=\"prev\" href=\"../../../../values/mutuality/index.html\">", further);

        // An entry already in the list retitled: the page that shows it shows the new title.
        site.Edit(site.File("values/non-coercion.md"), t => t.Replace("title: \"Non-coercion\"", "title: \"Non-coercion in practice\""));
        Assert.Contains(">Non-coercion in practice<", Page(site, Further));

        // The value itself retitled: its further page names it anew.
        site.Edit(site.File("values/mutuality.md"), t => t.Replace("title: \"Mutuality\"", "title: \"Mutuality and mutual aid\""));
        Assert.Contains("Related to “Mutuality and mutual aid”, page 2 of 2", Page(site, Further));

        // The value dropped from the new entry's values: the list fits on one page again.
        site.Edit(holder, t => t.Replace("values: [values/mutuality]", "values: [values/reciprocity]"));
        Assert.DoesNotContain(Further, site.Engine.Files.Keys);
        Assert.DoesNotContain("class=\"pager\"", Page(site, "values/mutuality/index.html"));

        // Taken up again by an entry that already exists (no key comes or goes), then that entry removed.
        site.Edit(holder, t => t.Replace("values: [values/reciprocity]", "values: [values/reciprocity, values/mutuality]"));
        Assert.Contains(Further, site.Engine.Files.Keys);
        site.Remove(holder);
        Assert.DoesNotContain(Further, site.Engine.Files.Keys);
    }

    [Fact]
    public void A_related_entry_the_value_names_before_it_exists_joins_the_list_when_its_file_comes()
    {
        // 10 a page: Mutuality's related entries on three pages. serve starts on content where Mutuality
        // names, first in its related list, an entry that does not exist yet (an error, served all the same).
        using var site = new EditedSite(content =>
        {
            File.AppendAllText(Path.Combine(content, "site.yaml"), "\nlist_page_size: 10\n");
            var mutuality = Path.Combine(content, "values", "mutuality.md");
            File.WriteAllText(mutuality, File.ReadAllText(mutuality).Replace("related: [values/reciprocity,", "related: [projects/zz-mutual-aid, values/reciprocity,"));
        });
        Assert.Contains(">Speak Out Against Psychiatry<", Page(site, "values/mutuality/page/2/index.html"));
        // Its file written: no file that names the value changed, yet every entry of the list moves one place on.
        site.Add("projects/zz-mutual-aid.md", "---\ntitle: \"Mutual aid\"\nsummary: \"Help given both ways.\"\nsources: [faulkner-kalathil-2012]\n---\n\nBody.\n");
        Assert.Contains(">Mutual aid<", Page(site, "values/mutuality/index.html"));
        Assert.Contains(">Speak Out Against Psychiatry<", Page(site, "values/mutuality/page/3/index.html"));
    }

    private static string Page(EditedSite site, string path) => Encoding.UTF8.GetString(site.Engine.Files[path]);
}
