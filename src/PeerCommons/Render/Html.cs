using System.Text;

namespace PeerCommons.Render;

/// <summary>HTML escaping for text placed in templates. Non-ASCII letters are kept as they are.</summary>
public static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            });
            if (c is not ('&' or '<' or '>' or '"' or '\'')) builder.Append(c);
        }
        return builder.ToString();
    }
}
