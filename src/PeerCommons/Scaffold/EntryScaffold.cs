using PeerCommons.Markdown.Extensions.HeadingIds;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Scaffold;

/// <summary>What <c>peercommons new</c> was asked to create.</summary>
public sealed record ScaffoldRequest(EntryKind Kind, string Title, string ContentDirectory)
{
    /// <summary>An explicit id instead of one derived from the title; never overwrites.</summary>
    public string? Id { get; init; }
    /// <summary>For modules: the curriculum id.</summary>
    public string? Curriculum { get; init; }
    /// <summary>For annotations: the community id and the target key (optionally with #anchor).</summary>
    public string? Community { get; init; }
    public string? Target { get; init; }
    /// <summary>For annotations: the type; default the first one the schema allows.</summary>
    public string? Type { get; init; }
    /// <summary>For history: the date it happened (required).</summary>
    public string? Date { get; init; }
    /// <summary>Today, for <c>updated</c> (injectable for tests).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
}

/// <summary>The file written (full path and path below content/), or why nothing was written.</summary>
public sealed record ScaffoldResult(string? FullPath, string? ContentPath, string? Key, string? Error)
{
    public bool Succeeded => Error is null;
    public static ScaffoldResult Fail(string error) => new(null, null, null, error);
}

/// <summary>
/// Writes a new entry with every field of its kind (from <see cref="ContentSchema"/>), each with a
/// comment, at the path the content model gives it, under an id nobody uses yet. Never overwrites.
/// </summary>
public static partial class EntryScaffold
{
    public const int MaxIdLength = 60;

    public static readonly EntryKind[] Kinds =
        [EntryKind.Project, EntryKind.Value, EntryKind.History, EntryKind.Curriculum, EntryKind.Module, EntryKind.Community, EntryKind.Annotation];

    [GeneratedRegex(@"^(\d{1,3})-(.+)\.md$")]
    private static partial Regex ModuleFile();

    public static ScaffoldResult Create(ScaffoldRequest request)
    {
        var title = request.Title.Trim();
        if (title.Length == 0) return ScaffoldResult.Fail("the title is empty; give one in quotes, such as \"Hearing Voices Café\"");
        var titleSpec = ContentSchema.For(request.Kind)["title"];
        if (titleSpec.MaxLength > 0 && title.Length > titleSpec.MaxLength)
            return ScaffoldResult.Fail($"the title is {title.Length} characters long; shorten it to at most {titleSpec.MaxLength}");
        if (title.Contains('\n') || title.Contains('\r')) return ScaffoldResult.Fail("the title must be one line");

        var root = Path.GetFullPath(request.ContentDirectory);
        if (!Directory.Exists(root) || !File.Exists(Path.Combine(root, "site.yaml")))
            return ScaffoldResult.Fail($"'{request.ContentDirectory}' is not a content folder (no site.yaml in it); pass --content with the folder that holds site.yaml");

        // What exists already (drafts too), so the new id is really free and references really exist.
        var site = ContentLoader.Load(root, new DiagnosticBag(), includeDrafts: true);
        var taken = new HashSet<string>(site.ByKey.Keys, StringComparer.Ordinal);
        foreach (var alias in site.Entries.SelectMany(e => e.Aliases).Select(Aliases.Normalize).OfType<string>()) taken.Add(alias);

        string? typeValue = null;
        string folder;          // below content/, with '/'
        string keyPrefix;       // the key is keyPrefix + id
        string prefix = "";     // module order prefix
        Func<string, bool> fileTaken;

        switch (request.Kind)
        {
            case EntryKind.Module:
                if (string.IsNullOrWhiteSpace(request.Curriculum)) return ScaffoldResult.Fail("a module belongs to a curriculum: pass --curriculum <id>");
                var cid = request.Curriculum.Trim();
                if (!File.Exists(Path.Combine(root, "curricula", cid, "index.md")) || !Slugs.IsValid(cid))
                    return ScaffoldResult.Fail($"there is no curriculum '{cid}' (no curricula/{cid}/index.md){Suggest.DidYouMean(cid, site.Entries.Where(e => e.Kind == EntryKind.Curriculum).Select(e => e.Id))}; create it first with: peercommons new curriculum \"Title\"");
                folder = $"curricula/{cid}";
                keyPrefix = $"curricula/{cid}/";
                var existing = Directory.EnumerateFiles(Path.Combine(root, "curricula", cid), "*.md")
                    .Select(f => ModuleFile().Match(Path.GetFileName(f))).Where(m => m.Success).ToList();
                var next = existing.Count == 0 ? 1 : existing.Max(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) + 1;
                if (next > 999) return ScaffoldResult.Fail($"curricula/{cid}/ already has a module numbered 999; renumber the modules first");
                prefix = next.ToString(next < 100 ? "D2" : "D3", CultureInfo.InvariantCulture) + "-";
                var moduleIds = existing.Select(m => m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);
                fileTaken = id => moduleIds.Contains(id) || id == "index";
                break;

            case EntryKind.Annotation:
                if (string.IsNullOrWhiteSpace(request.Community)) return ScaffoldResult.Fail("an annotation belongs to a community: pass --community <id>");
                if (string.IsNullOrWhiteSpace(request.Target)) return ScaffoldResult.Fail("an annotation is about an entry: pass --target <key>, such as values/mutuality");
                var community = request.Community.Trim();
                if (!site.ByKey.TryGetValue($"communities/{community}", out var c) || c.Kind != EntryKind.Community)
                    return ScaffoldResult.Fail($"there is no community '{community}' (no communities/{community}.md){Suggest.DidYouMean(community, site.Entries.Where(e => e.Kind == EntryKind.Community).Select(e => e.Id))}; create it first with: peercommons new community \"Name\"");
                var targetKey = request.Target.Trim().Split('#')[0].Trim('/');
                if (!site.ByKey.TryGetValue(targetKey, out var t) || t.Kind == EntryKind.Annotation)
                    return ScaffoldResult.Fail($"there is no entry '{targetKey}' to annotate{Suggest.DidYouMean(targetKey, site.Entries.Where(e => e.Kind != EntryKind.Annotation).Select(e => e.Key))}; a target is a key such as values/mutuality or curricula/<id>/<module>");
                var typeSpec = ContentSchema.For(EntryKind.Annotation)["type"];
                typeValue = request.Type?.Trim() ?? typeSpec.Allowed![0];
                if (!typeSpec.Allowed!.Contains(typeValue))
                    return ScaffoldResult.Fail($"--type must be one of {string.Join(", ", typeSpec.Allowed!)}, not '{typeValue}'{Suggest.DidYouMean(typeValue, typeSpec.Allowed!)}");
                folder = $"annotations/{community}";
                keyPrefix = $"annotations/{community}/";
                fileTaken = id => File.Exists(Path.Combine(root, "annotations", community, id + ".md"));
                break;

            case EntryKind.Curriculum:
                folder = "curricula";
                keyPrefix = "curricula/";
                fileTaken = id => Directory.Exists(Path.Combine(root, "curricula", id)) || File.Exists(Path.Combine(root, "curricula", id));
                break;

            case EntryKind.Project or EntryKind.Value or EntryKind.History or EntryKind.Community:
                folder = request.Kind.Folder();
                keyPrefix = folder + "/";
                fileTaken = id => File.Exists(Path.Combine(root, folder, id + ".md"));
                break;

            default:
                return ScaffoldResult.Fail($"'new' cannot create a {request.Kind.Label().ToLowerInvariant()}");
        }

        if (request.Kind == EntryKind.History)
        {
            // A guessed date would be published as a fact: the person must say when it happened.
            if (string.IsNullOrWhiteSpace(request.Date))
                return ScaffoldResult.Fail("a history entry needs the date it happened: pass --date with a year, a month, a day or a period, such as --date 1985, --date 1985-04, --date 1985-04-12 or --date 1990/2000");
            if (HistoryDate.Read(request.Date.Trim()) is (null, var reason))
                return ScaffoldResult.Fail(reason is not null
                    ? $"--date: {reason}"
                    : $"--date must be YYYY, YYYY-MM, YYYY-MM-DD or a period YYYY/YYYY, not '{request.Date}'");
        }

        bool IsFree(string id) => !fileTaken(id) && !taken.Contains(keyPrefix + id);
        string chosen;
        if (request.Id is { } explicitId)
        {
            explicitId = explicitId.Trim();
            if (!Slugs.IsValid(explicitId))
                return ScaffoldResult.Fail($"--id '{explicitId}' is not a valid id: use lower-case letters and digits joined by hyphens, such as '{Slug(explicitId, "entry")}'");
            if (!IsFree(explicitId))
                return ScaffoldResult.Fail($"'{keyPrefix}{explicitId}' already exists; refusing to overwrite it. Choose another --id, or leave --id out to get a free one");
            chosen = explicitId;
        }
        else
        {
            var stem = Slug(title, request.Kind.Label().ToLowerInvariant());
            // An entry of that name most likely is this one: say where it is rather than start a second.
            if (ExistingEntry(site, keyPrefix + stem) is { } existing)
                return ScaffoldResult.Fail($"{keyPrefix}{stem} already exists: {Path.Combine(request.ContentDirectory, existing.ContentPath).Replace('\\', '/')}" +
                    (existing.Key == keyPrefix + stem ? "" : $" (as an old address of {existing.Key})") +
                    $". Edit that file to add to it; if yours is a different {request.Kind.Label().ToLowerInvariant()}, give it its own id with --id, such as --id {stem}-2");
            chosen = stem;
            for (var n = 2; !IsFree(chosen); n++) chosen = $"{stem}-{n}";
        }

        var relative = request.Kind == EntryKind.Curriculum ? $"curricula/{chosen}/index.md" : $"{folder}/{prefix}{chosen}.md";
        var full = Path.Combine([root, .. relative.Split('/')]);
        var text = Render(request with { Title = title, Type = typeValue, Target = request.Target?.Trim() });
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            // CreateNew: even if something appeared since we looked, it is never overwritten.
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(text);
        }
        catch (IOException ex) when (File.Exists(full))
        {
            return ScaffoldResult.Fail($"{relative} already exists; refusing to overwrite it ({ex.Message})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ScaffoldResult.Fail($"could not write {relative}: {ex.Message}");
        }
        return new ScaffoldResult(full, relative, keyPrefix + chosen, null);
    }

    /// <summary>The entry that has this key, or has it as an alias.</summary>
    private static Entry? ExistingEntry(Site site, string key) =>
        site.ByKey.GetValueOrDefault(key) ?? site.Entries.FirstOrDefault(e => e.Aliases.Any(a => Aliases.Normalize(a) == key));

    /// <summary>The file's text: commented front matter with every field of the kind, then a body template.</summary>
    public static string Render(ScaffoldRequest request)
    {
        var kind = request.Kind;
        var builder = new StringBuilder();
        builder.Append("---\n");
        builder.Append("# Lines starting with # are notes for you: they are ignored, and you may delete them.\n");
        builder.Append("# Optional fields may be left empty (or as []) or removed.\n");
        foreach (var spec in ContentSchema.For(kind).Values)
        {
            builder.Append('\n');
            var meaning = FieldHelp.Meaning(kind, spec.Name);
            foreach (var line in Wrap($"{spec.Name}: {meaning}{(meaning is null ? "" : " ")}{FieldHelp.Rules(spec)}", 98))
                builder.Append("# ").Append(line).Append('\n');
            var value = Value(spec, request);
            builder.Append(spec.Name).Append(':').Append(value.Length == 0 ? "" : " " + value).Append('\n');
        }
        builder.Append("---\n\n");
        builder.Append(BodyTemplates.For(kind));
        return builder.ToString();
    }

    private static string Value(FieldSpec spec, ScaffoldRequest request)
    {
        switch (spec.Name)
        {
            case "title": return Quote(request.Title);
            case "summary" when spec.Required:
                return Quote($"TODO: one or two sentences saying what this {request.Kind.Label().ToLowerInvariant()} is and who it is for.");
            case "updated": return request.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "draft": return "false";
            case "target" when request.Kind == EntryKind.Annotation: return Quote(request.Target ?? "");
            case "type" when request.Kind == EntryKind.Annotation: return request.Type ?? spec.Allowed![0];
            case "date" when request.Kind == EntryKind.History: return Quote(request.Date?.Trim() ?? "");
            case "compiled_from_research": return "false";
        }
        return spec.Type switch
        {
            FieldType.TextList or FieldType.SlugList or FieldType.KeyList or FieldType.EnumList => "[]",
            // A required field this method does not know yet must still be visible: check will ask for it.
            _ => "",
        };
    }

    /// <summary>
    /// An id from a title: the same folding as heading ids (one rule for every slug the site
    /// makes), with apostrophes dropped ("People's" -> "peoples"), at most <see cref="MaxIdLength"/>.
    /// </summary>
    public static string Slug(string title, string fallback)
    {
        var slug = HeadingSlug.TryFrom(title.Replace("'", "").Replace("\u2019", ""));
        if (slug is null) return fallback;
        if (slug.Length > MaxIdLength)
        {
            var cut = slug.LastIndexOf('-', MaxIdLength);
            slug = (cut > 0 ? slug[..cut] : slug[..MaxIdLength]).TrimEnd('-');
        }
        return slug;
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append("  ");
            }
            if (line.Length > 0 && line.ToString() != "  ") line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
