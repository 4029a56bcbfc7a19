using System.Text;

namespace PeerCommons.Search;

/// <summary>How tokens are trimmed of non-word characters at both ends.</summary>
public enum TrimmerMode
{
    /// <summary>
    /// Default. Trims everything that is not a Unicode letter, combining mark, number or connector
    /// punctuation from both ends, so "café", "Māori" and "Öffnung" keep their letters. Identical to
    /// lunr.js for ASCII text.
    /// </summary>
    Unicode = 0,

    /// <summary>Exactly lunr.js 2.3.9's trimmer: <c>/^\W+/</c> and <c>/\W+$/</c> with ASCII <c>\W</c>
    /// ("café" becomes "caf"). Useful to reproduce lunr's output byte for byte on any text.</summary>
    Lunr = 1,
}

/// <summary>The trimmer pipeline function.</summary>
internal static class Trimmer
{
    /// <summary>Returns the trimmed slice of <paramref name="token"/>.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token, TrimmerMode mode)
    {
        var (start, length) = TrimRange(token, mode);
        return token.Slice(start, length);
    }

    public static string Trim(string token, TrimmerMode mode)
    {
        var (start, length) = TrimRange(token, mode);
        return start == 0 && length == token.Length ? token : token.Substring(start, length);
    }

    public static (int Start, int Length) TrimRange(ReadOnlySpan<char> s, TrimmerMode mode)
    {
        int start = 0, end = s.Length;
        if (mode == TrimmerMode.Lunr)
        {
            while (start < end && !JsText.IsAsciiWordChar(s[start])) start++;
            while (end > start && !JsText.IsAsciiWordChar(s[end - 1])) end--;
            return (start, end - start);
        }

        while (start < end)
        {
            char c = s[start];
            if (c < 0x80)
            {
                if (JsText.IsAsciiWordChar(c)) break;
                start++;
                continue;
            }
            Rune.DecodeFromUtf16(s[start..end], out var rune, out int used);
            if (JsText.IsUnicodeWordCodePoint(rune.Value) && !(used == 1 && char.IsSurrogate(c))) break;
            start += used;
        }
        while (end > start)
        {
            char c = s[end - 1];
            if (c < 0x80)
            {
                if (JsText.IsAsciiWordChar(c)) break;
                end--;
                continue;
            }
            Rune.DecodeLastFromUtf16(s[start..end], out var rune, out int used);
            if (JsText.IsUnicodeWordCodePoint(rune.Value) && !(used == 1 && char.IsSurrogate(c))) break;
            end -= used;
        }
        return (start, end - start);
    }
}

/// <summary>lunr.js's English stop-word filter (its list of 119 words, exact match).</summary>
internal static class StopWordFilter
{
    internal static readonly string[] Words =
    [
        "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does",
        "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers",
        "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
        "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often",
        "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
        "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to", "too",
        "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "yet", "you", "your",
    ];

    private static readonly HashSet<string> Set = new(Words, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpanSet = Set.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(ReadOnlySpan<char> term) => term.Length <= 8 && SpanSet.Contains(term);
}
