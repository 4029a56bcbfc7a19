using CsCheck;
using Mono.Unix.Native;
using PeerCommons.Diagnostics;
using PeerCommons.Hardening.Tests.Support;

namespace PeerCommons.Hardening.Tests;

/// <summary>
/// What a pull request can put in content/ besides text files: symbolic links (to files outside,
/// to /dev/zero, to files inside, to folders), pipes, hidden files and folders, and names Windows
/// cannot check out. Each is named in a diagnostic; nothing is read through a link; nothing hangs.
/// </summary>
public sealed class FileKindTests
{
    private const string Secret = "SECRET-OUTSIDE-CONTENT";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static readonly Gen<string> FilePlace = Gen.OneOf("site.yaml", "sources.yaml", "values/odd.md", "curricula/course/01-odd.md", "annotations/group/odd.md", "communities/odd.md", "pages/odd.md", "notes.txt");
    private static readonly Gen<string> Kind = Gen.OneOf("link outside", "link to /dev/zero", "link inside", "dangling link", "fifo");

    private static Sandbox SiteWithRoom()
    {
        var sandbox = new Sandbox();
        sandbox.Write("content/values/real.md", "---\ntitle: Real\nsummary: A real entry.\n---\nText.\n");
        sandbox.Write("content/curricula/course/index.md", "---\ntitle: Course\nsummary: A course.\n---\nText.\n");
        sandbox.Write("content/communities/group.md", "---\ntitle: Group\nsummary: A group.\n---\nText.\n");
        sandbox.Write("outside.yaml", $"title: {Secret}\nsummary: {Secret}\n");
        return sandbox;
    }

    private static void Place(Sandbox sandbox, string place, string kind)
    {
        var full = Path.Combine([sandbox.Content, .. place.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full)) File.Delete(full);
        switch (kind)
        {
            case "link outside": File.CreateSymbolicLink(full, sandbox.Path("outer", "site", "outside.yaml")); break;
            case "link to /dev/zero": File.CreateSymbolicLink(full, "/dev/zero"); break;
            case "link inside": File.CreateSymbolicLink(full, Path.Combine(sandbox.Content, "values", "real.md")); break;
            case "dangling link": File.CreateSymbolicLink(full, Path.Combine(sandbox.Content, "nowhere.md")); break;
            case "fifo": Assert.Equal(0, Syscall.mkfifo(full, FilePermissions.DEFFILEMODE)); break;
        }
    }

    [Fact]
    public void A_link_or_pipe_anywhere_in_content_is_refused_by_name_and_never_read() =>
        Gen.Select(FilePlace, Kind).Sample((place, kind) =>
        {
            if (OperatingSystem.IsWindows()) return;
            using var sandbox = SiteWithRoom();
            Place(sandbox, place, kind);
            var check = Bounded.Run(sandbox.Options(write: false), Limit);
            Assert.Null(check.FatalError);
            var refusal = Assert.Single(check.Diagnostics, d => d.Code == Codes.NotOrdinaryFile);
            Assert.Equal(Severity.Error, refusal.Severity);
            Assert.Equal(Path.Combine([sandbox.Content, .. place.Split('/')]), Path.GetFullPath(refusal.Path));
            Assert.Contains(kind == "fifo" ? "named pipe" : "symbolic link", refusal.Message);
            Assert.DoesNotContain(check.Diagnostics, d => d.Message.Contains(Secret, StringComparison.Ordinal));
            var build = Bounded.Run(sandbox.Options(write: true), Limit);
            Assert.False(build.Written);
            Assert.False(Directory.Exists(sandbox.Output));
        }, iter: 40, threads: 1);

    [Fact]
    public void A_device_in_content_is_refused_without_reading_it() =>
        Gen.Select(FilePlace, Gen.Bool).Sample((place, block) =>
        {
            if (OperatingSystem.IsWindows()) return;
            using var sandbox = SiteWithRoom();
            var full = Path.Combine([sandbox.Content, .. place.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (File.Exists(full)) File.Delete(full);
            // The numbers of /dev/zero (1, 5): endless if read. Making a device needs root; elsewhere there is nothing to test.
            var kind = (block ? FilePermissions.S_IFBLK : FilePermissions.S_IFCHR) | FilePermissions.DEFFILEMODE;
            if (Syscall.mknod(full, kind, (1UL << 8) | 5) != 0) return;
            var check = Bounded.Run(sandbox.Options(write: false), Limit);
            var refusal = Assert.Single(check.Diagnostics, d => d.Code == Codes.NotOrdinaryFile);
            Assert.Equal(full, Path.GetFullPath(refusal.Path));
            Assert.Contains("device", refusal.Message);
        }, iter: 10, threads: 1);

    [Fact]
    public void A_linked_folder_is_an_error_naming_it_and_none_of_its_files_are_loaded() =>
        Gen.Select(Gen.OneOf("values/more", "projects", "curricula/linked", "stray"), Gen.Bool).Sample((place, outside) =>
        {
            if (OperatingSystem.IsWindows()) return;
            using var sandbox = SiteWithRoom();
            var target = outside ? sandbox.Path("elsewhere") : Path.Combine(sandbox.Content, "communities");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "leak.md"), $"---\ntitle: {Secret}\nsummary: {Secret}\n---\n{Secret}\n");
            var full = Path.Combine([sandbox.Content, .. place.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            Directory.CreateSymbolicLink(full, target);

            var outcome = Harness.CheckAndBuild(sandbox, Limit);
            var refusal = Assert.Single(outcome.Check.Diagnostics, d => d.Code == Codes.NotOrdinaryFile);
            Assert.Equal(full, Path.GetFullPath(refusal.Path));
            Assert.Contains("folder", refusal.Message);
            Assert.False(outcome.Build.Written);
            Assert.DoesNotContain(outcome.Check.Diagnostics, d => d.Path.Contains(place + "/", StringComparison.Ordinal));
        }, iter: 16, threads: 1);

    [Fact]
    public void Hidden_files_and_folders_are_named_in_a_warning_and_the_site_still_builds() =>
        Gen.Select(Gen.OneOf(".DS_Store", ".hidden.md", ".gitkeep", "._mutuality.md"), Gen.OneOf("", "values/", "curricula/course/", ".drafts/", "values/.old/"))
            .Sample((name, folder) =>
            {
                using var sandbox = SiteWithRoom();
                sandbox.Write("content/" + folder + name, "---\ntitle: Hidden\nsummary: Hidden.\n---\nText.\n");
                var outcome = Harness.CheckAndBuild(sandbox, Limit);
                Assert.True(outcome.Build.Written, Harness.Describe(outcome.Build.Diagnostics));
                var hiddenPart = folder.Split('/').FirstOrDefault(p => p.StartsWith('.')) is { } dotFolder
                    ? folder[..(folder.IndexOf(dotFolder, StringComparison.Ordinal) + dotFolder.Length)]
                    : folder + name;
                var warning = Assert.Single(outcome.Check.Diagnostics);
                Assert.Equal((Severity.Warning, Codes.UnexpectedFile), (warning.Severity, warning.Code));
                Assert.Equal(Path.Combine([sandbox.Content, .. hiddenPart.Split('/')]), Path.GetFullPath(warning.Path));
                Assert.Contains("hidden", warning.Message);
            }, iter: 20, threads: 1);

    private static readonly string[] Reserved = ["con", "prn", "aux", "nul", .. Enumerable.Range(1, 9).SelectMany(i => new[] { $"com{i}", $"lpt{i}" })];

    private static string RandomCase(string name, int bits) =>
        string.Concat(name.Select((c, i) => (bits >> i & 1) == 1 ? char.ToUpperInvariant(c) : c));

    [Fact]
    public void Names_Windows_reserves_are_refused_in_any_case_extension_and_position() =>
        Gen.Select(Gen.OneOf(Reserved), Gen.Int[0, 15], Gen.OneOf(".md", ".txt", ".tar.md", ""), Gen.OneOf("values/{0}", "curricula/{0}/index.md", "annotations/{0}/note.md", "{0}"))
            .Sample((name, bits, extension, shape) =>
            {
                var cased = RandomCase(name, bits);
                var relative = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, cased + (shape.EndsWith("{0}", StringComparison.Ordinal) ? extension : ""));
                if (relative == cased + extension && extension.Length == 0) relative += ".md";
                using var sandbox = SiteWithRoom();
                sandbox.Write("content/" + relative, "---\ntitle: Device\nsummary: A device name.\n---\nText.\n");
                var result = Bounded.Run(sandbox.Options(write: false), Limit);
                var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
                Assert.Equal(Codes.InvalidId, error.Code);
                Assert.Contains("Windows", error.Message);
                Assert.Contains($"'{relative}'", error.Message);
            }, iter: 40, threads: 1);

    [Fact]
    public void Names_that_only_look_like_device_names_are_not_refused_for_it() =>
        Gen.OneOf("console", "com10", "lpt0", "auxiliary", "null", "connection", "prnt", "com", "nul-group").Sample(name =>
        {
            using var sandbox = SiteWithRoom();
            sandbox.Write($"content/values/{name}.md", "---\ntitle: Fine\nsummary: Fine.\n---\nText.\n");
            var result = Bounded.Run(sandbox.Options(write: false), Limit);
            Assert.True(result.Succeeded, Harness.Describe(result.Diagnostics));
        }, iter: 9, threads: 1);
}
