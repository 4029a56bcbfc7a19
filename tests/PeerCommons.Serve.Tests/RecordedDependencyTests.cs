using System.Text;

namespace PeerCommons.Serve.Tests;

/// <summary>
/// serve makes again what read something an edit changed (recorded, not declared): index pages,
/// redirect pages, list items, navigation and annotation anchor checks. These are the edits where
/// the hand-written dependency sets it replaced were most fragile; after each, the served site
/// equals a fresh build and shows what a reader would expect.
/// </summary>
public sealed class RecordedDependencyTests
{
    private const string Curriculum = "curricula/canerows-plaits-accredited";

    [Fact]
    public void A_module_title_shows_in_its_curriculum_and_its_siblings_navigation()
    {
        using var site = new EditedSite();
        site.Edit(site.File($"{Curriculum}/04-understanding-recovery.md"), t => t.Replace("title: \"Understanding recovery\"", "title: \"Recovery, understood together\""));
        Assert.Contains("Recovery, understood together", Page(site, $"{Curriculum}/index.html"));
        Assert.Contains("Recovery, understood together", Page(site, $"{Curriculum}/cultural-and-diversity-issues/index.html"));
    }

    [Fact]
    public void A_renamed_community_is_named_anew_where_its_notes_show()
    {
        using var site = new EditedSite();
        site.Edit(site.File("communities/bme-racialised-communities.md"), t => t.Replace("title: \"Black and minority", "title: \"Renamed: Black and minority"));
        Assert.Contains("Renamed: Black and minority", Page(site, $"{Curriculum}/cultural-and-diversity-issues/index.html"));
    }

    [Fact]
    public void A_tag_added_and_removed_brings_and_takes_its_page_and_its_line_in_the_tag_index()
    {
        using var site = new EditedSite();
        var value = site.File("values/mutuality.md");
        site.Edit(value, t => t.Replace("tags: [", "tags: [brand-new-tag, "));
        Assert.Contains("tags/brand-new-tag/index.html", site.Engine.Files.Keys);
        Assert.Contains("brand-new-tag", Page(site, "tags/index.html"));
        site.Edit(value, t => t.Replace("brand-new-tag, ", ""));
        Assert.DoesNotContain("tags/brand-new-tag/index.html", site.Engine.Files.Keys);
        Assert.DoesNotContain("brand-new-tag", Page(site, "tags/index.html"));
    }

    [Fact]
    public void An_alias_moved_to_another_entry_leads_there()
    {
        using var site = new EditedSite();
        var mutuality = site.File("values/mutuality.md");
        var reciprocity = site.File("values/reciprocity.md");
        site.Edit(mutuality, t => t.Replace("title: \"Mutuality\"", "title: \"Mutuality\"\naliases: [values/give-and-take]"));
        Assert.Contains("Mutuality", Page(site, "values/give-and-take/index.html"));
        // Both files in one change: the alias leaves one entry and arrives at the other.
        File.WriteAllText(mutuality, File.ReadAllText(mutuality).Replace("\naliases: [values/give-and-take]", ""));
        File.WriteAllText(reciprocity, File.ReadAllText(reciprocity).Replace("title: \"Reciprocity\"", "title: \"Reciprocity\"\naliases: [values/give-and-take]"));
        Assert.True(site.Engine.Apply([mutuality, reciprocity]).Committed);
        FullBuildComparison.AssertSame(site.Engine, Repo.Path("theme"));
        Assert.Contains("values/reciprocity/", Page(site, "values/give-and-take/index.html"));
        // The target retitled: its redirect page names it anew.
        site.Edit(reciprocity, t => t.Replace("title: \"Reciprocity\"", "title: \"Reciprocity in practice\""));
        Assert.Contains("Reciprocity in practice", Page(site, "values/give-and-take/index.html"));
    }

    [Fact]
    public void An_entry_retitled_off_page_two_of_a_list_moves_to_the_page_it_now_sorts_on()
    {
        // 23 values, 10 a page: "Reciprocity" is on page 2 and, retitled "Zz...", sorts last (page 3).
        using var site = new EditedSite(content => File.AppendAllText(Path.Combine(content, "site.yaml"), "\nlist_page_size: 10\n"));
        Assert.Contains(">Reciprocity<", Page(site, "values/page/2/index.html"));
        site.Edit(site.File("values/reciprocity.md"), t => t.Replace("title: \"Reciprocity\"", "title: \"Zz reciprocity\""));
        Assert.DoesNotContain(">Reciprocity<", Page(site, "values/page/2/index.html"));
        Assert.DoesNotContain(">Zz reciprocity<", Page(site, "values/page/2/index.html"));
        Assert.Contains(">Zz reciprocity<", Page(site, "values/page/3/index.html"));
        // A title edit that moves nothing shows on its own page of the list.
        site.Edit(site.File("values/equal-power-relationships.md"), t => t.Replace("title: \"Equal power relationships\"", "title: \"Equal power in relationships\""));
        Assert.Contains(">Equal power in relationships<", Page(site, "values/index.html"));
    }

    [Fact]
    public void A_title_edit_re_renders_only_the_list_page_that_shows_the_entry()
    {
        // The values list on one page (the starter's 23 values) and on three pages of 10: the same edit,
        // which keeps "Equal power relationships" on the first page, re-renders as many pages either way.
        int PagesRendered(string? pageSize)
        {
            using var site = new EditedSite(content => { if (pageSize is not null) File.AppendAllText(Path.Combine(content, "site.yaml"), $"\nlist_page_size: {pageSize}\n"); });
            var rendered = site.Edit(site.File("values/equal-power-relationships.md"),
                t => t.Replace("title: \"Equal power relationships\"", "title: \"Equal power in relationships\"")).PagesRendered;
            // At 10 a page the value's own related list is split too, and its further pages name it in their heading.
            return rendered - site.Engine.Files.Keys.Count(k => k.StartsWith("values/equal-power-relationships/page/", StringComparison.Ordinal));
        }
        Assert.Equal(PagesRendered(null), PagesRendered("10"));
    }

    [Fact]
    public void A_renamed_target_heading_brings_and_clears_the_annotation_anchor_error()
    {
        using var site = new EditedSite();
        var module = site.File($"{Curriculum}/05-cultural-and-diversity-issues.md");
        var annotation = site.File("annotations/bme-racialised-communities/culture-in-the-curriculum.md");
        // The annotation aims at #why: renaming that heading's id is an error in the annotation's file.
        site.EditWithNewError(module, t => t.Replace("{#why}", "{#why-culture}"));
        Assert.Contains(site.Engine.Diagnostics, d => d.Path.EndsWith("culture-in-the-curriculum.md", StringComparison.Ordinal) && d.Message.Contains("why"));
        site.Edit(module, t => t.Replace("{#why-culture}", "{#why}"));
        // The other way round: the annotation aims at a heading its target does not have yet, then gets.
        site.EditWithNewError(annotation, t => t.Replace("#why", "#later"));
        site.Edit(module, t => t + "\n## Later {#later}\n\nMore.\n");
        Assert.DoesNotContain(site.Engine.Diagnostics, d => d.Path.EndsWith("culture-in-the-curriculum.md", StringComparison.Ordinal));
    }

    private static string Page(EditedSite site, string path) => Encoding.UTF8.GetString(site.Engine.Files[path]);
}
