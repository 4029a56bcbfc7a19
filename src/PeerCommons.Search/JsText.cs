using System.Buffers;
using System.Globalization;
using System.Text;

namespace PeerCommons.Search;

/// <summary>JavaScript-compatible text primitives: <c>\s</c>, <c>String.prototype.toLowerCase</c>, <c>\w</c>.</summary>
internal static class JsText
{
    /// <summary>True for a code unit matched by lunr's token separator <c>/[\s\-]+/</c> (JS <c>\s</c> or a hyphen-minus).</summary>
    public static bool IsSeparator(char c)
    {
        if (c <= ' ') return c == ' ' || (c >= '\t' && c <= '\r');
        if (c < 0x80) return c == '-';
        return IsJsWhiteSpaceNonAscii(c);
    }

    /// <summary>Every code unit <see cref="IsSeparator"/> matches, for <c>IndexOfAny</c>.</summary>
    public static readonly SearchValues<char> Separators =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsSeparator).ToArray());

    /// <summary>JS <c>\s</c> beyond ASCII: U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.</summary>
    private static bool IsJsWhiteSpaceNonAscii(char c) =>
        c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' ||
        c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';

    /// <summary>JS <c>\w</c> (without the u flag): <c>[A-Za-z0-9_]</c>.</summary>
    public static bool IsAsciiWordChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

    /// <summary>Lower-cases like JavaScript's <c>String.prototype.toLowerCase</c> (Unicode default case
    /// conversion, including the final-sigma rule and U+0130 → "i̇"). Text with nothing to lower is returned as is.</summary>
    public static string ToLower(string s)
    {
        char[]? buffer = null;
        var lowered = ToLower(s.AsSpan(), ref buffer);
        return buffer is null ? s : new string(lowered);
    }

    /// <summary>
    /// <see cref="ToLower(string)"/> into <paramref name="buffer"/>, grown when too small and kept by the caller
    /// for the next text: the index lowers every field of every document, and a new string each time was a
    /// tenth of the index's allocations. Returns <paramref name="s"/> itself when nothing needs lowering
    /// (leaving the buffer as it was); otherwise a slice of the buffer, valid until its next use.
    /// </summary>
    public static ReadOnlySpan<char> ToLower(ReadOnlySpan<char> s, ref char[]? buffer)
    {
        int first = 0;
        while (first < s.Length && s[first] < 0x80 && (uint)(s[first] - 'A') > 'Z' - 'A') first++;
        if (first == s.Length) return s;

        // U+0130 is the one code unit that lowers to two; everything else keeps its length.
        if (buffer is null || buffer.Length < 2 * s.Length) buffer = new char[Math.Max(2 * s.Length, 256)];
        var dst = buffer.AsSpan();
        s[..first].CopyTo(dst);
        int written = first;
        for (int i = first; i < s.Length;)
        {
            // ASCII runs in bulk; Ascii.ToLower stops at the first code unit beyond ASCII.
            Ascii.ToLower(s[i..], dst[written..], out int ascii);
            i += ascii;
            written += ascii;
            if (i == s.Length) break;
            char c = s[i];
            if (c == '\u0130')
            {
                // SpecialCasing: LATIN CAPITAL LETTER I WITH DOT ABOVE lower-cases to i + COMBINING DOT ABOVE.
                dst[written++] = 'i';
                dst[written++] = '\u0307';
            }
            else if (c == '\u03A3')
            {
                dst[written++] = IsFinalSigma(s, i) ? '\u03C2' : '\u03C3';
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                written += Rune.ToLowerInvariant(new Rune(c, s[i + 1])).EncodeToUtf16(dst[written..]);
                i++;
            }
            else if (c is '\uA7CE' or '\uA7D2' or '\uA7D4')
            {
                // Unicode 16 additions that .NET's casing tables do not know yet; each lower-cases to the next code point.
                dst[written++] = (char)(c + 1);
            }
            else
            {
                dst[written++] = char.ToLowerInvariant(c);
            }
            i++;
        }
        return dst[..written];
    }

    // Unicode Final_Sigma: preceded by a cased letter (skipping case-ignorable characters)
    // and not followed by a cased letter (skipping case-ignorable characters).
    private static bool IsFinalSigma(ReadOnlySpan<char> s, int index)
    {
        int i = index - 1;
        while (i >= 0 && IsCaseIgnorable(s[i])) i--;
        if (i < 0 || !IsCased(s[i])) return false;
        int j = index + 1;
        while (j < s.Length && IsCaseIgnorable(s[j])) j++;
        return j >= s.Length || !IsCased(s[j]);
    }

    private static bool IsCased(char c)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;
    }

    private static bool IsCaseIgnorable(char c)
    {
        if (c is '\'' or '.' or ':' or '^' or '`' or '\u00AD' or '\u00B7' or '\u2019') return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
    }

    /// <summary>Whether a code point counts as part of a word for our Unicode-aware trimmer:
    /// letters, combining marks, numbers and connector punctuation (which includes '_', as JS <c>\w</c> does).</summary>
    public static bool IsUnicodeWordCodePoint(int codePoint)
    {
        if (codePoint < 0x80) return IsAsciiWordChar((char)codePoint);
        var cat = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        switch (cat)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }
}
