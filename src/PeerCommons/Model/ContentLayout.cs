using System.Text.RegularExpressions;

namespace PeerCommons.Model;

/// <summary>Where a file sits in content/ and what that makes it (kind, id, key).</summary>
public sealed record ContentLocation(EntryKind Kind, string Id, string Key, string? CurriculumId = null, int Order = 0, string? CommunityId = null);

/// <summary>
/// Maps paths under content/ to kinds and keys, following the folder layout of the content model.
/// Returns null with a reason for anything out of place.
/// </summary>
public static partial class ContentLayout
{
    /// <summary>Folders of a curriculum that hold its other views, so no module may take their names.</summary>
    public static readonly string[] ReservedModuleIds = ["trainer", "print"];

    /// <summary>
    /// The folder below each list that holds the list's further pages (projects/page/2/), so no entry
    /// of a listed kind may take it as its id.
    /// </summary>
    public const string ListPagesFolder = "page";

    private static string? ReservedListId(EntryKind kind, string id, string rename) =>
        id == ListPagesFolder && EntryKinds.Listed.Contains(kind)
            ? $"id '{id}' is reserved: the further pages of the {kind.Folder()} list are at {kind.Folder()}/{ListPagesFolder}/2/ and so on; rename the file, such as '{rename}'"
            : null;

    [GeneratedRegex(@"^(\d{1,3})-(.+)$")]
    private static partial Regex ModuleFile();

    /// <param name="relative">Path below content/, with '/' separators.</param>
    public static (ContentLocation? Location, string? Problem) Locate(string relative)
    {
        var parts = relative.Split('/');
        var kind = EntryKinds.FromFolder(parts[0]);
        if (kind is null || !relative.EndsWith(".md", StringComparison.Ordinal))
            return (null, "is not part of the content model; entries go in projects/, values/, history/, curricula/, communities/, annotations/ or pages/ as .md files");
        var fileId = Path.GetFileNameWithoutExtension(parts[^1]);

        switch (kind)
        {
            case EntryKind.Curriculum:
                if (parts.Length != 3)
                    return (null, "is misplaced; a curriculum is curricula/<id>/index.md with modules curricula/<id>/NN-<module>.md");
                var cid = parts[1];
                if (ReservedListId(EntryKind.Curriculum, cid, "curricula/page-training/") is { } reservedCurriculum) return (null, reservedCurriculum);
                if (fileId == "index") return (new ContentLocation(EntryKind.Curriculum, cid, $"curricula/{cid}"), null);
                var m = ModuleFile().Match(fileId);
                if (!m.Success)
                    return (null, $"module file name must start with its order, such as '01-{fileId}.md'");
                var mid = m.Groups[2].Value;
                if (ReservedModuleIds.Contains(mid))
                    return (null, $"module id '{mid}' is reserved for the curriculum's {mid} view; rename the file, such as '{m.Groups[1].Value}-{mid}-session.md'");
                return (new ContentLocation(EntryKind.Module, mid, $"curricula/{cid}/{mid}", cid, int.Parse(m.Groups[1].Value)), null);

            case EntryKind.Annotation:
                if (parts.Length != 3)
                    return (null, "is misplaced; an annotation is annotations/<community>/<name>.md");
                return (new ContentLocation(EntryKind.Annotation, fileId, $"annotations/{parts[1]}/{fileId}", CommunityId: parts[1]), null);

            default:
                if (parts.Length != 2)
                    return (null, $"is misplaced; {parts[0]} entries sit directly in {parts[0]}/ as <id>.md");
                if (ReservedListId(kind.Value, fileId, $"{parts[0]}/{fileId}-{kind.Value.Label().ToLowerInvariant()}.md") is { } reserved) return (null, reserved);
                return (new ContentLocation(kind.Value, fileId, $"{parts[0]}/{fileId}"), null);
        }
    }
}
