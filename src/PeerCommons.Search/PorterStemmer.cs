namespace PeerCommons.Search;

/// <summary>
/// The Porter stemmer with the exact behaviour of lunr.js 2.3.9's <c>lunr.stemmer</c>, quirks included.
/// </summary>
/// <remarks>
/// lunr expresses each step as a JavaScript regular expression. The semantics that matter, and which this
/// implementation reproduces without regular expressions:
/// <list type="bullet">
/// <item>Words shorter than 3 UTF-16 code units are returned unchanged.</item>
/// <item>A leading <c>y</c> is upper-cased to <c>Y</c> for the duration (so it counts as a consonant everywhere,
/// never a vowel) and lower-cased at the end.</item>
/// <item>"Consonant" means any code unit other than <c>aeiou</c> (so <c>y</c>, <c>Y</c> and every non-ASCII
/// character are consonants); a consonant <em>run</em> is one such unit followed by units outside <c>aeiouy</c>;
/// a vowel run is one unit of <c>aeiouy</c> followed by units of <c>aeiou</c>.</item>
/// <item>Each suffix list is matched as <c>^(.+?)(alt1|alt2|...)$</c>: the stem is the shortest non-empty
/// prefix whose remainder is in the list, i.e. the longest listed suffix that leaves at least one unit.
/// If that stem fails the measure test, shorter suffixes are not tried.</item>
/// </list>
/// </remarks>
internal static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
        ("logi", "log"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ];

    /// <summary>Stems one (already lower-cased, trimmed) term.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 3) return word;
        Span<char> initial = word.Length <= 128 ? stackalloc char[word.Length + 8] : new char[word.Length + 8];
        var buf = new StemBuffer(initial);
        buf.Set(word);
        bool leadingY = buf[0] == 'y';
        if (leadingY) buf[0] = 'Y';

        Step1A(ref buf);
        Step1B(ref buf);
        Step1C(ref buf);
        StepList(ref buf, Step2);
        StepList(ref buf, Step3);
        Step4Apply(ref buf);
        Step5(ref buf);

        if (leadingY) buf[0] = 'y';
        var result = buf.AsSpan();
        return result.SequenceEqual(word) ? word : new string(result);
    }

    private static void Step1A(ref StemBuffer w)
    {
        var s = w.AsSpan();
        // ^(.+?)(ss|i)es$ : "sses" -> "ss", "ies" -> "i", with a non-empty stem before the (ss|i).
        // Lazy stem means the longest alternative wins: "ss" (length 4 suffix) before "i" (length 3).
        if (s.Length >= 5 && s.EndsWith("sses"))
        {
            w.Length -= 2;
            return;
        }
        if (s.Length >= 4 && s.EndsWith("ies"))
        {
            w.Length -= 2;
            return;
        }
        // ^(.+?)([^s])s$ : drop a final s preceded by a non-s, with a non-empty stem before that.
        if (s.Length >= 3 && s[^1] == 's' && s[^2] != 's')
        {
            w.Length -= 1;
        }
    }

    private static void Step1B(ref StemBuffer w)
    {
        var s = w.AsSpan();
        if (s.Length >= 4 && s.EndsWith("eed"))
        {
            if (MeasureGreaterThan0(s[..^3])) w.Length -= 1;
            return;
        }

        int stemLength;
        if (s.Length >= 3 && s.EndsWith("ed")) stemLength = s.Length - 2;
        else if (s.Length >= 4 && s.EndsWith("ing")) stemLength = s.Length - 3;
        else return;

        if (!HasVowel(s[..stemLength])) return;
        w.Length = stemLength;
        s = w.AsSpan();
        if (s.EndsWith("at") || s.EndsWith("bl") || s.EndsWith("iz"))
        {
            w.Append('e');
        }
        else if (s.Length >= 2 && s[^1] == s[^2] && !IsIn(s[^1], "aeiouylsz"))
        {
            w.Length -= 1;
        }
        else if (IsCvcWord(s))
        {
            w.Append('e');
        }
    }

    private static void Step1C(ref StemBuffer w)
    {
        var s = w.AsSpan();
        // ^(.+?[^aeiou])y$
        if (s.Length >= 3 && s[^1] == 'y' && !IsIn(s[^2], "aeiou")) s[^1] = 'i';
    }

    private static void StepList(ref StemBuffer w, (string Suffix, string Replacement)[] list)
    {
        var s = w.AsSpan();
        int best = -1;
        for (int i = 0; i < list.Length; i++)
        {
            var suffix = list[i].Suffix;
            if (suffix.Length < s.Length && s.EndsWith(suffix) && (best < 0 || suffix.Length > list[best].Suffix.Length))
                best = i;
        }
        if (best < 0) return;
        var stem = s[..^list[best].Suffix.Length];
        if (!MeasureGreaterThan0(stem)) return;
        w.Length = stem.Length;
        w.Append(list[best].Replacement);
    }

    private static void Step4Apply(ref StemBuffer w)
    {
        var s = w.AsSpan();
        int bestLength = 0;
        foreach (var suffix in Step4)
        {
            if (suffix.Length < s.Length && suffix.Length > bestLength && s.EndsWith(suffix)) bestLength = suffix.Length;
        }
        if (bestLength > 0)
        {
            if (MeasureGreaterThan1(s[..^bestLength])) w.Length -= bestLength;
            return;
        }
        // ^(.+?)(s|t)(ion)$
        if (s.Length >= 5 && s.EndsWith("ion") && (s[^4] == 's' || s[^4] == 't'))
        {
            if (MeasureGreaterThan1(s[..^3])) w.Length -= 3;
        }
    }

    private static void Step5(ref StemBuffer w)
    {
        var s = w.AsSpan();
        // ^(.+?)e$
        if (s.Length >= 2 && s[^1] == 'e')
        {
            var stem = s[..^1];
            if (MeasureGreaterThan1(stem) || (MeasureEquals1(stem) && !IsCvcWord(stem))) w.Length -= 1;
        }
        s = w.AsSpan();
        if (s.Length >= 2 && s[^1] == 'l' && s[^2] == 'l' && MeasureGreaterThan1(s)) w.Length -= 1;
    }

    // ----- measure conditions -----
    // The patterns, with C = consonant run and V = vowel run as defined above:
    //   m>0 : ^(C)?VC         m>1 : ^(C)?VCVC      m=1 : ^(C)?VC(V)?$     vowel in stem : ^(C)?v
    // They are evaluated by a small backtracking matcher, because the runs' lengths are flexible
    // (a 'y' may start a run of either kind) and the answer must be exactly the regex answer.

    private enum Part : byte { ConsonantRun, VowelRun, OptionalConsonantRun, OptionalVowelRun, VowelChar, End }

    private static readonly Part[] Mgr0 = [Part.OptionalConsonantRun, Part.VowelRun, Part.ConsonantRun];
    private static readonly Part[] Mgr1 = [Part.OptionalConsonantRun, Part.VowelRun, Part.ConsonantRun, Part.VowelRun, Part.ConsonantRun];
    private static readonly Part[] Meq1 = [Part.OptionalConsonantRun, Part.VowelRun, Part.ConsonantRun, Part.OptionalVowelRun, Part.End];
    private static readonly Part[] SV = [Part.OptionalConsonantRun, Part.VowelChar];

    internal static bool MeasureGreaterThan0(ReadOnlySpan<char> s) => Matches(s, Mgr0, 0, 0);
    internal static bool MeasureGreaterThan1(ReadOnlySpan<char> s) => Matches(s, Mgr1, 0, 0);
    internal static bool MeasureEquals1(ReadOnlySpan<char> s) => Matches(s, Meq1, 0, 0);
    internal static bool HasVowel(ReadOnlySpan<char> s) => Matches(s, SV, 0, 0);

    private static bool Matches(ReadOnlySpan<char> s, Part[] pattern, int partIndex, int pos)
    {
        if (partIndex == pattern.Length) return true;
        switch (pattern[partIndex])
        {
            case Part.End:
                return pos == s.Length;
            case Part.VowelChar:
                return pos < s.Length && IsIn(s[pos], "aeiouy") && Matches(s, pattern, partIndex + 1, pos + 1);
            case Part.OptionalConsonantRun:
            case Part.OptionalVowelRun:
            case Part.ConsonantRun:
            case Part.VowelRun:
            {
                bool optional = pattern[partIndex] is Part.OptionalConsonantRun or Part.OptionalVowelRun;
                bool consonant = pattern[partIndex] is Part.OptionalConsonantRun or Part.ConsonantRun;
                if (pos < s.Length && (consonant ? !IsIn(s[pos], "aeiou") : IsIn(s[pos], "aeiouy")))
                {
                    // run of one head unit plus zero or more tail units; greedy first, as a regex would
                    int end = pos + 1;
                    while (end < s.Length && (consonant ? !IsIn(s[end], "aeiouy") : IsIn(s[end], "aeiou"))) end++;
                    for (int e = end; e > pos; e--)
                    {
                        if (Matches(s, pattern, partIndex + 1, e)) return true;
                    }
                }
                return optional && Matches(s, pattern, partIndex + 1, pos);
            }
            default:
                return false;
        }
    }

    /// <summary><c>^C v [^aeiouwxy]$</c>: one consonant run, one vowel unit, one final unit outside aeiouwxy.</summary>
    internal static bool IsCvcWord(ReadOnlySpan<char> s)
    {
        if (s.Length < 3) return false;
        if (IsIn(s[0], "aeiou")) return false;
        for (int i = 1; i < s.Length - 2; i++)
        {
            if (IsIn(s[i], "aeiouy")) return false;
        }
        return IsIn(s[^2], "aeiouy") && !IsIn(s[^1], "aeiouwxy");
    }

    private static bool IsIn(char c, string set) => c < 128 && set.Contains(c);

    private ref struct StemBuffer
    {
        private Span<char> _chars;
        public int Length;

        public StemBuffer(Span<char> initial)
        {
            _chars = initial;
            Length = 0;
        }

        public ref char this[int i] => ref _chars[i];

        public void Set(string s)
        {
            s.AsSpan().CopyTo(_chars);
            Length = s.Length;
        }

        public void Append(char c)
        {
            EnsureCapacity(Length + 1);
            _chars[Length++] = c;
        }

        public void Append(string s)
        {
            EnsureCapacity(Length + s.Length);
            s.AsSpan().CopyTo(_chars[Length..]);
            Length += s.Length;
        }

        private void EnsureCapacity(int n)
        {
            if (n <= _chars.Length) return;
            var bigger = new char[Math.Max(n, _chars.Length * 2)];
            _chars[..Length].CopyTo(bigger);
            _chars = bigger;
        }

        public readonly Span<char> AsSpan() => _chars[..Length];
    }
}
