using System.Globalization;
using System.Text;

/// <summary>Writes the corpus as a PeerCommons content folder (site.yaml, sources.yaml, one Markdown file an entry).</summary>
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
