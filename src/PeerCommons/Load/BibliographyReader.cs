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
            sources[key.Value] = new Source(key.Value, authors, Field("year") ?? "n.d.", title ?? key.Value,
                Field("venue"), doi, url, Field("licence"), Field("note"));
        }
        return sources;
    }
}
