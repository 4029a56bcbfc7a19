using System.Text;
using System.Text.Json;

namespace PeerCommons.Search.Tests;

/// <summary>Each pipeline function against lunr.js's own, run with Node on inputs generated here.</summary>
public class PipelineTests
{
    /// <summary>A generated word list: the corpus vocabulary, every stem × suffix combination, random
    /// letter strings (biased to the letters Porter's rules test), leading-y words and non-ASCII words.</summary>
    internal static List<string> StemmerWordList()
    {
        var words = new List<string>(Corpus.Words);
        string[] stems = ["connect", "relat", "rat", "nation", "hop", "fil", "sens", "form", "agr", "generaliz",
            "y", "yell", "tr", "cr", "sky", "bak", "effect", "dig", "happ", "adopt", "cooper", "ss", "cat", "fizz",
            "controll", "rol", "caress", "pon", "ti", "feed", "plaster", "bl", "motor", "sing", "conflat", "troubl",
            "siz", "fail", "aband", "oe", "eed", "b", "ab", "abc", "ion", "tion", "sion", "ement"];
        string[] suffixes = ["", "s", "es", "ies", "sses", "ss", "ed", "eed", "ing", "ly", "y", "ational", "tional",
            "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism",
            "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti",
            "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize", "sion", "tion", "e", "ll", "at", "bl", "iz", "ated",
            "ating", "ements", "fully", "nesses", "ably", "ingly", "edly"];
        foreach (var s in stems) foreach (var x in suffixes) words.Add(s + x);

        var rng = new Prng(20240917);
        const string letters = "aeiouybcdfglmnprstvwxzeeiilnnrssttyy";
        for (int i = 0; i < 6000; i++)
        {
            int len = 1 + rng.Next(11);
            var sb = new StringBuilder();
            for (int k = 0; k < len; k++) sb.Append(letters[rng.Next(letters.Length)]);
            if (rng.Chance(40)) sb.Append(rng.Pick(suffixes));
            words.Add(sb.ToString());
        }
        words.AddRange(["café", "cafés", "māori", "öffnung", "öffnungen", "naïve", "naïveté", "über", "résumé",
            "résumés", "señor", "straße", "çalışma", "ελληνικά", "привет", "東京", "y", "ys", "yy", "yyy", "yes", "yied",
            "ied", "sses", "ies", "eed", "ing", "ed", "s", "", "_", "x_y", "1984s", "ab'", "it's", "john's", "e.g",
            "yeses", "yay", "yaying", "'yes'"]);
        return words.Distinct().ToList();
    }

    [Fact]
    public void Stemmer_MatchesLunrOnGeneratedWordList()
    {
        var words = StemmerWordList();
        Assert.True(words.Count > 9000, $"word list too small: {words.Count}");
        var expected = Node.Functions<string>("stem", words);
        var mismatches = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            var actual = PorterStemmer.Stem(words[i]);
            if (actual != expected[i]) mismatches.Add($"{words[i]}: lunr '{expected[i]}', ours '{actual}'");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {words.Count} stems differ:\n" + string.Join("\n", mismatches.Take(40)));
    }

    internal static List<string> TokenizerTexts()
    {
        var rng = new Prng(77);
        var texts = new List<string>
        {
            "", " ", "-", "--a--b--", "Hello World", "  leading and trailing  ", "tab\tseparated\nlines\r\nand\fform\vfeed",
            "well-known co-op", "non\u00a0breaking\u2003em\u3000ideographic\ufeffbom", "line\u2028sep\u2029para",
            "\u0085next-line\u180emongolian", "İstanbul ΟΔΟΣ Σ ΣΑΣ", "Ünïcödé café Māori Öffnung", "a\u200bzero-width",
            "\ud801\udc00 deseret \ud83d\ude00 emoji", "mixed CASE Words AND Stop words",
        };
        for (int i = 0; i < 200; i++) texts.Add(Corpus.Paragraphs(rng, 1 + rng.Next(4)));
        return texts;
    }

    [Fact]
    public void Tokenizer_MatchesLunr()
    {
        var texts = TokenizerTexts();
        var expected = Node.Functions<JsonElement>("tokenize", texts);
        for (int i = 0; i < texts.Count; i++)
        {
            var actual = Tokenizer.Tokenize(texts[i]);
            var exp = expected[i].EnumerateArray().Select(t => (t[0].GetString()!, t[1].GetInt32(), t[2].GetInt32(), t[3].GetInt32())).ToList();
            Assert.Equal(exp, actual.Select(t => (t.Text, t.Start, t.Length, t.Index)).ToList());
        }
    }

    internal static List<string> TrimmerTokens()
    {
        var tokens = new List<string>
        {
            "", "a", "...", "&", "word", "word.", ".word", "(word)", "\"quoted\"", "it's", "'tis", "x_y", "_under_",
            "c++", "#tag", "50%", "$100", "e.g.", "u.s.", "a/b", "http://example.org/path", "3.5", "007", "yes!", "why?",
            "“curly”", "‘single’", "«guillemets»", "—dash—", "…", "word…", "¿qué?", "¡hola!", "café", "café.", "(café)",
            "māori", "öffnung", "éclair", "naïve", "über", "x²", "½", "٣", "\u0301accent", "cafe\u0301", "\ud83d\ude00", "\ud83d\ude00word\ud83d\ude00",
            "\ud801\udc28x", "x\ud801", "\udc00x", "東京", "привет!", "×", "÷word", "•bullet", "§1", "©2024",
        };
        var rng = new Prng(5);
        for (int i = 0; i < 300; i++) tokens.AddRange(Tokenizer.Tokenize(Corpus.Sentence(rng, 8)).Select(t => t.Text));
        return tokens.Distinct().ToList();
    }

    [Fact]
    public void Trimmer_LunrMode_MatchesLunrOnAllInputs()
    {
        var tokens = TrimmerTokens();
        var expected = Node.Functions<string>("trim", tokens);
        for (int i = 0; i < tokens.Count; i++)
            Assert.True(expected[i] == Trimmer.Trim(tokens[i], TrimmerMode.Lunr), $"token '{tokens[i]}': lunr '{expected[i]}', ours '{Trimmer.Trim(tokens[i], TrimmerMode.Lunr)}'");
    }

    [Fact]
    public void Trimmer_UnicodeMode_MatchesLunrExceptWhereLettersAreKept()
    {
        var tokens = TrimmerTokens();
        var expected = Node.Functions<string>("trim", tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            string ours = Trimmer.Trim(tokens[i], TrimmerMode.Unicode);
            if (Ascii.IsValid(tokens[i]))
            {
                Assert.True(expected[i] == ours, $"ASCII token '{tokens[i]}': lunr '{expected[i]}', ours '{ours}'");
            }
            else
            {
                // ours keeps at least what lunr keeps, and only differs by keeping non-ASCII word characters
                Assert.Contains(expected[i], ours);
            }
        }
        Assert.Equal("café", Trimmer.Trim("café.", TrimmerMode.Unicode));
        Assert.Equal("caf", Trimmer.Trim("café.", TrimmerMode.Lunr));
        Assert.Equal("māori", Trimmer.Trim("(māori)", TrimmerMode.Unicode));
        Assert.Equal("öffnung", Trimmer.Trim("«öffnung»", TrimmerMode.Unicode));
        Assert.Equal("curly", Trimmer.Trim("“curly”", TrimmerMode.Unicode));
        Assert.Equal("cafe\u0301", Trimmer.Trim("cafe\u0301", TrimmerMode.Unicode));
        Assert.Equal("word", Trimmer.Trim("\ud83d\ude00word\ud83d\ude00", TrimmerMode.Unicode));
        Assert.Equal("x", Trimmer.Trim("x\ud801", TrimmerMode.Unicode));
    }

    [Fact]
    public void StopWordFilter_MatchesLunr()
    {
        var candidates = new List<string>(Corpus.Words);
        candidates.AddRange(StopWordFilter.Words);
        candidates.AddRange(["", "constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "A", "The", "ands", "tis", "twas", "i", "o"]);
        candidates = candidates.Distinct().ToList();
        var expected = Node.Functions<bool>("stopword", candidates);
        for (int i = 0; i < candidates.Count; i++)
            Assert.True(expected[i] == StopWordFilter.IsStopWord(candidates[i]), $"'{candidates[i]}': lunr stop word = {expected[i]}");
        Assert.Equal(119, StopWordFilter.Words.Length);
    }

    [Fact]
    public void WholePipeline_MatchesLunr_ForAsciiText()
    {
        var texts = TokenizerTexts().Where(t => Ascii.IsValid(t)).ToList();
        var expected = Node.Functions<string[]>("pipeline", texts);
        for (int i = 0; i < texts.Count; i++)
        {
            var ours = Tokenizer.Tokenize(texts[i])
                .Select(t => Trimmer.Trim(t.Text, TrimmerMode.Unicode))
                .Where(t => !StopWordFilter.IsStopWord(t))
                .Select(PorterStemmer.Stem)
                .ToArray();
            Assert.Equal(expected[i], ours);
        }
    }

    [Fact]
    public void ToLower_MatchesJavaScriptForEveryBmpCharacter()
    {
        var inputs = new List<string>();
        for (int c = 0; c < 0x10000; c++)
        {
            if (c >= 0xD800 && c <= 0xDFFF) continue;
            inputs.Add(((char)c).ToString());
        }
        // contexts for the final-sigma rule and supplementary characters
        inputs.AddRange(["ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ", "Σ", "ΑΣ.", "Α'Σ", "ΣΑ", "ΑΣΑ", "A\u0301Σ", "\ud801\udc00\ud801\udc01", "\ud83d\ude00", "ΑΣ1", "İI"]);
        var expected = Node.Functions<string>("lower", inputs);
        var mismatches = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var ours = JsText.ToLower(inputs[i]);
            if (ours != expected[i]) mismatches.Add($"U+{(int)inputs[i][0]:X4} '{inputs[i]}': js '{expected[i]}' ({string.Join(" ", expected[i].Select(c => ((int)c).ToString("X4")))}), ours '{ours}'");
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ:\n" + string.Join("\n", mismatches.Take(40)));
    }

    [Fact]
    public void Log_IsBitIdenticalToV8()
    {
        var rng = new Prng(99);
        var inputs = new List<double> { 1, 2, Math.E, 10, 0.5, 1e-300, 5e-324, 1.7976931348623157e308, 1.0000001, 0.9999999 };
        for (int n = 1; n <= 3000; n += 1 + rng.Next(7))
            for (int d = 1; d <= n; d += 1 + rng.Next(n / 10 + 1))
                inputs.Add(1 + Math.Abs((n - d + 0.5) / (d + 0.5)));
        for (int i = 0; i < 3000; i++) inputs.Add(BitConverter.Int64BitsToDouble((long)(rng.Next() >> 2)));
        inputs = inputs.Where(x => double.IsFinite(x) && x > 0).ToList();
        var expected = Node.Functions<double>("log", inputs.Cast<object>());
        int differ = 0;
        string first = "";
        for (int i = 0; i < inputs.Count; i++)
        {
            if (BitConverter.DoubleToInt64Bits(JsMath.Log(inputs[i])) != BitConverter.DoubleToInt64Bits(expected[i]))
            {
                if (differ++ == 0) first = $"log({inputs[i]:R}): V8 {expected[i]:R}, ours {JsMath.Log(inputs[i]):R}";
            }
        }
        Assert.True(differ == 0, $"{differ} of {inputs.Count} differ; first {first}");
    }

    [Fact]
    public void NumberFormatting_MatchesJavaScript()
    {
        var values = new List<double> { 0, 1, -1, 0.1, 0.001, 1.234, 12.5, 100, 1e-6, 1e-7, 1.5e-7, 123e-20, 1e20, 1e21, 1.5e21, 123456789012345680000.0,
            1e15, 1e16, 0.000001234, 2.5e-5, 4.35, 0.30000000000000004, 1.7976931348623157e308, 5e-324, -1e-7, -2.5e22, 9007199254740993 };
        var rng = new Prng(3);
        for (int i = 0; i < 2000; i++)
        {
            values.Add(JsMath.RoundTo3(rng.Next(1_000_000) / 997.0));
            values.Add(BitConverter.Int64BitsToDouble((long)(rng.Next() >> 1)));
        }
        values = values.Where(double.IsFinite).ToList();
        var expected = Node.Functions<string>("numberString", values.Cast<object>());
        for (int i = 0; i < values.Count; i++)
            Assert.True(expected[i] == JsMath.FormatNumber(values[i]), $"{values[i]:R}: js '{expected[i]}', ours '{JsMath.FormatNumber(values[i])}'");

        // the writer's fast path for scores
        for (int i = 0; i < values.Count; i++)
        {
            using var ms = new MemoryStream();
            using (var w = new JsonOut(ms)) w.Score(values[i]);
            Assert.Equal(expected[i], Encoding.UTF8.GetString(ms.ToArray()));
        }
    }

    [Fact]
    public void MathRound_RoundsHalfUpLikeJavaScript()
    {
        Assert.Equal(3, JsMath.Round(2.5));
        Assert.Equal(-2, JsMath.Round(-2.5));
        Assert.Equal(0, JsMath.Round(0.49999999999999994));
        Assert.Equal(1.235, JsMath.RoundTo3(1.2345));
    }
}
