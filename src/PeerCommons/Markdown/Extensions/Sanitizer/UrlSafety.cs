namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>Which URLs contributor content may use.</summary>
public static class UrlSafety
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel", "xref"];

    /// <summary>The schemes a link may use; anything else with a scheme (javascript:, data:, vbscript:) is unsafe.</summary>
    public static IReadOnlyList<string> Schemes => SafeSchemes;

    /// <summary>
    /// Relative links, fragments, http(s), mailto and tel are safe; javascript:, data:, vbscript: and the rest are not.
    /// Text before the first ':' is a scheme only if it is one by the URL standard (a letter, then letters, digits,
    /// '+', '-' or '.'), as browsers read it: in <c>foo):</c> it is not, so that link is relative.
    /// </summary>
    public static bool IsSafeLink(string? url)
    {
        if (url is null) return true;
        // Browsers drop control characters and whitespace inside a scheme ("java\tscript:"), so judge it without them.
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var scheme = cleaned[..colon];
        if (!IsScheme(scheme)) return true; // the colon is in a path, query or fragment
        return SafeSchemes.Contains(scheme.ToLowerInvariant());
    }

    private static bool IsScheme(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');

    /// <summary>True for addresses on another host, which the site must never load by itself.</summary>
    public static bool IsExternal(string? url)
    {
        if (url is null) return false;
        var trimmed = url.Trim();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith(@"\\", StringComparison.Ordinal)
               || trimmed.StartsWith("/\\", StringComparison.Ordinal) || trimmed.StartsWith("\\/", StringComparison.Ordinal) || trimmed.Contains(':');
    }
}
