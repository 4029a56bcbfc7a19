using System.Text.RegularExpressions;
using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Load;

/// <summary>Reads content/sources.yaml: a mapping from citation key to a work.</summary>
public static partial class BibliographyReader
{
    private static readonly string[] Known = ["authors", "year", "title", "venue", "doi", "url", "licence", "note", "editor_notes", "cited_in"];

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    public static Dictionary<string, Source> Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        if (!OrdinaryFile.Exists(fullPath)) return sources;
        var text = TextFileReader.Read(fullPath, displayPath, diagnostics);
        if (text is null) return sources;
        var root = YamlTreeReader.Read(text, displayPath, 0, diagnostics);
        if (root is null) return sources;
        if (root is not YMapping works)
        {
            diagnostics.Error(displayPath, root.Line, root.Column, Codes.FrontMatterNotMapping, "sources.yaml must map each key to a work: 'smith-2010:' then indented 'title: ...'");
            return sources;
        }

        var citedIn = new List<(string Key, YScalar Value)>();
        foreach (var (key, node) in works.Entries.Select(e => (e.Key, e.Value)))
        {
            if (!KeyPattern().IsMatch(key.Value))
                diagnostics.Error(displayPath, key.Line, key.Column, Codes.InvalidId, $"source key '{key.Value}' must be lower-case words joined by hyphens, such as 'smith-2010'");
            if (node is not YMapping fields)
            {
                diagnostics.Error(displayPath, node.Line, node.Column, Codes.WrongType, $"source '{key.Value}' must have indented fields (authors, year, title...)");
                continue;
            }
            string? Field(string name)
            {
                var value = fields.Find(name)?.Value;
                if (value is null || value is YScalar { IsNull: true }) return null;
                if (value is YScalar s) return s.Value.Trim();
                diagnostics.Error(displayPath, value.Line, value.Column, Codes.WrongType, $"'{name}' of source '{key.Value}' must be a single value");
                return null;
            }
            foreach (var unknown in fields.Entries.Where(f => !Known.Contains(f.Key.Value)))
                diagnostics.Error(displayPath, unknown.Key.Line, unknown.Key.Column, Codes.UnknownField,
                    $"unknown field '{unknown.Key.Value}' in source '{key.Value}'{Suggest.DidYouMean(unknown.Key.Value, Known)}");

            var authors = fields.Find("authors")?.Value switch
            {
                YSequence list => list.Items.OfType<YScalar>().Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList(),
                YScalar { IsNull: false } one => [one.Value.Trim()],
                _ => new List<string>(),
            };
            var title = Field("title");
            if (title is null)
                diagnostics.Error(displayPath, key.Line, key.Column, Codes.MissingField, $"source '{key.Value}' has no 'title'");
            var url = Field("url");
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                diagnostics.Error(displayPath, fields.Find("url")!.Value.Line, fields.Find("url")!.Value.Column, Codes.InvalidUrl, $"'url' of source '{key.Value}' must start with https://");
                url = null;
            }
            var doi = Field("doi");
            if (doi is not null) doi = Regex.Replace(doi, @"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", RegexOptions.IgnoreCase);
            if (fields.Find("note")?.Value is YScalar { IsNull: false } note)
                EditorialWording.CheckText(note.Value, $"the note of source '{key.Value}'", displayPath, note.Line, note.Column, diagnostics);
            if (Field("cited_in") is not null) citedIn.Add((key.Value, (YScalar)fields.Find("cited_in")!.Value));
            sources[key.Value] = new Source(key.Value, authors, Field("year") ?? "n.d.", title ?? key.Value,
                Field("venue"), doi, url, Field("licence"), Field("note"));
        }
        LinkCitedIn(sources, citedIn, displayPath, diagnostics);
        return sources;
    }

    /// <summary>Gives each work its cited_in work, once that names another work and makes no loop.</summary>
    private static void LinkCitedIn(Dictionary<string, Source> sources, List<(string Key, YScalar Value)> citedIn, string displayPath, DiagnosticBag diagnostics)
    {
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in citedIn) next[key] = value.Value.Trim(); // a duplicated key is reported elsewhere (PC0011)
        var valid = new List<(string Key, string Other)>();
        foreach (var (key, value) in citedIn)
        {
            var other = next[key];
            string? problem = null;
            if (other == key)
                problem = $"source '{key}' cannot be cited in itself: 'cited_in' names the work through which you know this one";
            else if (!sources.ContainsKey(other))
                problem = $"'cited_in' of source '{key}' names '{other}', which is not in sources.yaml: add that work, or correct the key{Suggest.DidYouMean(other, sources.Keys)}";
            else if (Loop(key, next) is { } loop)
                problem = $"'cited_in' of source '{key}' makes a loop ({string.Join(" -> ", loop)}): a work must be known through one that was read at first hand";
            if (problem is null) valid.Add((key, other));
            else diagnostics.Error(displayPath, value.Line, value.Column, Codes.BadCitedIn, problem);
        }
        // Only the cited work's author, year and title are shown, so linking to the first instance is enough.
        var originals = new Dictionary<string, Source>(sources, StringComparer.Ordinal);
        foreach (var (key, other) in valid) sources[key] = originals[key] with { CitedIn = originals[other] };
    }

    /// <summary>The chain from <paramref name="start"/> back to itself, or null when following cited_in ends.</summary>
    private static List<string>? Loop(string start, Dictionary<string, string> next)
    {
        var chain = new List<string> { start };
        for (var current = start; next.TryGetValue(current, out var other) && chain.Count <= next.Count;)
        {
            chain.Add(other);
            if (other == start) return chain;
            if (chain.IndexOf(other) < chain.Count - 1) return null; // a loop that does not pass through start: reported for its members
            current = other;
        }
        return null;
    }
}
