namespace PeerCommons.Browser.Tests.Support;

/// <summary>
/// The [[headers]] rules of netlify.toml, read from the file (so the tests serve exactly what Netlify
/// sends, never a copy). Only the subset of TOML that file uses: [[headers]] tables with a for = "..."
/// pattern and a [headers.values] table of Key = "value" lines.
/// </summary>
public sealed class NetlifyHeaders
{
    private readonly List<(string Pattern, Dictionary<string, string> Values)> _rules = [];

    public static NetlifyHeaders Load(string path)
    {
        var result = new NetlifyHeaders();
        Dictionary<string, string>? values = null;
        string? pattern = null;
        var inValues = false;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('['))
            {
                inValues = false;
                if (line == "[[headers]]")
                {
                    pattern = null;
                    values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }
                else if (line == "[headers.values]" && values is not null)
                {
                    if (pattern is null) throw new FormatException("netlify.toml: [headers.values] before for = \"...\"");
                    result._rules.Add((pattern, values));
                    inValues = true;
                }
                else values = null;
                continue;
            }
            if (values is null) continue;
            var eq = line.IndexOf('=');
            if (eq < 0) continue;
            var key = line[..eq].Trim();
            var value = Unquote(line[(eq + 1)..].Trim());
            if (!inValues && key == "for") pattern = value;
            else if (inValues) values[key] = value;
        }
        if (result._rules.Count == 0) throw new FormatException($"no [[headers]] rules found in {path}");
        return result;
    }

    /// <summary>All headers whose rule matches the site path (e.g. "/assets/site.css").</summary>
    public Dictionary<string, string> For(string sitePath)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, values) in _rules)
            if (Matches(pattern, sitePath))
                foreach (var (k, v) in values) headers[k] = v;
        return headers;
    }

    public string ContentSecurityPolicy =>
        For("/").TryGetValue("Content-Security-Policy", out var csp) ? csp
            : throw new InvalidOperationException("netlify.toml sends no Content-Security-Policy for /*");

    private static bool Matches(string pattern, string path) =>
        pattern.EndsWith('*') ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : path == pattern;

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"')
        {
            var end = value.LastIndexOf('"');
            return value[1..end].Replace("\\\"", "\"").Replace("\\\\", "\\");
        }
        return value;
    }
}
