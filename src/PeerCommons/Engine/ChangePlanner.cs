using System.Text.Json;
using PeerCommons.Model;
using PeerCommons.Render;

namespace PeerCommons.Engine;

/// <summary>
/// Which pages a change can affect. Entry pages: those whose last render read something that
/// changed (<see cref="PageDependencies"/>). Index pages, feeds and redirects: by what changed of
/// the edited entries and their family, as written out below.
/// </summary>
internal sealed class ChangePlanner(IncrementalFeeds feeds, PageDependencies dependencies)
{
    /// <summary>
    /// The changed entries and their "family" (an annotation's target and community; a module's
    /// curriculum and sibling modules; a curriculum's modules) are always re-rendered, with every
    /// page that read something of them that changed: their body, their "face" (what other pages
    /// show of an entry: list item, title, fields, headings, anchors), the lists they are in. A changed
    /// face also re-renders home, its kind list and its tags' pages. Feeds and the sitemap follow
    /// dates, tags and which pages exist.
    /// </summary>
    public void Plan(RenderPlan plan, List<ContentChange> changes, Site oldSite, RenderContext oldContext, Site site, RenderContext context)
    {
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            // Which lists an entry is in (and where) changes only when it comes, goes or moves; what
            // they show of it, only with its face (below).
            var moved = change.ChangesKeys || change.Old!.AnnotationTargetKey != change.New!.AnnotationTargetKey || change.Old.Order != change.New.Order;
            foreach (var entry in change.Versions)
            {
                seeds.Add(entry.Key);
                changed.Add(PageReads.Body(entry.Key));
                if (moved) AddLists(changed, entry);
            }
            // Links added or removed: the other end's "related" list changes.
            var before = Listed(change.Old);
            var after = Listed(change.New);
            foreach (var key in before.Except(after).Concat(after.Except(before))) changed.Add(PageReads.ReferencedBy(key));
        }
        if (changes.Any(c => c.ChangesKeys)) changed.Add(PageReads.AllKeys);
        // The sitemap lists every page with its date, and every tag; feeds show what has a date.
        plan.AllFeeds |= changes.Any(c => c.ChangesKeys || c.ChangesTags || c.Old!.Updated != c.New!.Updated);
        plan.RecentFeed |= feeds.MayChangeRecent(changes, site.Config.FeedEntries);

        var family = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in seeds) { AddFamily(family, key, oldSite); AddFamily(family, key, site); }
        plan.Keys.UnionWith(family);

        foreach (var key in family)
        {
            var before = oldSite.ByKey.Unrecorded.GetValueOrDefault(key);
            var after = site.ByKey.Unrecorded.GetValueOrDefault(key);
            var faceBefore = before is null ? null : Face(before, oldContext);
            var faceAfter = after is null ? null : Face(after, context);
            if (faceBefore == faceAfter) continue;
            plan.Keys.Add(key);
            changed.Add(PageReads.Entry(key));
            changed.Add(PageReads.AllPages);
            foreach (var entry in new[] { before, after }.OfType<Entry>()) AddLists(changed, entry);
            // The pages it lists show it in their "referenced by" list.
            foreach (var listed in Listed(before).Concat(Listed(after))) changed.Add(PageReads.ReferencedBy(listed));
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
        plan.Keys.UnionWith(dependencies.ReadersOf(changed));
        // Annotations have no page: their target's and community's pages show them.
        foreach (var key in plan.Keys.ToList()) { AddFamily(plan.Keys, key, oldSite, annotationsOnly: true); AddFamily(plan.Keys, key, site, annotationsOnly: true); }
    }

    /// <summary>The lists an entry is in: its target's annotations, its community's, its curriculum's modules.</summary>
    private static void AddLists(HashSet<string> changed, Entry entry)
    {
        if (entry.AnnotationTargetKey is { } target) changed.Add(PageReads.Annotations(target));
        if (entry.Kind == EntryKind.Annotation) changed.Add(PageReads.Community(entry.CommunityId!));
        if (entry.Kind == EntryKind.Module) changed.Add(PageReads.Modules(entry.CurriculumId!));
    }

    /// <summary>The keys an entry's related and values lists name (the lists <see cref="RenderContext.ReferencedBy"/> is made from).</summary>
    private static IEnumerable<string> Listed(Entry? entry) =>
        entry is null ? [] : entry.Related.Concat(entry.FieldList("values")).Distinct(StringComparer.Ordinal);

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
