using System.Text;

namespace PeerCommons.Load;

/// <summary>
/// Characters no text field may hold: the invisible control characters U+0000 to U+001F other than
/// tab and line feed, the non-characters U+FFFE and U+FFFF, and halves of a surrogate pair with no
/// partner. XML (the feeds) cannot carry them at all, and on a page they are never meant.
/// </summary>
public static class ForbiddenCharacters
{
    /// <summary>The index of the first forbidden character, or -1.</summary>
    public static int IndexOf(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i)) i++;
            else if (IsForbidden(text[i])) return i;
        }
        return -1;
    }

    /// <summary>The text with each forbidden character replaced by U+FFFD (the replacement character).</summary>
    public static string Replace(string text)
    {
        var first = IndexOf(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsPair(text, i)) sb.Append(text, i++, 2);
            else sb.Append(IsForbidden(text[i]) ? '\uFFFD' : text[i]);
        }
        return sb.ToString();
    }

    /// <summary>A whole surrogate pair (one character such as an emoji) starts at <paramref name="i"/>.</summary>
    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);

    /// <summary>Forbidden on its own (a surrogate is forbidden unless it is part of a pair, which callers check first).</summary>
    private static bool IsForbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);

    /// <summary>How a forbidden character is named in a message: "U+0001".</summary>
    public static string Name(char c) => $"U+{(int)c:X4}";
}
