namespace PeerCommons.Validate;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggest
{
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Only suggest what is plausibly a typo: at most a third of the word changed.
        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    /// <summary>Text to append to a message: " (did you mean 'summary'?)" or "".</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } near ? $"; did you mean '{near}'?" : "";

    internal static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64) return Math.Abs(a.Length - b.Length) + 64;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
