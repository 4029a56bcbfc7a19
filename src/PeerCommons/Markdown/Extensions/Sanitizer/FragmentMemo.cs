namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>
/// Sanitizes each distinct fragment of one document once. A page made of thousands of copies of
/// one tag (a hostile or generated file) then costs one sanitizer run per distinct tag; each copy
/// still gets its warnings, at its own position.
/// </summary>
internal sealed class FragmentMemo
{
    private readonly Dictionary<string, (string Clean, (int Line, string Message)[] Reports)> _done = new(StringComparer.Ordinal);

    public string Sanitize(string html, Action<int, string> report)
    {
        if (!_done.TryGetValue(html, out var result))
        {
            var reports = new List<(int, string)>();
            var clean = HtmlFragmentSanitizer.Sanitize(html, (line, message) => reports.Add((line, message)));
            _done[html] = result = (clean, reports.ToArray());
        }
        foreach (var (line, message) in result.Reports) report(line, message);
        return result.Clean;
    }
}
