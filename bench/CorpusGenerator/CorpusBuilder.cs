using System.Text;
using PeerCommons.Bench.Corpus;

/// <summary>Plans the corpus: sources, entries with their keys and paths, headings; then fills each entry.</summary>
internal sealed partial class CorpusBuilder(int entries, ulong seed)
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
