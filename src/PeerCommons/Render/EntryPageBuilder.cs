using System.Globalization;
using Markdig;
using Markdig.Syntax;
using PeerCommons.Markdown;
using Markdig.Renderers.Html;
using PeerCommons.Markdown.Extensions.HeadingIds;
using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>Builds the page (or, for curricula and modules, the learner and trainer pages) of one entry.</summary>
public static class EntryPageBuilder
{
    public const string TrainerFolder = "trainer";
    private const int MinHeadingsForToc = 3;

    /// <summary>Where the trainer view of a curriculum or module lives: curricula/cid/trainer/[mid/].</summary>
    public static string TrainerPath(Entry entry) => entry.Kind == EntryKind.Module
        ? $"curricula/{entry.CurriculumId}/{TrainerFolder}/{entry.Id}/"
        : $"curricula/{entry.Id}/{TrainerFolder}/";

    public static IEnumerable<(string Page, PageView View)> Build(Entry entry, RenderContext context)
    {
        yield return (entry.Url, BuildView(entry, entry.Url, trainer: false, context));
        if (entry.Kind is EntryKind.Module or EntryKind.Curriculum)
            yield return (TrainerPath(entry), BuildView(entry, TrainerPath(entry), trainer: true, context));
    }

    private static PageView BuildView(Entry entry, string page, bool trainer, RenderContext context)
    {
        var site = context.Site;
        // Both views render the one parse, each with its own page's links; the learner page reports the findings.
        var pipeline = trainer ? MarkdownPipelines.Trainer : MarkdownPipelines.Learner;
        var document = context.Parsed.Of(entry);
        if (!trainer) MarkdownStage.Report(entry, document, new PageLinks(page, context), site, context.Diagnostics);

        var annotations = Annotations(entry, page, trainer, context, out var annotationSources);
        var headings = HeadingIdsExtension.Headings(document);
        var placed = annotations.Where(a => a.Placed).ToList();
        var links = new PageLinks(page, context, AnnotationMarkers.For(placed));
        var cited = MarkdownHtml.Cited(document, links);
        var takesNotes = Propose.ProposePage.TakesNotes(entry);
        var noteTargets = NoteTargets(headings);
        var sections = MarkdownHtml.RenderSections(document, pipeline, links)
            .Select(s => new BodySectionView(s.Html, placed.Count == 0 ? [] : placed.Where(a => a.SectionId == s.HeadingId && s.HeadingId.Length > 0).ToList())
            {
                NoteUrl = takesNotes && noteTargets.ContainsKey(s.HeadingId) ? Propose.ProposePage.NoteUrl(page, entry.Key, s.HeadingId) : null,
                NoteTarget = Html.Escape(noteTargets.GetValueOrDefault(s.HeadingId)),
            })
            .ToList();
        var related = Related(entry, page, context);
        var curriculum = entry.Kind == EntryKind.Module ? site.ByKey.GetValueOrDefault($"curricula/{entry.CurriculumId}") : entry.Kind == EntryKind.Curriculum ? entry : null;

        return new PageView
        {
            Template = entry.Kind switch
            {
                EntryKind.Curriculum => "curriculum",
                EntryKind.Module => "module",
                _ => "entry",
            },
            Title = Html.Escape(entry.Title),
            Summary = Html.Escape(entry.Summary),
            Kind = entry.Kind.ToString().ToLowerInvariant(),
            KindLabel = entry.Kind.Label(),
            Canonical = site.Config.BaseUrl is { } baseUrl ? Html.Escape(baseUrl + SitePaths.FileOf(entry.Url)[..^"index.html".Length]) : null,
            PageUrl = site.Config.BaseUrl is { } pageBase ? Html.Escape(pageBase + SitePaths.FileOf(page)[..^"index.html".Length]) : null,
            Breadcrumbs = Breadcrumbs(entry, page, curriculum, trainer, context),
            Sections = sections,
            Toc = Toc(headings.Where(h => trainer || !h.InContainer).ToList()),
            Facts = FactsBuilder.For(entry, page, context),
            Tags = entry.Tags.Select(t => new LinkView(Html.Escape(t), SitePaths.Relative(page, $"tags/{t}/"))).ToList(),
            Related = related.Items,
            // A value's page is page 1 of its related list (its head links to page 2, as a list's does).
            Pager = related.Pager,
            // The reference as the bibliography shows it; the list links to the bibliography once, not once per work.
            Sources = ListedSources(cited.Concat(entry.Sources).Concat(annotationSources), site),
            Updated = (entry.Updated ?? entry.LastChange?.Date)?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            UpdatedIso = (entry.Updated ?? entry.LastChange?.Date)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // Only the names people chose to give: never a git author's.
            Contributors = entry.Contributors.Count > 0 ? Html.Escape(string.Join(", ", entry.Contributors)) : null,
            EditUrl = site.Config.RepoUrl is { } repo ? Html.Escape($"{repo}/edit/{site.Config.Branch}/content/{entry.ContentPath}") : null,
            SuggestUrl = site.Config.RepoUrl is { } repo2
                ? Html.Escape($"{repo2}/issues/new?title={Uri.EscapeDataString("Suggestion for " + entry.Key)}&body={Uri.EscapeDataString("About content/" + entry.ContentPath + ":\n\n")}")
                : null,
            Notice = entry.Kind == EntryKind.Community && entry.Field<bool>("compiled_from_research")
                ? Html.Escape($"This profile and its notes were compiled from published research by {site.Config.Title} editors; "
                    + "the group has not written or reviewed them. If you belong to this group, you can claim them: "
                    + "edit this page and set compiled_from_research to false.")
                : entry.Kind == EntryKind.Project && Timeliness.ProjectNotice(entry) is { } statusNotice ? Html.Escape(statusNotice)
                : null,
            CrisisLines = trainer ? [] : CrisisBox.For(entry, site.Config),
            Annotations = annotations,
            AnnotationsIntro = Html.Escape(AnnotationVoice.Introduction(site.AnnotationsOf(entry.Key).ToList(), site)),
            Modules = curriculum is null ? [] : Schedule(curriculum, entry, page, trainer, context),
            TotalDuration = curriculum is null ? null : TotalDuration(curriculum, context),
            Parent = curriculum is not null && entry.Kind == EntryKind.Module
                ? new LinkView(Html.Escape(curriculum.Title), SitePaths.Relative(page, trainer ? TrainerPath(curriculum) : curriculum.Url))
                : null,
            Previous = Neighbour(entry, -1, page, trainer, context),
            Next = Neighbour(entry, +1, page, trainer, context),
            View = curriculum is null ? null : trainer ? "trainer" : "learner",
            OtherView = curriculum is null ? null : new LinkView(
                trainer ? "Learner view" : "Trainer view",
                SitePaths.Relative(page, trainer ? entry.Url : TrainerPath(entry))),
            NoIndex = trainer,
            Objectives = entry.FieldList("objectives").Select((o, i) => new ObjectiveView(PageAnchors.Objective(i + 1), Html.Escape(o))).ToList(),
            Groups = entry.Kind == EntryKind.Community ? CommunityAnnotationGroups(entry, page, context) : [],
            JsonLd = entry.Kind == EntryKind.Curriculum && !trainer ? CourseJsonLd.For(entry, context) : null,
            PrintUrl = curriculum is null ? null : SitePaths.Relative(page, PrintPage.PathOf(curriculum, trainer)),
            NoteUrl = takesNotes ? Propose.ProposePage.NoteUrl(page, entry.Key) : null,
        };
    }

    /// <summary>
    /// The works a page lists, each once, in order of first mention (its body's citations, its own
    /// sources, its notes'); keys the bibliography lacks are left out. One loop with one lookup per key:
    /// the chain of LINQ steps it replaces (a filter, a lookup, arrays, Distinct, then a lookup again
    /// per work) was about 0.9% of a 10,000-entry build's CPU (perf, 2026-11-28).
    /// </summary>
    private static List<SourceView> ListedSources(IEnumerable<string> keys, Site site)
    {
        var listed = new List<SourceView>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!site.Bibliography.TryGetValue(key, out var source)) continue;
            if (seen.Add(key)) listed.Add(new SourceView(key, SourceFormatter.ReferenceHtml(source)));
            // A work known "as cited in" another is listed with that other work, which the commons has read.
            if (source.CitedIn is { } through && seen.Add(through.Key))
                listed.Add(new SourceView(through.Key, SourceFormatter.ReferenceHtml(site.Bibliography[through.Key])));
        }
        return listed;
    }

    /// <summary>A section's name for its note link: its heading, numbered when an earlier heading has the same words, so every link's name differs.</summary>
    /// <summary>
    /// The label of each heading a note can be aimed at from its own link (a top-level h2 or h3 that
    /// learners see), by id: its text, numbered "(2)", "(3)" when the text repeats. Built once per page,
    /// so a page of thousands of headings takes linear time.
    /// </summary>
    private static Dictionary<string, string> NoteTargets(IReadOnlyList<HeadingInfo> headings)
    {
        var notable = headings.Where(h => h.Level is 2 or 3 && !h.InContainer && h.Id.Length > 0).ToList();
        var counts = notable.CountBy(h => h.Text).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var heading in notable)
        {
            var n = seen[heading.Text] = seen.GetValueOrDefault(heading.Text) + 1;
            targets.TryAdd(heading.Id, counts[heading.Text] == 1 || n == 1 ? heading.Text : $"{heading.Text} ({n})");
        }
        return targets;
    }

    private static IReadOnlyList<LinkView> Breadcrumbs(Entry entry, string page, Entry? curriculum, bool trainer, RenderContext context)
    {
        var crumbs = new List<LinkView> { new("Home", SitePaths.Relative(page, "")) };
        if (entry.Kind != EntryKind.Page)
            crumbs.Add(new LinkView(entry.Kind is EntryKind.Module ? "Curricula" : entry.Kind.PluralLabel(), SitePaths.Relative(page, entry.Kind.Folder() + "/")));
        if (entry.Kind == EntryKind.Module && curriculum is not null)
            crumbs.Add(new LinkView(Html.Escape(curriculum.Title), SitePaths.Relative(page, trainer ? TrainerPath(curriculum) : curriculum.Url)));
        return crumbs;
    }

    /// <summary>
    /// The related list as this page shows it: whole, or for a value its first page, with the pager to
    /// the rest (<see cref="ValueListPages"/>; null when there is no more). The trainer views show it whole.
    /// </summary>
    private static (IReadOnlyList<ListItemView> Items, PagerView? Pager) Related(Entry entry, string page, RenderContext context)
    {
        var (shown, pager) = RelatedEntries.Paginated(entry) ? ValueListPages.FirstPage(entry, context) : (RelatedEntries.Of(entry, context), null);
        return (shown.Select(e => context.ListItem(page, e)).ToList(), pager);
    }

    private static IReadOnlyList<AnnotationView> Annotations(Entry entry, string page, bool trainer, RenderContext context, out List<string> cited)
    {
        cited = [];
        var views = new List<AnnotationView>();
        var headings = context.Parsed.HeadingsOf(entry);
        foreach (var annotation in context.Site.AnnotationsOf(entry.Key))
        {
            var document = context.Parsed.Of(annotation);
            var (html, keys) = MarkdownHtml.Render(document, page, context, MarkdownPipelines.Learner);
            if (!trainer) MarkdownStage.Report(annotation, document, new PageLinks(page, context), context.Site, context.Diagnostics);
            cited.AddRange(keys);
            cited.AddRange(annotation.Sources);
            var community = context.Site.ByKey.GetValueOrDefault($"communities/{annotation.CommunityId}");
            var anchor = annotation.AnnotationTargetAnchor;
            var section = anchor is null ? null : headings.FirstOrDefault(h => h.Id == anchor);
            var type = annotation.Field<string>("type") ?? "experience";
            views.Add(new AnnotationView(
                AnchorOf(annotation),
                Html.Escape(annotation.Title.Length > 0 ? annotation.Title : Humanize.Value(type)),
                type,
                Humanize.Value(type),
                annotation.CommunityId ?? "",
                Html.Escape(community?.Title ?? annotation.CommunityId),
                community is null ? "" : context.EntryLink(page, community),
                annotation.Updated?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "",
                html,
                section is null ? "" : Html.Escape(section.Text),
                section is null ? null : "#" + section.Id)
            {
                Voice = Html.Escape(AnnotationVoice.Label(annotation, context.Site, document)),
                ByEditors = AnnotationVoice.ByEditors(annotation, context.Site),
                SectionId = section?.Id ?? "",
                Placed = section is not null && IsTopLevelHeading(document: context.Parsed.Of(entry), section.Id),
            });
        }
        return views;
    }

    /// <summary>A table of contents of the h2 and h3 headings, for pages long enough to need one.</summary>
    private static IReadOnlyList<TocItem> Toc(IReadOnlyList<HeadingInfo> headings)
    {
        var listed = headings.Where(h => h.Level is 2 or 3).ToList();
        return listed.Count >= MinHeadingsForToc ? listed.Select(h => new TocItem(h.Id, Html.Escape(h.Text), h.Level)).ToList() : [];
    }

    /// <summary>Only top-level headings start a body section (headings in lists or quotes do not).</summary>
    private static bool IsTopLevelHeading(MarkdownDocument document, string id) =>
        document.OfType<HeadingBlock>().Any(h => h.TryGetAttributes()?.Id == id);

    private static IReadOnlyList<ListGroupView> CommunityAnnotationGroups(Entry community, string page, RenderContext context) =>
        context.AnnotationsBy(community.Id)
            .Select(a => (Annotation: a, Target: context.Site.ByKey.GetValueOrDefault(a.AnnotationTargetKey ?? "")))
            .Where(p => p.Target is not null)
            .GroupBy(p => p.Target!.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new ListGroupView(
                g.Key == EntryKind.Module ? "On curriculum modules" : $"On {g.Key.PluralLabel().ToLowerInvariant()}",
                "annotations-on-" + g.Key.Folder() + (g.Key == EntryKind.Module ? "-modules" : ""),
                g.Select(p => new ListItemView(
                    Html.Escape(p.Annotation.Title.Length > 0 ? p.Annotation.Title : Humanize.Value(p.Annotation.Field<string>("type") ?? "")),
                    context.EntryLink(page, p.Target!, AnchorOf(p.Annotation)),
                    Html.Escape(p.Annotation.Summary),
                    Humanize.Value(p.Annotation.Field<string>("type") ?? ""),
                    Html.Escape($"On {p.Target!.Title} · {AnnotationVoice.Label(p.Annotation, context)}"),
                    [])).ToList()))
            .ToList();

    /// <summary>The stable anchor of an annotation on its target's page.</summary>
    public static string AnchorOf(Entry annotation) => $"annotation-{annotation.CommunityId}-{annotation.Id}";

    private static IReadOnlyList<ModuleRowView> Schedule(Entry curriculum, Entry current, string page, bool trainer, RenderContext context)
    {
        var rows = new List<ModuleRowView>();
        var total = 0; // running total, shown beside each module
        var number = 0;
        foreach (var module in context.Site.ModulesOf(curriculum.Id))
        {
            number++;
            var minutes = module.Field<int>("duration_minutes");
            total += minutes;
            rows.Add(new ModuleRowView(
                number.ToString(CultureInfo.InvariantCulture),
                Html.Escape(module.Title),
                SitePaths.Relative(page, trainer ? TrainerPath(module) : module.Url),
                PageAnchors.Module(module),
                minutes > 0 ? Humanize.Minutes(minutes) : "",
                minutes > 0 ? Humanize.Minutes(total) : "",
                module.FieldList("objectives").Select(Html.Escape).ToList(),
                module == current));
        }
        return rows;
    }

    private static string? TotalDuration(Entry curriculum, RenderContext context)
    {
        var total = context.Site.TotalMinutes(curriculum.Id);
        return total > 0 ? Humanize.Minutes(total) : null;
    }

    private static LinkView? Neighbour(Entry entry, int step, string page, bool trainer, RenderContext context)
    {
        if (entry.Kind != EntryKind.Module) return null;
        var modules = context.Site.ModulesOf(entry.CurriculumId!).ToList();
        var index = modules.IndexOf(entry) + step;
        if (index < 0 || index >= modules.Count) return null;
        var target = modules[index];
        return new LinkView(Html.Escape(target.Title), SitePaths.Relative(page, trainer ? TrainerPath(target) : target.Url));
    }
}
