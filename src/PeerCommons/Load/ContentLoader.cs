using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Load;

/// <summary>The load stage: every file of content/ read, split and type-checked into entries.</summary>
public static class ContentLoader
{
    public static Site Load(string contentDirectory, DiagnosticBag diagnostics, bool includeDrafts = false) =>
        LoadWithHistory(contentDirectory, diagnostics, includeDrafts).Site;

    /// <summary>The site, and the git history its "last changed" dates came from (the preview server dates reloaded files from it).</summary>
    public static (Site Site, GitHistory History) LoadWithHistory(string contentDirectory, DiagnosticBag diagnostics, bool includeDrafts = false)
    {
        var root = Path.GetFullPath(contentDirectory);
        string Display(string full) => DisplayPath.For(full);

        if (!Directory.Exists(root))
        {
            diagnostics.Error(Display(root), 1, 1, Codes.UnexpectedFile, "content folder does not exist; pass --content with the folder that holds site.yaml");
            return (new Site(new SiteConfig(), new Dictionary<string, Source>(), []), GitHistory.Empty);
        }

        var config = SiteConfigReader.Read(Path.Combine(root, "site.yaml"), Display(Path.Combine(root, "site.yaml")), diagnostics);
        var bibliography = BibliographyReader.Read(Path.Combine(root, "sources.yaml"), Display(Path.Combine(root, "sources.yaml")), diagnostics);

        var files = ContentWalker.Files(root, diagnostics)
            .Where(f => f.Relative is not ("site.yaml" or "sources.yaml"))
            .Where(f => !(f.Relative.Split('/').Length == 1 && f.Relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && f.Relative.StartsWith("README", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        var entries = new Entry?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var (full, relative) = files[i];
            entries[i] = LoadEntry(full, relative, Display(full), diagnostics);
        });

        var loaded = entries.OfType<Entry>().Where(e => includeDrafts || !e.Draft).ToList();
        var history = GitHistory.Load(root);
        foreach (var entry in loaded) entry.LastChange = history.LastChange(entry.ContentPath);
        return (new Site(config, bibliography, loaded), history);
    }

    internal static Entry? LoadEntry(string full, string relative, string display, DiagnosticBag diagnostics)
    {
        if (OrdinaryFile.Problem(full) is { } notOrdinary)
        {
            diagnostics.Error(display, 1, 1, Codes.NotOrdinaryFile, $"'{relative}' {notOrdinary}");
            return null;
        }
        if (WindowsNames.ReservedPart(relative) is { } reserved)
        {
            diagnostics.Error(display, 1, 1, Codes.InvalidId,
                $"'{reserved}' is a name Windows reserves for a device, so '{relative}' cannot be checked out on Windows; rename it, such as '{reserved.Split('.')[0].ToLowerInvariant()}-group'");
            return null;
        }
        var (location, problem) = ContentLayout.Locate(relative);
        if (location is null)
        {
            // A stray Markdown file is almost always a misplaced entry: an error, not silence.
            if (relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                diagnostics.Error(display, 1, 1, Codes.UnexpectedFile, $"file {problem}");
            else
                diagnostics.Warning(display, 1, 1, Codes.UnexpectedFile, $"file {problem}; it is ignored");
            return null;
        }
        var idOk = Slugs.IsValid(location.Id) && (location.CurriculumId is null || Slugs.IsValid(location.CurriculumId))
                   && (location.CommunityId is null || Slugs.IsValid(location.CommunityId));
        if (!idOk)
        {
            diagnostics.Error(display, 1, 1, Codes.InvalidId,
                $"'{relative}' is not a valid id: file and folder names must be lower-case letters and digits joined by hyphens, such as 'peer-support-network'");
            return null;
        }

        using var text = TextFileReader.ReadPooled(full, display, diagnostics);
        if (text is null) return null;
        if (FrontMatterSplitter.Split(text.Span, full, display, diagnostics) is not { } split) return null;
        var (file, frontMatter) = split;

        var fields = FieldBinder.Bind(frontMatter, ContentSchema.For(location.Kind), display, diagnostics);
        EditorialWording.CheckEntry(file, frontMatter, display, diagnostics);
        // Notes for editors are checked like any field, then dropped: no later stage can publish what the model does not hold.
        fields.Remove("editor_notes");
        var entry = new Entry
        {
            Kind = location.Kind,
            Id = location.Id,
            Key = location.Key,
            File = file,
            ContentPath = relative,
            CurriculumId = location.CurriculumId,
            Order = location.Order,
            CommunityId = location.CommunityId,
        };
        entry.Title = Take<string>(fields, "title") ?? (location.Kind == EntryKind.Annotation ? "" : location.Id);
        entry.Summary = Take<string>(fields, "summary") ?? "";
        entry.Tags = Take<IReadOnlyList<string>>(fields, "tags") ?? [];
        entry.Updated = fields.Remove("updated", out var updated) ? (DateOnly)updated : null;
        entry.Aliases = Take<IReadOnlyList<string>>(fields, "aliases") ?? [];
        entry.Related = Take<IReadOnlyList<string>>(fields, "related") ?? [];
        entry.Sources = Take<IReadOnlyList<string>>(fields, "sources") ?? [];
        entry.Contributors = Take<IReadOnlyList<string>>(fields, "contributors") ?? [];
        entry.Draft = fields.Remove("draft", out var draft) && (bool)draft;
        foreach (var (name, value) in fields) entry.Fields[name] = value;
        CompletenessValidator.Validate(entry, frontMatter, diagnostics);
        return entry;
    }

    private static T? Take<T>(Dictionary<string, object> fields, string name) where T : class =>
        fields.Remove(name, out var value) ? value as T : null;
}
