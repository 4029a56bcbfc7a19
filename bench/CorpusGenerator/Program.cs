using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PeerCommons.Bench.Corpus;

// Benchmark corpus generator: a deterministic PeerCommons content folder (same seed -> byte-identical
// files) and, optionally, the same corpus as a Hugo site's content/ and data/ (--hugo-out).
//
//   dotnet run --project bench/CorpusGenerator -c Release -- --entries 1000 --seed 42 --out /tmp/corpus-1000 [--hugo-out /tmp/hugo-1000]

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: corpus-generator --entries N [--seed S] --out DIR [--hugo-out DIR]");
    return 2;
}

var corpus = new CorpusBuilder(options.Entries, options.Seed).Build();
var writer = new CorpusWriter(corpus);
var files = writer.WritePeerCommons(options.Out);
Console.WriteLine($"wrote {files} files ({corpus.Entries.Count} entries incl. {corpus.Count("module")} modules and {corpus.Count("annotation")} annotations, {corpus.Sources.Count} sources) to {options.Out}");
if (options.HugoOut is { } hugo)
{
    var hugoFiles = writer.WriteHugo(hugo);
    Console.WriteLine($"wrote {hugoFiles} Hugo files to {hugo}");
}
return 0;

internal sealed record Options(int Entries, ulong Seed, string Out, string? HugoOut)
{
    public static Options? Parse(string[] args)
    {
        int entries = 1000; ulong seed = 42; string? output = null, hugo = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--entries": entries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = ulong.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": output = Next(); break;
                case "--hugo-out": hugo = Next(); break;
                default: return null;
            }
        }
        return output is null || entries < 10 ? null : new Options(entries, seed, output, hugo);
    }
}

/// <summary>SplitMix64: our own generator so that output never depends on System.Random's implementation.</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Int(int maxExclusive) => (int)(Next() % (ulong)maxExclusive);
    public int Int(int min, int maxInclusive) => min + Int(maxInclusive - min + 1);
    public bool Chance(double p) => (Next() >> 11) * (1.0 / (1UL << 53)) < p;
    public T Pick<T>(IReadOnlyList<T> list) => list[Int(list.Count)];

    public List<T> Some<T>(IReadOnlyList<T> list, int min, int max)
    {
        var count = Math.Min(Int(min, max), list.Count);
        var chosen = new List<T>(count);
        var guard = 0;
        while (chosen.Count < count && guard++ < count * 20)
        {
            var item = Pick(list);
            if (!chosen.Contains(item)) chosen.Add(item);
        }
        return chosen;
    }
}

/// <summary>One file of the corpus as planned before any body is written (bodies link to each other).</summary>
internal sealed class Entry
{
    public required string Kind;        // project value history curriculum module community annotation page
    public required string Id;
    public required string Key;         // projects/x, curricula/c/m, annotations/community/name
    public required string Path;        // relative to content/
    public required string Title;
    public string? CurriculumId;        // modules
    public int ModuleNumber;            // modules: NN
    public string? CommunityId;         // annotations
    public List<string> Anchors = [];   // heading ids on the page, in order
    public List<(string Text, string? ExplicitId)> Headings = [];
    public List<(string Name, object Value)> FrontMatter = [];
    public string Body = "";
}

internal sealed record Source(string Key, List<string> Authors, int Year, string Title, string Venue, string? Doi);

internal sealed class Corpus
{
    public List<Entry> Entries = [];
    public List<Source> Sources = [];
    public int Count(string kind) => Entries.Count(e => e.Kind == kind);
}

/// <summary>A YAML scalar written without quotes (numbers, dates, booleans).</summary>
internal sealed record Raw(string Text);

internal sealed class CorpusBuilder(int entries, ulong seed)
{
    private readonly Rng _rng = new(seed);
    private readonly Corpus _corpus = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private List<Entry> _linkable = [];
    private List<Entry> _values = [];
    private List<Entry> _communities = [];
    private List<string> _sourceKeys = [];

    public Corpus Build()
    {
        PlanSources();
        PlanEntries();
        foreach (var e in _corpus.Entries) PlanHeadings(e);
        _linkable = _corpus.Entries.Where(e => e.Kind != "annotation").ToList();
        _values = _corpus.Entries.Where(e => e.Kind == "value").ToList();
        foreach (var e in _corpus.Entries) { FillFrontMatter(e); e.Body = new Prose(_rng, this).Body(e); }
        return _corpus;
    }

    internal Entry RandomLinkable() => _rng.Pick(_linkable);
    internal string RandomSourceKey() => _rng.Pick(_sourceKeys);

    private void PlanSources()
    {
        var count = Math.Max(30, entries / 20);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var authorCount = _rng.Chance(0.4) ? 1 : _rng.Chance(0.6) ? 2 : _rng.Int(3, 6);
            var surnames = _rng.Some(Words.Surnames, authorCount, authorCount);
            var year = _rng.Int(1975, 2024);
            var stem = surnames.Count switch
            {
                1 => $"{surnames[0]}-{year}",
                2 => $"{surnames[0]}-{surnames[1]}-{year}",
                _ => $"{surnames[0]}-etal-{year}",
            };
            stem = stem.ToLowerInvariant();
            var key = stem;
            for (var suffix = 'a'; !used.Add(key); suffix++) key = stem + suffix;
            var authors = surnames.Select(s => $"{s}, {_rng.Pick(Words.FirstNames)[0]}.").ToList();
            var title = Words.Capitalise($"{_rng.Pick(Words.Concepts)} and {_rng.Pick(Words.Concepts)} in {_rng.Pick(Words.Adjectives)} {Words.Plural(_rng.Pick(Words.Things))}: {Words.Plural(_rng.Pick(Words.Agents))} {_rng.Pick(Words.Verbs)} {_rng.Pick(Words.Concepts)}");
            var doi = _rng.Chance(0.6) ? $"10.{_rng.Int(1000, 9999)}/{_rng.Int(100000, 999999)}" : null;
            _corpus.Sources.Add(new Source(key, authors, year, title, _rng.Pick(Words.Venues), doi));
        }
        _sourceKeys = _corpus.Sources.Select(s => s.Key).ToList();
    }

    private Entry Add(string kind, string folder, string title, string? curriculum = null, int number = 0, string? community = null)
    {
        var stem = Slug(title);
        if (stem.Length > 60) stem = stem[..60].TrimEnd('-');
        var prefix = kind switch
        {
            "module" => $"curricula/{curriculum}/",
            "annotation" => $"annotations/{community}/",
            _ => folder + "/",
        };
        var id = stem;
        for (var n = 2; !_keys.Add(prefix + id); n++) id = $"{stem}-{n}";
        var key = prefix + id;
        var path = kind switch
        {
            "curriculum" => $"curricula/{id}/index.md",
            "module" => $"curricula/{curriculum}/{number:00}-{id}.md",
            _ => key + ".md",
        };
        var entry = new Entry { Kind = kind, Id = id, Key = key, Path = path, Title = title, CurriculumId = curriculum, ModuleNumber = number, CommunityId = community };
        _corpus.Entries.Add(entry);
        return entry;
    }

    private void PlanEntries()
    {
        int Share(double fraction, int min) => Math.Max(min, (int)Math.Round(entries * fraction));
        var curricula = Share(0.08, 2);
        var communities = Share(0.06, 2);
        var values = Share(0.10, 3);
        var history = Share(0.22, 2);
        var pages = Share(0.04, 4);
        var projects = Math.Max(1, entries - curricula - communities - values - history - pages);

        foreach (var fixedPage in new[] { "About", "Contribute", "Glossary", "Help" }) Add("page", "pages", fixedPage);
        for (var i = 4; i < pages; i++) Add("page", "pages", Words.TitleCase($"{_rng.Pick(Words.HeadingPhrases)} {_rng.Pick(Words.Concepts)}"));
        for (var i = 0; i < values; i++) Add("value", "values", Words.TitleCase($"{_rng.Pick(Words.Adjectives)} {_rng.Pick(Words.Concepts)}"));
        for (var i = 0; i < communities; i++)
            _communities.Add(Add("community", "communities", $"{_rng.Pick(Words.Places)} {Words.TitleCase(Words.Plural(_rng.Pick(Words.Agents)))}"));
        for (var i = 0; i < projects; i++) Add("project", "projects", $"{_rng.Pick(Words.Places)} {_rng.Pick(Words.TitleNouns)}");
        for (var i = 0; i < history; i++)
            Add("history", "history", $"{_rng.Int(1840, 2024)} {Words.TitleCase($"{_rng.Pick(Words.Adjectives)} {_rng.Pick(Words.Concepts)} in {_rng.Pick(Words.Places)}")}");
        for (var i = 0; i < curricula; i++)
        {
            var c = Add("curriculum", "curricula", $"{_rng.Pick(Words.Places)} {Words.TitleCase($"{_rng.Pick(Words.Concepts)} training")}");
            var modules = _rng.Int(4, 12);
            for (var m = 1; m <= modules; m++)
                Add("module", "curricula", Words.TitleCase($"{_rng.Pick(Words.Adjectives)} {Words.Plural(_rng.Pick(Words.Things))}"), c.Id, m);
        }
        // Annotations: about 0.86 per entry, so that 10,000 entries make about 25,000 files.
        var targets = _corpus.Entries.ToList();
        var annotations = (int)Math.Round(entries * 0.86);
        for (var i = 0; i < annotations; i++)
        {
            var community = _rng.Pick(_communities);
            var a = Add("annotation", "annotations", Words.Capitalise($"{_rng.Pick(Words.Adjectives)} {Words.Plural(_rng.Pick(Words.Things))} and {_rng.Pick(Words.Concepts)}"), community: community.Id);
            a.CurriculumId = null;
            a.FrontMatter.Add(("__target", _rng.Pick(targets)));
        }
    }

    private void PlanHeadings(Entry e)
    {
        var count = e.Kind == "annotation" ? _rng.Int(0, 2) : _rng.Int(3, 7);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var text = _rng.Chance(0.5) ? _rng.Pick(Words.HeadingPhrases) : $"{_rng.Pick(Words.HeadingPhrases)} in {_rng.Pick(Words.Places)}";
            var auto = Slug(text);
            string? explicitId = _rng.Chance(0.3) ? string.Join('-', auto.Split('-').Take(2)) : null;
            var id = explicitId ?? auto;
            if (used.Contains(id) || used.Contains(auto)) continue;
            used.Add(id); used.Add(auto);
            e.Headings.Add((text, explicitId));
            e.Anchors.Add(id);
        }
    }

    private void FillFrontMatter(Entry e)
    {
        var fm = new List<(string, object)>();
        var target = e.FrontMatter.Count > 0 ? (Entry)e.FrontMatter[0].Value : null;
        var annotationWithoutTitle = e.Kind == "annotation" && _rng.Chance(0.1);
        if (!annotationWithoutTitle)
        {
            fm.Add(("title", e.Title));
            fm.Add(("summary", new Prose(_rng, this).Summary(e)));
        }
        if (e.Kind == "annotation")
        {
            var anchor = target!.Anchors.Count > 0 && _rng.Chance(0.5) ? "#" + _rng.Pick(target.Anchors) : "";
            fm.Add(("target", target.Key + anchor));
            fm.Add(("type", _rng.Pick(Words.AnnotationTypes)));
        }
        if (e.Kind != "annotation" || _rng.Chance(0.3)) fm.Add(("tags", _rng.Some(Words.Tags, 1, 6)));
        switch (e.Kind)
        {
            case "project":
                fm.Add(("region", _rng.Pick(Words.Regions)));
                fm.Add(("country", _rng.Pick(Words.Countries)));
                fm.Add(("status", _rng.Pick(Words.Status)));
                fm.Add(("organisation_type", _rng.Pick(Words.OrgTypes)));
                fm.Add(("populations", _rng.Some(Words.Populations, 1, 3)));
                fm.Add(("support_formats", _rng.Some(Words.Formats, 1, 3)));
                fm.Add(("roles", _rng.Some(Words.Roles, 1, 2)));
                if (_rng.Chance(0.7)) fm.Add(("started", new Raw(_rng.Int(1970, 2024).ToString(CultureInfo.InvariantCulture))));
                if (_rng.Chance(0.6)) fm.Add(("funding", _rng.Some(Words.Funders, 1, 3)));
                if (_rng.Chance(0.5)) fm.Add(("website", $"https://{e.Id}.example.org/"));
                fm.Add(("values", ValueKeys(e)));
                if (_rng.Chance(0.05)) fm.Add(("aliases", new List<string> { $"projects/old-{e.Id}" }));
                break;
            case "value":
                if (_rng.Chance(0.5)) fm.Add(("also_called", new List<string> { $"{_rng.Pick(Words.Adjectives)} {_rng.Pick(Words.Concepts)}" }));
                break;
            case "history":
                var year = int.Parse(e.Title[..4], CultureInfo.InvariantCulture);
                var date = _rng.Int(4) switch
                {
                    0 => $"{year}",
                    1 => $"{year}-{_rng.Int(1, 12):00}",
                    2 => $"{year}-{_rng.Int(1, 12):00}-{_rng.Int(1, 28):00}",
                    _ => $"{year}/{Math.Min(2025, year + _rng.Int(1, 15))}",
                };
                fm.Add(("date", new Raw(date)));
                fm.Add(("place", _rng.Pick(Words.Places)));
                break;
            case "curriculum":
                fm.Add(("audience", $"{Words.Plural(_rng.Pick(Words.Agents))} new to peer support"));
                fm.Add(("duration", $"{_rng.Int(1, 12)} days"));
                fm.Add(("delivery", _rng.Pick(Words.Delivery)));
                if (_rng.Chance(0.4)) fm.Add(("accreditation", $"Level {_rng.Int(2, 5)} certificate"));
                fm.Add(("provider", $"{_rng.Pick(Words.Places)} {_rng.Pick(Words.TitleNouns)}"));
                fm.Add(("peer_led", new Raw(_rng.Chance(0.7) ? "true" : "false")));
                fm.Add(("values", ValueKeys(e)));
                break;
            case "module":
                fm.Add(("duration_minutes", new Raw((_rng.Int(2, 16) * 15).ToString(CultureInfo.InvariantCulture))));
                fm.Add(("objectives", Enumerable.Range(0, _rng.Int(1, 4)).Select(_ => Words.Capitalise($"{_rng.Pick(Words.Verbs)} {_rng.Pick(Words.Concepts)} {_rng.Pick(Words.Prepositions)} {Words.Plural(_rng.Pick(Words.Agents))}")).ToList()));
                fm.Add(("values", ValueKeys(e)));
                break;
            case "community":
                fm.Add(("region", _rng.Pick(Words.Regions)));
                fm.Add(("country", _rng.Pick(Words.Countries)));
                if (_rng.Chance(0.5)) fm.Add(("website", $"https://{e.Id}.example.net/"));
                if (_rng.Chance(0.5)) fm.Add(("contact", $"Write to the {_rng.Pick(Words.Agents)} coordinator"));
                fm.Add(("maintainers", Enumerable.Range(0, _rng.Int(1, 3)).Select(_ => $"{_rng.Pick(Words.FirstNames)}-{_rng.Pick(Words.Surnames)}".ToLowerInvariant()).Distinct().ToList()));
                if (_rng.Chance(0.5)) fm.Add(("compiled_from_research", new Raw("true")));
                break;
        }
        if (e.Kind != "annotation" && _rng.Chance(0.7))
            fm.Add(("related", Enumerable.Range(0, _rng.Int(1, 4)).Select(_ => RandomLinkable()).Where(r => r != e).Select(r => r.Key).Distinct().ToList()));
        fm.Add(("sources", _rng.Some(_sourceKeys, 1, 4)));
        if (_rng.Chance(0.3)) fm.Add(("contributors", Enumerable.Range(0, _rng.Int(1, 3)).Select(_ => $"{_rng.Pick(Words.FirstNames)} {_rng.Pick(Words.Surnames)}").Distinct().ToList()));
        fm.Add(("updated", new Raw($"{_rng.Int(2018, 2026)}-{_rng.Int(1, 12):00}-{_rng.Int(1, 28):00}")));
        e.FrontMatter = fm;
    }

    private List<string> ValueKeys(Entry e) => _rng.Some(_values, 1, 4).Select(v => v.Key).ToList();

    public static string Slug(string text)
    {
        var b = new StringBuilder(text.Length);
        var pending = false;
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pending && b.Length > 0) b.Append('-');
                b.Append(c);
                pending = false;
            }
            else pending = true;
        }
        return b.ToString();
    }
}

/// <summary>English-looking prose: sentences from templates over the word lists, with citations and xrefs.</summary>
internal sealed class Prose(Rng rng, CorpusBuilder corpus)
{
    private string Agent() => rng.Pick(Words.Agents);
    private string Agents() => Words.Plural(rng.Pick(Words.Agents));
    private string Adj() => rng.Pick(Words.Adjectives);

    private string Object() => rng.Int(3) switch
    {
        0 => $"{Adj()} {rng.Pick(Words.Concepts)}",
        1 => Article(rng.Chance(0.5), $"{Adj()} {rng.Pick(Words.Things)}"),
        _ => Words.Plural(rng.Pick(Words.Things)),
    };

    private static string Article(bool definite, string phrase) =>
        (definite ? "the " : "aeiou".Contains(phrase[0]) && !phrase.StartsWith("us", StringComparison.Ordinal) ? "an " : "a ") + phrase;

    private string Sentence()
    {
        var v = rng.Pick(Words.Verbs);
        var s = rng.Int(10) switch
        {
            0 => $"the {Adj()} {Agent()} {Words.ThirdPerson(v)} {Object()} {rng.Pick(Words.Prepositions)} {Agents()}",
            1 => $"{Agents()} {rng.Pick(Words.Adverbs)} {v} {Object()} {rng.Pick(Words.Prepositions)} {Object()}",
            2 => $"in {rng.Pick(Words.Places)}, {Agents()} {v} {Object()}, and the {Agent()} {Words.ThirdPerson(rng.Pick(Words.Verbs))} {Object()}",
            3 => $"when {Agents()} {v} {Object()}, the {Agent()} {Words.ThirdPerson(rng.Pick(Words.Verbs))} {Object()} {rng.Pick(Words.Adverbs)}",
            4 => $"this {rng.Pick(Words.Things)} {Words.ThirdPerson(v)} how {Agents()} {rng.Pick(Words.Verbs)} {Object()}",
            5 => $"many {Agents()} said that {rng.Pick(Words.Concepts)} {Words.ThirdPerson(v)} {Object()}",
            6 => $"it is {Adj()} to {v} {Object()} {rng.Pick(Words.Prepositions)} {Agents()}",
            7 => $"{Agents()} and {Agents()} {v} {Object()} together",
            8 => $"{rng.Pick(Words.Connectives)}, {Agents()} {v} {Object()} and {rng.Pick(Words.Verbs)} {Object()}",
            _ => $"without {rng.Pick(Words.Concepts)}, {Article(false, rng.Pick(Words.Things))} can {v} {Object()} {rng.Pick(Words.Adverbs)}",
        };
        return Words.Capitalise(s);
    }

    private string Citation()
    {
        var n = rng.Chance(0.8) ? 1 : 2;
        var parts = new List<string>();
        for (var i = 0; i < n; i++)
            parts.Add("@" + corpus.RandomSourceKey() + (rng.Chance(0.25) ? $", p. {rng.Int(1, 400)}" : ""));
        return "[" + string.Join("; ", parts) + "]";
    }

    private string Xref()
    {
        var t = corpus.RandomLinkable();
        var anchor = t.Anchors.Count > 0 && rng.Chance(0.4) ? "#" + rng.Pick(t.Anchors) : "";
        var text = rng.Chance(0.4) ? "" : rng.Chance(0.5) ? t.Title : $"{Adj()} {rng.Pick(Words.Concepts)}";
        return $"[{text}](xref:{t.Key}{anchor})";
    }

    private string Paragraph(ref int words, int sentences)
    {
        var b = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            var s = Sentence();
            words += s.Count(c => c == ' ') + 1;
            if (i > 0) b.Append(' ');
            b.Append(s);
            if (rng.Chance(0.3)) b.Append(' ').Append(Citation());
            if (rng.Chance(0.06)) b.Append(" (see ").Append(Xref()).Append(')');
            b.Append('.');
        }
        return b.ToString();
    }

    public string Summary(Entry e)
    {
        var s = Sentence() + ".";
        if (s.Length > 280) s = s[..279].TrimEnd() + ".";
        return s;
    }

    public string Body(Entry e)
    {
        var target = rng.Int(280, 540);
        if (e.Kind == "annotation") target = rng.Int(280, 420);
        var words = 0;
        var b = new StringBuilder();
        b.Append(Paragraph(ref words, rng.Int(2, 4))).Append("\n\n");
        var sections = e.Headings.Count;
        var perSection = Math.Max(1, (target - words) / Math.Max(1, sections + (sections == 0 ? 1 : 0)));
        for (var h = 0; h <= sections; h++)
        {
            if (h > 0)
            {
                var (text, id) = e.Headings[h - 1];
                b.Append("## ").Append(text).Append(id is null ? "" : $" {{#{id}}}").Append("\n\n");
            }
            else if (sections > 0) continue;
            var sectionEnd = words + perSection;
            while (words < sectionEnd && words < target + 40)
            {
                switch (rng.Int(12))
                {
                    case 0:
                        for (var i = rng.Int(2, 5); i > 0; i--)
                        {
                            var s = Sentence();
                            words += s.Count(c => c == ' ') + 1;
                            b.Append("- ").Append(rng.Chance(0.3) ? $"**{Words.Capitalise(rng.Pick(Words.Concepts))}.** " : "").Append(s).Append(rng.Chance(0.3) ? " " + Citation() : "").Append(".\n");
                        }
                        b.Append('\n');
                        break;
                    case 1 when e.Kind == "module":
                        b.Append(":::facilitator\n").Append(Paragraph(ref words, rng.Int(2, 3))).Append("\n:::\n\n");
                        break;
                    case 2 when rng.Chance(0.3):
                        b.Append("| Aspect | What people said |\n|---|---|\n");
                        for (var i = rng.Int(2, 4); i > 0; i--)
                        {
                            var s = Sentence();
                            words += s.Count(c => c == ' ') + 2;
                            b.Append("| ").Append(Words.Capitalise(rng.Pick(Words.Concepts))).Append(" | ").Append(s).Append(" |\n");
                        }
                        b.Append('\n');
                        break;
                    default:
                        var p = Paragraph(ref words, rng.Int(3, 6));
                        if (rng.Chance(0.15)) p = p.Replace(" together", " *together*");
                        b.Append(p).Append("\n\n");
                        break;
                }
            }
        }
        if (e.Kind != "annotation" && rng.Chance(0.5))
        {
            b.Append("## See also\n\n");
            for (var i = rng.Int(1, 3); i > 0; i--) b.Append("- ").Append(Xref()).Append('\n');
            b.Append('\n');
        }
        return b.ToString().TrimEnd('\n') + "\n";
    }
}

internal sealed partial class CorpusWriter(Corpus corpus)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Dictionary<string, Entry> _byKey = corpus.Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);

    public int WritePeerCommons(string root)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var files = 0;
        Write(Path.Combine(root, "site.yaml"), SiteYaml()); files++;
        Write(Path.Combine(root, "sources.yaml"), SourcesYaml()); files++;
        foreach (var e in corpus.Entries)
        {
            var sb = new StringBuilder("---\n");
            foreach (var (name, value) in e.FrontMatter) AppendYaml(sb, name, value);
            sb.Append("---\n\n").Append(e.Body);
            Write(Path.Combine(root, e.Path), sb.ToString());
            files++;
        }
        return files;
    }

    private static string SiteYaml() =>
        "title: PeerCommons benchmark corpus\n" +
        "tagline: \"A generated corpus for timing builds; the prose is random and means nothing.\"\n" +
        "repo_url: https://github.com/peercommons/peercommons\n" +
        "help_link:\n  url: pages/help/\n  text: Need help now?\n" +
        "quick_exit_url: https://www.bbc.co.uk/weather\n" +
        "language: en-GB\n" +
        "feed_entries: 20\n";

    private string SourcesYaml()
    {
        var sb = new StringBuilder("# Generated bibliography (bench/CorpusGenerator).\n\n");
        foreach (var s in corpus.Sources)
        {
            sb.Append(s.Key).Append(":\n");
            sb.Append("  authors: [").Append(string.Join(", ", s.Authors.Select(Quote))).Append("]\n");
            sb.Append("  year: ").Append(s.Year.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("  title: ").Append(Quote(s.Title)).Append('\n');
            sb.Append("  venue: ").Append(Quote(s.Venue)).Append('\n');
            if (s.Doi is not null) sb.Append("  doi: ").Append(s.Doi).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    // ---- Hugo ---------------------------------------------------------------------------------

    public int WriteHugo(string root)
    {
        foreach (var sub in new[] { "content", "data" })
            if (Directory.Exists(Path.Combine(root, sub))) Directory.Delete(Path.Combine(root, sub), recursive: true);
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(content);
        Directory.CreateDirectory(Path.Combine(root, "data"));
        var files = 0;
        Write(Path.Combine(root, "data", "sources.yaml"), SourcesYaml()); files++;
        foreach (var (section, title) in new[] { ("projects", "Projects"), ("values", "Values"), ("history", "History"), ("curricula", "Curricula"), ("communities", "Communities"), ("pages", "Pages") })
        {
            Write(Path.Combine(content, section, "_index.md"), $"---\ntitle: {title}\n---\n"); files++;
        }
        // Annotations are shown on their target's page, not as pages of their own (as in PeerCommons).
        Write(Path.Combine(content, "annotations", "_index.md"), "---\ntitle: Annotations\n_build:\n  render: never\ncascade:\n  _build:\n    render: never\n    list: always\n---\n"); files++;
        Write(Path.Combine(content, "annotates", "_index.md"), "---\ntitle: Annotated entries\n_build:\n  render: never\ncascade:\n  _build:\n    render: never\n---\n"); files++;
        Write(Path.Combine(content, "sources", "_index.md"), "---\ntitle: Sources\nlayout: sources\n---\n"); files++;
        foreach (var e in corpus.Entries)
        {
            var sb = new StringBuilder("---\n");
            foreach (var (name, value) in HugoFrontMatter(e)) AppendYaml(sb, name, value);
            sb.Append("---\n\n").Append(HugoBody(e.Body));
            var path = e.Kind == "curriculum" ? $"curricula/{e.Id}/_index.md" : e.Path;
            Write(Path.Combine(content, path), sb.ToString());
            files++;
        }
        return files;
    }

    private string HugoPath(string key)
    {
        var e = _byKey[key];
        return "/" + (e.Kind == "curriculum" ? $"curricula/{e.Id}/_index.md" : e.Path);
    }

    private IEnumerable<(string, object)> HugoFrontMatter(Entry e)
    {
        yield return ("key", e.Key);
        yield return ("kind", e.Kind);
        foreach (var (name, value) in e.FrontMatter)
        {
            switch (name)
            {
                case "updated": yield return ("lastmod", value); break;
                case "date": yield return ("event_date", ((Raw)value).Text); break;          // Hugo's date must be a full date
                case "aliases": yield return ("aliases", ((List<string>)value).Select(a => "/" + a + "/").ToList()); break;
                case "related" or "values": yield return (name, ((List<string>)value).Select(HugoPath).ToList()); break;
                case "target":
                    var key = ((string)value).Split('#')[0];
                    yield return ("target", value);
                    yield return ("annotates", new List<string> { Term(key) });
                    break;
                default: yield return (name, value); break;
            }
        }
        if (e.Kind == "module") { yield return ("slug", e.Id); yield return ("weight", new Raw(e.ModuleNumber.ToString(CultureInfo.InvariantCulture))); }
        if (e.Kind == "annotation" && !e.FrontMatter.Any(f => f.Name == "title")) yield return ("title", "Annotation");
    }

    /// <summary>The taxonomy term for a target key (terms may not hold '/').</summary>
    public static string Term(string key) => key.Replace('/', '_');

    [GeneratedRegex(@"\[([^\]]*)\]\(xref:([^)#]+)(#[^)]+)?\)")]
    private static partial Regex XrefPattern();

    [GeneratedRegex(@"\[(@[^\]]+)\]")]
    private static partial Regex CitationPattern();

    private string HugoBody(string body)
    {
        body = XrefPattern().Replace(body, m =>
        {
            var key = m.Groups[2].Value;
            var text = m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : _byKey[key].Title;
            return $"[{text}]({{{{< relref \"{HugoPath(key)}{m.Groups[3].Value}\" >}}}})";
        });
        body = CitationPattern().Replace(body, m =>
        {
            var parts = m.Groups[1].Value.Split(';', StringSplitOptions.TrimEntries).Select(p =>
            {
                var comma = p.IndexOf(',');
                var key = (comma < 0 ? p : p[..comma])[1..];
                var locator = comma < 0 ? "" : p[(comma + 1)..].Trim();
                return locator.Length == 0 ? $"{{{{< cite \"{key}\" >}}}}" : $"{{{{< cite \"{key}\" \"{locator}\" >}}}}";
            });
            return "(" + string.Join("; ", parts) + ")";
        });
        return body.Replace(":::facilitator\n", "{{% facilitator %}}\n").Replace("\n:::\n", "\n{{% /facilitator %}}\n");
    }

    // ---- YAML ---------------------------------------------------------------------------------

    private static void AppendYaml(StringBuilder sb, string name, object value)
    {
        if (name.StartsWith("__", StringComparison.Ordinal)) return;
        sb.Append(name).Append(':');
        switch (value)
        {
            case Raw raw: sb.Append(' ').Append(raw.Text).Append('\n'); break;
            case string s: sb.Append(' ').Append(Quote(s)).Append('\n'); break;
            case List<string> list when name == "objectives":
                sb.Append('\n');
                foreach (var item in list) sb.Append("  - ").Append(Quote(item)).Append('\n');
                break;
            case List<string> list:
                sb.Append(" [").Append(string.Join(", ", list.Select(i => i.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '/') ? i : Quote(i)))).Append("]\n");
                break;
            default: throw new InvalidOperationException($"cannot write {name}");
        }
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Utf8);
    }
}
