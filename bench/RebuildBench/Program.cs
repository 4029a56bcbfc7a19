// Measures serve's incremental rebuild on a large corpus: one full build, then several one-file
// edits (median), reported with their ratio. Usage:
//   dotnet run -c Release --project bench/RebuildBench -- [--entries 10000] [--edits 9] [--corpus DIR] [--only FOLDER]
// --only edits files of one content folder (projects: every title edit re-renders the 5,000-entry list).
// The corpus comes from bench/CorpusGenerator when it is there, else from a simple generator here.
using System.Diagnostics;
using PeerCommons.Engine;

var entries = Arg("--entries", 10000);
var edits = Arg("--edits", 9);
var repo = FindRepo();
var corpus = ArgText("--corpus") ?? Path.Combine(Path.GetTempPath(), $"peercommons-rebuild-bench-{entries}");
if (!File.Exists(Path.Combine(corpus, "site.yaml")) && !File.Exists(Path.Combine(corpus, "content", "site.yaml")))
{
    var generator = Path.Combine(repo, "bench", "CorpusGenerator");
    if (File.Exists(Path.Combine(generator, "Program.cs")) && Run("dotnet", $"run --project \"{generator}\" -c Release -- --entries {entries} --seed 42 --out \"{corpus}\"") == 0)
        Console.WriteLine($"corpus: bench/CorpusGenerator, {entries} entries, seed 42");
    else
    {
        Console.WriteLine($"corpus: built-in generator, {entries} entries");
        SimpleCorpus.Write(corpus, entries);
    }
}
var content = File.Exists(Path.Combine(corpus, "content", "site.yaml")) ? Path.Combine(corpus, "content") : corpus;
var theme = Path.Combine(repo, "theme");

var engine = new SiteEngine(content, theme);
var clock = Stopwatch.StartNew();
var first = engine.BuildAll();
var full = clock.Elapsed;
Console.WriteLine($"full build (in memory): {full.TotalMilliseconds:0} ms, {first.PagesRendered} pages, {first.Errors.Count()} errors");
// A second full build, warm (what a theme change costs).
clock.Restart();
engine.BuildAll();
var fullWarm = clock.Elapsed;
Console.WriteLine($"full build, warm: {fullWarm.TotalMilliseconds:0} ms");

var files = Directory.GetFiles(Path.Combine(content, ArgText("--only") ?? ""), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
var random = new Random(42);
foreach (var (label, change) in new (string, Func<string, int, string>)[]
{
    ("body edit", (text, i) => text + $"\nEdited paragraph {i}.\n"),
    ("title edit", (text, i) => System.Text.RegularExpressions.Regex.Replace(text, "(?m)^title: (\"?)", $"title: $1Edited {i} ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))),
})
{
    var times = new List<double>();
    var pages = new List<int>();
    for (var i = 0; i < edits; i++)
    {
        var file = files[random.Next(files.Length)];
        var original = File.ReadAllText(file);
        File.WriteAllText(file, change(original, i));
        var outcome = engine.Apply([file]);
        times.Add(outcome.Elapsed.TotalMilliseconds);
        pages.Add(outcome.PagesRendered);
        File.WriteAllText(file, original);
        engine.Apply([file]);
    }
    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine($"one-file {label}: median {median:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}; pages re-rendered median {pages.Order().ElementAt(pages.Count / 2)}), " +
                      $"{median / full.TotalMilliseconds:P1} of the full build; target < 300 ms: {(median < 300 ? "met" : "NOT met")}");
}
return 0;

int Arg(string name, int fallback) => ArgText(name) is { } v ? int.Parse(v) : fallback;
string? ArgText(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PeerCommons.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
static int Run(string file, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
    process.WaitForExit();
    return process.ExitCode;
}

/// <summary>A plain corpus: values, projects linking to values (related, values, xrefs), curricula with modules, communities with annotations.</summary>
static class SimpleCorpus
{
    public static void Write(string root, int count)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "site.yaml"), "title: Bench\ntagline: Generated\n");
        File.WriteAllText(Path.Combine(root, "sources.yaml"), "smith-2020:\n  authors: [\"Smith, A.\"]\n  year: 2020\n  title: \"A study\"\n");
        var random = new Random(42);
        string Tags() => string.Join(", ", Enumerable.Range(0, 3).Select(_ => "tag-" + random.Next(200)).Distinct());
        string Body(IEnumerable<string> xrefs) =>
            $"Intro paragraph with a citation [@smith-2020].\n\n## Background {{#background}}\n\n{string.Join(" ", Enumerable.Repeat("Peer support text.", 40))}\n\n## Links {{#links}}\n\n" +
            string.Join("\n", xrefs.Select(x => $"- [](xref:{x})")) + "\n";
        int values = count / 20, curricula = count / 50, communities = count / 100, modules = curricula * 4, annotations = count / 10;
        var projects = count - values - curricula - modules - communities - annotations;
        void Write(string relative, string text) { var f = Path.Combine(root, relative); Directory.CreateDirectory(Path.GetDirectoryName(f)!); File.WriteAllText(f, text); }
        for (var i = 0; i < values; i++)
            Write($"values/value-{i}.md", $"---\ntitle: \"Value {i}\"\nsummary: \"A value.\"\ntags: [{Tags()}]\nupdated: 2025-01-{1 + i % 28:00}\n---\n\n{Body([$"values/value-{(i + 1) % values}"])}");
        for (var i = 0; i < projects; i++)
            Write($"projects/project-{i}.md", $"---\ntitle: \"Project {i}\"\nsummary: \"A project.\"\ntags: [{Tags()}]\nregion: Europe\nvalues: [values/value-{random.Next(values)}]\nrelated: [projects/project-{random.Next(projects)}]\nupdated: 2025-02-{1 + i % 28:00}\n---\n\n{Body([$"values/value-{random.Next(values)}", $"projects/project-{random.Next(projects)}"])}");
        for (var c = 0; c < curricula; c++)
        {
            Write($"curricula/course-{c}/index.md", $"---\ntitle: \"Course {c}\"\nsummary: \"A course.\"\ntags: [{Tags()}]\n---\n\n{Body([$"values/value-{random.Next(values)}"])}");
            for (var m = 1; m <= 4; m++)
                Write($"curricula/course-{c}/{m:00}-module-{m}.md", $"---\ntitle: \"Module {m} of course {c}\"\nsummary: \"A module.\"\nduration_minutes: 60\nobjectives: [\"Learn {m}\"]\n---\n\n{Body([])}");
        }
        for (var i = 0; i < communities; i++)
            Write($"communities/group-{i}.md", $"---\ntitle: \"Group {i}\"\nsummary: \"A group.\"\n---\n\n{Body([])}");
        for (var i = 0; i < annotations; i++)
            Write($"annotations/group-{i % communities}/note-{i}.md", $"---\ntitle: \"Note {i}\"\nsummary: \"A note.\"\ntarget: projects/project-{random.Next(projects)}#background\ntype: experience\n---\n\nWe tried this.\n");
    }
}
