namespace PeerCommons.Serve.Tests;

/// <summary>
/// The preview server keeps what an edit cannot change (validation findings, reverse links, which
/// index pages exist, what the feeds show) and redoes the rest. After edits that do change those,
/// the served site must still equal a full build.
/// </summary>
public sealed class IncrementalCacheTests
{
    [Fact]
    public void Title_and_date_edits_update_lists_tags_home_and_feeds()
    {
        using var site = new EditedSite();
        var project = site.File("projects/capital-inpatient-peer-support.md");
        site.Edit(project, t => t.Replace("title: \"CAPITAL", "title: \"Aardvark CAPITAL"));   // first in its list and tag pages
        var updated = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(project), @"updated: \d{4}-\d{2}-\d{2}").Value;
        site.Edit(project, t => t.Replace(updated, "updated: 2027-01-05"));                     // newest: into feed.xml, sitemap date
        site.Edit(project, t => t.Replace("updated: 2027-01-05", updated));                     // out of feed.xml again
        // All content has the same date, so feed.xml shows the first keys: annotations of communities early in the alphabet.
        site.Edit(site.File("annotations/bme-racialised-communities/advocacy-accreditation-precedent.md"), t => t.Replace("title: \"", "title: \"Renamed "));
        var annotation = site.File("annotations/scotland/mutuality-changes-teamwork.md");
        site.Edit(annotation, t => t.Replace("title: \"", "title: \"Renamed "));                // in its community's feed
        site.Edit(annotation, t => t.Replace("target: values/mutuality#tensions", "target: projects/capital-inpatient-peer-support"));
        site.Edit(site.File("communities/scotland.md"), t => t.Replace("title: \"", "title: \"Renamed "));
    }

    [Fact]
    public void A_community_claiming_its_notes_relabels_them_on_their_pages_and_in_the_feeds()
    {
        using var site = new EditedSite();
        var community = site.File("communities/scotland.md");
        // Each annotation says whose words it is, from its community's flag: its target page, the
        // community's page and both feeds must follow the flag.
        Assert.Contains("compiled_from_research: true", File.ReadAllText(community));
        // A note that says nothing of its own provenance follows the flag (the starter notes say
        // provenance: editors explicitly, and keep saying so when a community claims its page).
        site.Edit(site.File("annotations/scotland/mutuality-changes-teamwork.md"), t => t.Replace("provenance: editors\n", ""));
        site.Edit(community, t => t.Replace("compiled_from_research: true", "compiled_from_research: false"));
        Assert.Contains("Written by", System.Text.Encoding.UTF8.GetString(site.Engine.Files["values/mutuality/index.html"]));
    }

    [Fact]
    public void A_community_added_and_removed_takes_its_feed_with_it()
    {
        using var site = new EditedSite();
        var community = site.Add("communities/zz-new-group.md", "---\ntitle: A new group\nsummary: New.\n---\n\nBody.\n");
        Assert.Contains("communities/zz-new-group/feed.xml", site.Engine.Files.Keys);
        var annotation = site.Add("annotations/zz-new-group/a-note.md",
            "---\ntitle: A note\nsummary: Noted.\ntarget: values/mutuality#tensions\ntype: experience\nupdated: 2027-02-01\n---\n\nWe tried this.\n");
        site.Remove(annotation);
        site.Remove(community);
        Assert.DoesNotContain("communities/zz-new-group/feed.xml", site.Engine.Files.Keys);
    }

    [Fact]
    public void Redirects_follow_their_entry()
    {
        using var site = new EditedSite();
        var value = site.File("values/mutuality.md");
        site.Edit(value, t => t.Replace("title: \"Mutuality\"", "title: \"Mutuality\"\naliases: [values/old-mutuality]"));
        Assert.Contains("values/old-mutuality/index.html", site.Engine.Files.Keys);
        site.Edit(value, t => t.Replace("title: \"Mutuality\"", "title: \"Mutual support\""));
        site.Edit(value, t => t.Replace("\naliases: [values/old-mutuality]", ""));
        Assert.DoesNotContain("values/old-mutuality/index.html", site.Engine.Files.Keys);
    }

    [Fact]
    public void Findings_come_and_go_with_the_edits_that_cause_them()
    {
        using var site = new EditedSite();
        var value = site.File("values/mutuality.md");
        site.EditWithNewError(value, t => t.Replace("related: [", "related: [values/no-such-value, "));
        site.Edit(value, t => t.Replace("values/no-such-value, ", ""));
        // An alias may not be the address of an existing entry.
        site.EditWithNewError(value, t => t.Replace("title: \"Mutuality\"", "title: \"Mutuality\"\naliases: [values/reciprocity]"));
        site.Edit(value, t => t.Replace("\naliases: [values/reciprocity]", ""));
        // An annotation aims at this heading: without it, the annotation is in error.
        site.EditWithNewError(value, t => t.Replace("## Tensions {#tensions}", "## Tensions {#strains}"));
        site.Edit(value, t => t.Replace("{#strains}", "{#tensions}"));
    }

    [Fact]
    public void Edits_held_back_by_an_error_are_served_once_it_is_fixed()
    {
        using var site = new EditedSite();
        var project = site.File("projects/capital-inpatient-peer-support.md");
        site.EditWithNewError(project, t => t.Replace("title: \"CAPITAL", "title: \"Aardvark CAPITAL").Replace("updated: 2026-11-22", "updated: 2027-01-05")
            .Replace("tags: [", "related: [values/no-such-value]\ntags: ["));
        site.Edit(project, t => t.Replace("related: [values/no-such-value]\n", ""));
    }
}
