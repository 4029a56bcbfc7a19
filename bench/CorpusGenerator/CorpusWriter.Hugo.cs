using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

/// <summary>The same corpus as a Hugo site: content/ with shortcodes for xrefs, citations and notes, and data/.</summary>
internal sealed partial class CorpusWriter
{
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

}
