using System.Buffers;

namespace PeerCommons.Render;

/// <summary>HTML escaping for text placed in templates. Non-ASCII letters are kept as they are.</summary>
public static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0) return text;
        // Measured first, then written once into a string of the right length (titles, summaries and
        // links of every page pass through here: no builder to grow and copy).
        var length = text.Length;
        foreach (var c in text.AsSpan(first)) length += Replacement(c)?.Length - 1 ?? 0;
        return string.Create(length, (text, first), static (output, state) =>
        {
            var (text, first) = state;
            text.AsSpan(0, first).CopyTo(output);
            var at = first;
            foreach (var c in text.AsSpan(first))
            {
                if (Replacement(c) is { } entity)
                {
                    entity.CopyTo(output[at..]);
                    at += entity.Length;
                }
                else output[at++] = c;
            }
        });
    }

    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'");

    private static string? Replacement(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    };
}
