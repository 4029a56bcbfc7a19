using System.Text;
using PeerCommons.Diagnostics;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Ownership;

/// <summary>
/// <c>.github/CODEOWNERS</c> (at the repository root, the parent of the content folder) from each
/// community's <c>maintainers</c>: a community's page and its annotations folder are reviewed by its
/// own people. Only the block between <see cref="BeginMarker"/> and <see cref="EndMarker"/> is
/// generated; every other line of the file is left as it is.
/// </summary>
public static class CodeOwners
{
    /// <summary>The diagnostic code for an out-of-date CODEOWNERS (to move into <see cref="Codes"/>).</summary>
    public const string OutOfDateCode = Codes.CodeOwnersOutOfDate;

    public const string BeginMarker = "# BEGIN peercommons codeowners: generated from the maintainers of each community by 'peercommons codeowners'; do not edit by hand";
    public const string EndMarker = "# END peercommons codeowners";
    private const string BeginPrefix = "# BEGIN peercommons codeowners";

    public sealed record Community(string Id, IReadOnlyList<string> Maintainers);

    public enum State { UpToDate, Missing, OutOfDate, Malformed }

    public sealed record Status(State State, string Path, string Expected, string? Current, int Line, string? Problem)
    {
        public bool IsUpToDate => State == State.UpToDate;
    }

    /// <summary>The repository root: the parent of the content folder.</summary>
    public static string RepositoryRoot(string contentDirectory)
    {
        var content = Path.GetFullPath(contentDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Path.GetDirectoryName(content) ?? content;
    }

    public static string FilePath(string contentDirectory) => Path.Combine(RepositoryRoot(contentDirectory), ".github", "CODEOWNERS");

    /// <summary>
    /// Every community (drafts included) with its valid maintainers, sorted by id. Content errors are
    /// not reported here: the load stage reports them.
    /// </summary>
    public static IReadOnlyList<Community> ReadCommunities(string contentDirectory)
    {
        var folder = Path.Combine(Path.GetFullPath(contentDirectory), "communities");
        if (!Directory.Exists(folder)) return [];
        var scratch = new DiagnosticBag();
        var schema = ContentSchema.For(EntryKind.Community);
        var result = new List<Community>();
        foreach (var full in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(full);
            if (!Slugs.IsValid(id)) continue;
            var text = TextFileReader.Read(full, full, scratch);
            if (text is null) continue;
            var file = FrontMatterSplitter.Split(text, full, full, scratch);
            if (file is null) continue;
            var fields = FieldBinder.Bind(file.FrontMatter, schema, full, scratch);
            var maintainers = fields.TryGetValue("maintainers", out var value) && value is IReadOnlyList<string> list
                ? list.Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : [];
            result.Add(new Community(id, maintainers));
        }
        return result.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The generated block's lines (markers included), in a fixed order: by community id, page before folder.</summary>
    public static IReadOnlyList<string> GeneratedLines(string contentDirectory)
    {
        var contentFolder = Escape(Path.GetFileName(Path.GetFullPath(contentDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)));
        var lines = new List<string> { BeginMarker };
        foreach (var community in ReadCommunities(contentDirectory).Where(c => c.Maintainers.Count > 0))
        {
            var owners = string.Join(' ', community.Maintainers.Select(m => "@" + m));
            lines.Add($"/{contentFolder}/communities/{community.Id}.md {owners}");
            lines.Add($"/{contentFolder}/annotations/{community.Id}/ {owners}");
        }
        lines.Add(EndMarker);
        return lines;
    }

    /// <summary>Compares the file with what it should be, without writing anything.</summary>
    public static Status Inspect(string contentDirectory)
    {
        var path = FilePath(contentDirectory);
        var expectedLines = GeneratedLines(contentDirectory);
        var expected = string.Join('\n', expectedLines);
        if (!File.Exists(path))
            return new Status(expectedLines.Count > 2 ? State.Missing : State.UpToDate, path, expected, null, 1, null);

        var lines = SplitLines(File.ReadAllText(path));
        var (begin, end, problem) = FindBlock(lines);
        if (problem is not null) return new Status(State.Malformed, path, expected, null, begin + 1, problem);
        if (begin < 0)
            return new Status(expectedLines.Count > 2 ? State.OutOfDate : State.UpToDate, path, expected, null, Math.Max(lines.Count, 1), null);
        var current = string.Join('\n', lines.Skip(begin).Take(end - begin + 1).Select(l => l.TrimEnd()));
        return new Status(current == expected ? State.UpToDate : State.OutOfDate, path, expected, current, begin + 1, null);
    }

    /// <summary>
    /// Writes the generated block: replaces the existing block in place, or appends it (so its lines
    /// take precedence over broader rules above it). Returns whether the file changed, or a problem.
    /// </summary>
    public static (bool Changed, string? Problem) Write(string contentDirectory)
    {
        var status = Inspect(contentDirectory);
        if (status.State == State.Malformed) return (false, status.Problem);
        if (status.State == State.UpToDate && File.Exists(status.Path)) return (false, null);

        var path = status.Path;
        var expectedLines = status.Expected.Split('\n');
        List<string> lines;
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path);
            lines = SplitLines(text);
            var (begin, end, _) = FindBlock(lines);
            if (begin >= 0)
            {
                lines.RemoveRange(begin, end - begin + 1);
                lines.InsertRange(begin, expectedLines);
            }
            else
            {
                while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
                if (lines.Count > 0) lines.Add("");
                lines.AddRange(expectedLines);
            }
        }
        else lines = [.. expectedLines];

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var output = string.Join('\n', lines).TrimEnd('\n') + "\n";
        File.WriteAllText(path, output, new UTF8Encoding(false));
        return (true, null);
    }

    /// <summary>
    /// For <c>check</c>: an error when CODEOWNERS is out of date. Applies when the repository root
    /// is a git repository or already has a CODEOWNERS file (a content folder elsewhere, such as a
    /// scratch copy, is not asked to keep one).
    /// </summary>
    public static void Check(string contentDirectory, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(contentDirectory)) return;
        var root = RepositoryRoot(contentDirectory);
        var path = FilePath(contentDirectory);
        var isRepository = Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git"));
        if (!isRepository && !File.Exists(path)) return;

        var status = Inspect(contentDirectory);
        var message = Describe(status, contentDirectory);
        if (message is not null) diagnostics.Error(DisplayPath.For(path), status.Line, 1, OutOfDateCode, message);
    }

    /// <summary>A one-line explanation with the fix, or null when the file is up to date.</summary>
    public static string? Describe(Status status, string contentDirectory)
    {
        var fix = contentDirectory == "content" ? "run 'peercommons codeowners'" : $"run 'peercommons codeowners --content {contentDirectory}'";
        return status.State switch
        {
            State.UpToDate => null,
            State.Missing => $".github/CODEOWNERS is missing but communities list maintainers; {fix} and commit the file",
            State.Malformed => $"{status.Problem}; fix the markers by hand, then {fix}",
            _ => $".github/CODEOWNERS does not match the communities' maintainers; {fix} and commit the file",
        };
    }

    /// <summary>Lines that would be added (+) or removed (-) in the generated block, for --check.</summary>
    public static IEnumerable<string> Differences(Status status)
    {
        var current = (status.Current ?? "").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var expected = status.Expected.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var line in expected.Where(l => !current.Contains(l))) yield return "+ " + line;
        foreach (var line in current.Where(l => !expected.Contains(l)).Order(StringComparer.Ordinal)) yield return "- " + line;
    }

    private static (int Begin, int End, string? Problem) FindBlock(List<string> lines)
    {
        var begins = lines.Select((l, i) => (l, i)).Where(p => p.l.TrimStart().StartsWith(BeginPrefix, StringComparison.Ordinal)).Select(p => p.i).ToList();
        var ends = lines.Select((l, i) => (l, i)).Where(p => p.l.Trim() == EndMarker).Select(p => p.i).ToList();
        if (begins.Count == 0 && ends.Count == 0) return (-1, -1, null);
        if (begins.Count != 1 || ends.Count != 1 || ends[0] < begins[0])
            return (begins.FirstOrDefault(ends.FirstOrDefault()), -1,
                ".github/CODEOWNERS must have exactly one '# BEGIN peercommons codeowners' line followed by one '# END peercommons codeowners' line");
        return (begins[0], ends[0], null);
    }

    private static List<string> SplitLines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n')];

    /// <summary>CODEOWNERS paths escape spaces with a backslash.</summary>
    private static string Escape(string path) => path.Replace(" ", "\\ ", StringComparison.Ordinal);
}
