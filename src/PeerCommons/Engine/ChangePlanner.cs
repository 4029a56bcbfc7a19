using System.Text.Json;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Engine;

/// <summary>Which pages a change can affect (written out by hand: the entries, their family and their neighbours).</summary>
internal sealed class ChangePlanner(ContentModel model, IncrementalFeeds feeds)
{
    /// <summary>
    /// Which pages a change can affect. The changed entries and their "family" (an annotation's
    /// target and community; a module's curriculum and sibling modules; a curriculum's modules) are
    /// always re-rendered. Entries linked to them (either way) are re-rendered when what other pages
    /// show of an entry (its "face": list item, title, fields, headings, anchors) changed, or when
    /// the link itself was added or removed; a changed face also re-renders home, its kind list and
    /// its tags' pages. Feeds and the sitemap follow dates, tags and which pages exist.
    /// </summary>
    public void Plan(RenderPlan plan, List<ContentChange> changes, Site oldSite, RenderContext oldContext, Site site, RenderContext context)
    {
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Old is not null) seeds.Add(change.Old.Key);
            if (change.New is not null) seeds.Add(change.New.Key);
            // Links added or removed: the other end's "related" list changes.
            foreach (var key in change.OldKeys.Except(change.NewKeys).Concat(change.NewKeys.Except(change.OldKeys))) plan.Keys.Add(key);
        }
        // The sitemap lists every page with its date, and every tag; feeds show what has a date.
        plan.AllFeeds |= changes.Any(c => c.ChangesKeys || c.ChangesTags || c.Old!.Updated != c.New!.Updated);
        plan.RecentFeed |= feeds.MayChangeRecent(changes, site.Config.FeedEntries);

        // The changed files' old links (gone from the index by now) still count as neighbours.
        var oldLinks = changes.SelectMany(c => c.OldKeys).ToList();

        var family = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in seeds) { AddFamily(family, key, oldSite); AddFamily(family, key, site); }
        var candidates = new HashSet<string>(family, StringComparer.Ordinal);
        foreach (var key in family) candidates.UnionWith(Neighbours(key, oldSite, site));
        candidates.UnionWith(oldLinks);
        plan.Keys.UnionWith(family);

        foreach (var key in candidates)
        {
            var before = oldSite.ByKey.GetValueOrDefault(key);
            var after = site.ByKey.GetValueOrDefault(key);
            var faceBefore = before is null ? null : Face(before, oldContext);
            var faceAfter = after is null ? null : Face(after, context);
            if (faceBefore == faceAfter) continue;
            plan.Keys.Add(key);
            plan.Keys.UnionWith(Neighbours(key, oldSite, site));
            if (before is not null) AddFamily(plan.Keys, key, oldSite);
            if (after is not null) AddFamily(plan.Keys, key, site);
            plan.Listings = true;
            // The tag index counts each tag's pages.
            if (before is null || after is null || !before.Tags.SequenceEqual(after.Tags, StringComparer.Ordinal)) plan.TagIndex = true;
            foreach (var entry in new[] { before, after }.OfType<Entry>())
            {
                plan.Kinds.Add(entry.Kind);
                plan.Tags.UnionWith(entry.Tags);
            }
            // Lists offer to filter by the communities that annotated their entries, by the community's title.
            if (before?.Kind == EntryKind.Community || after?.Kind == EntryKind.Community)
                if (before?.Title != after?.Title) PlanListsAnnotatedBy(plan, key["communities/".Length..], oldContext, context);
        }
        // Annotations have no page: their target's and community's pages show them.
        foreach (var key in plan.Keys.ToList()) { AddFamily(plan.Keys, key, oldSite, annotationsOnly: true); AddFamily(plan.Keys, key, site, annotationsOnly: true); }
    }

    /// <summary>The lists (kinds and tags) that show an entry annotated by this community, before or after the edit.</summary>
    private static void PlanListsAnnotatedBy(RenderPlan plan, string communityId, RenderContext oldContext, RenderContext context)
    {
        foreach (var c in new[] { oldContext, context })
            foreach (var annotation in c.AnnotationsBy(communityId))
                if (annotation.AnnotationTargetKey is { } key && c.Site.ByKey.TryGetValue(key, out var target))
                {
                    plan.Kinds.Add(target.Kind);
                    plan.Tags.UnionWith(target.Tags);
                }
    }

    private static void AddFamily(HashSet<string> into, string key, Site site, bool annotationsOnly = false)
    {
        into.Add(key);
        if (!site.ByKey.TryGetValue(key, out var entry)) return;
        switch (entry.Kind)
        {
            case EntryKind.Annotation:
                if (entry.AnnotationTargetKey is { } target) into.Add(target);
                into.Add($"communities/{entry.CommunityId}");
                break;
            case EntryKind.Module when !annotationsOnly:
                into.Add($"curricula/{entry.CurriculumId}");
                foreach (var module in site.ModulesOf(entry.CurriculumId!)) into.Add(module.Key);
                break;
            case EntryKind.Curriculum when !annotationsOnly:
                foreach (var module in site.ModulesOf(entry.Id)) into.Add(module.Key);
                break;
        }
    }

    /// <summary>Keys linked to <paramref name="key"/> either way, in the old and the new site.</summary>
    private IEnumerable<string> Neighbours(string key, Site oldSite, Site site)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in model.Links.ReferrersOf(key))
            if (model.Entries.TryGetValue(relative, out var referrer)) result.Add(referrer.Key);
        foreach (var s in new[] { oldSite, site })
        {
            if (!s.ByKey.TryGetValue(key, out var entry)) continue;
            result.UnionWith(entry.Related);
            result.UnionWith(entry.FieldList("values"));
            foreach (var annotation in s.AnnotationsOf(key)) result.Add(annotation.Key);
            result.UnionWith(model.Links.OutKeys(entry.ContentPath));
        }
        return result;
    }

    /// <summary>What pages of other entries show of this one.</summary>
    private static string Face(Entry entry, RenderContext context)
    {
        var fields = string.Join("\u0001", entry.Fields.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Show(p.Value)));
        return string.Join("\u0002",
            JsonSerializer.Serialize(context.ListItem("a/b/", entry)),
            entry.Kind, entry.Title, entry.Summary, string.Join(",", entry.Tags), entry.Updated, entry.Order, string.Join(",", entry.Aliases),
            fields,
            string.Join(",", context.Parsed.HeadingsOf(entry)),
            string.Join(",", PageAnchors.Of(entry, context.Site)));
    }

    private static string Show(object value) => value switch
    {
        IEnumerable<string> list => string.Join("\u0003", list),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
