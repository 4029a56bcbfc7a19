namespace PeerCommons.Markdown.Extensions.Sanitizer;

/// <summary>Which URLs contributor content may use.</summary>
public static class UrlSafety
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>Relative links, fragments, http(s) and mailto are safe; javascript:, data:, vbscript: and the rest are not.</summary>
    public static bool IsSafeLink(string? url)
    {
        if (url is null) return true;
        var cleaned = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon < 0) return true;
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (firstDelimiter >= 0 && firstDelimiter < colon) return true; // the colon is in a path or query
        var scheme = cleaned[..colon].ToLowerInvariant();
        return SafeSchemes.Contains(scheme) || scheme == "xref";
    }

    /// <summary>True for addresses on another host, which the site must never load by itself.</summary>
    public static bool IsExternal(string? url)
    {
        if (url is null) return false;
        var trimmed = url.Trim();
        return trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Contains(':');
    }
}
