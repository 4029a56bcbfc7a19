using System.Globalization;

namespace PeerCommons.Search;

/// <summary>Bit-exact equivalents of the JavaScript number operations lunr relies on.</summary>
internal static class JsMath
{
    /// <summary><c>Math.round</c>: rounds half up (towards +∞), unlike <see cref="Math.Round(double)"/>.</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        double f = Math.Floor(x);
        // x - f is exact for every finite double
        return x - f >= 0.5 ? f + 1 : f;
    }

    /// <summary>lunr's score precision: <c>Math.round(x * 1000) / 1000</c>.</summary>
    public static double RoundTo3(double x) => Round(x * 1000) / 1000;

    /// <summary>Natural logarithm computed as V8 does (fdlibm's <c>__ieee754_log</c>), so results agree to the bit
    /// with Node's <c>Math.log</c> rather than with the platform libm.</summary>
    public static double Log(double x)
    {
        const double ln2Hi = 6.93147180369123816490e-01;
        const double ln2Lo = 1.90821492927058770002e-10;
        const double two54 = 1.80143985094819840000e+16;
        const double lg1 = 6.666666666666735130e-01;
        const double lg2 = 3.999999999940941908e-01;
        const double lg3 = 2.857142874366239149e-01;
        const double lg4 = 2.222219843214978396e-01;
        const double lg5 = 1.818357216161805012e-01;
        const double lg6 = 1.531383769920937332e-01;
        const double lg7 = 1.479819860511658591e-01;

        long bits = BitConverter.DoubleToInt64Bits(x);
        int hx = (int)(bits >> 32);
        uint lx = (uint)bits;
        int k = 0;
        if (hx < 0x00100000)
        {
            if (((hx & 0x7fffffff) | (int)lx) == 0) return double.NegativeInfinity;
            if (hx < 0) return double.NaN;
            k -= 54;
            x *= two54;
            bits = BitConverter.DoubleToInt64Bits(x);
            hx = (int)(bits >> 32);
        }
        if (hx >= 0x7ff00000) return x + x;
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        bits = BitConverter.DoubleToInt64Bits(x);
        bits = ((long)(hx | (i ^ 0x3ff00000)) << 32) | (bits & 0xffffffffL);
        x = BitConverter.Int64BitsToDouble(bits);
        k += i >> 20;
        double f = x - 1.0;
        double dk;
        double r;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            if (f == 0.0)
            {
                if (k == 0) return 0.0;
                dk = k;
                return dk * ln2Hi + dk * ln2Lo;
            }
            r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) return f - r;
            dk = k;
            return dk * ln2Hi - ((r - dk * ln2Lo) - f);
        }
        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (lg2 + w * (lg4 + w * lg6));
        double t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
        i |= j;
        r = t2 + t1;
        if (i > 0)
        {
            double hfsq = 0.5 * f * f;
            if (k == 0) return f - (hfsq - s * (hfsq + r));
            return dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f);
        }
        if (k == 0) return f - s * (f - r);
        return dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f);
    }

    /// <summary>Writes a double as JavaScript's <c>Number.prototype.toString</c> / <c>JSON.stringify</c> would
    /// (shortest round-trip digits; exponent notation only below 1e-6 or from 1e21, written like <c>1e-7</c>,
    /// <c>1.5e+21</c>). Non-finite values are written as <c>null</c>, as JSON.stringify does.</summary>
    public static int FormatNumber(double value, Span<byte> dest)
    {
        if (!double.IsFinite(value)) { "null"u8.CopyTo(dest); return 4; }
        if (value == 0) { dest[0] = (byte)'0'; return 1; }

        // .NET's shortest round-trip format; it uses exponent notation for decimal exponents outside
        // [-5, 14], and is then identical to JS. Otherwise re-layout the digits the JS way.
        Span<byte> tmp = stackalloc byte[40];
        value.TryFormat(tmp, out int n, "R", CultureInfo.InvariantCulture);
        var text = tmp[..n];
        int e = text.IndexOf((byte)'E');
        if (e < 0)
        {
            text.CopyTo(dest);
            return n;
        }

        int pos = 0;
        int p = 0;
        if (text[0] == (byte)'-') { dest[pos++] = (byte)'-'; p = 1; }
        Span<byte> digits = stackalloc byte[24];
        int k = 0;
        for (int q = p; q < e; q++)
        {
            if (text[q] != (byte)'.') digits[k++] = text[q];
        }
        while (k > 1 && digits[k - 1] == (byte)'0') k--;
        int exp = 0;
        bool negExp = false;
        int q2 = e + 1;
        if (text[q2] == (byte)'+') q2++;
        else if (text[q2] == (byte)'-') { negExp = true; q2++; }
        for (; q2 < n; q2++) exp = exp * 10 + (text[q2] - '0');
        if (negExp) exp = -exp;
        int pointPos = exp + 1; // ECMAScript's n: value = 0.d1d2...dk × 10^n

        if (k <= pointPos && pointPos <= 21)
        {
            digits[..k].CopyTo(dest[pos..]); pos += k;
            for (int z = 0; z < pointPos - k; z++) dest[pos++] = (byte)'0';
        }
        else if (0 < pointPos && pointPos <= 21)
        {
            digits[..pointPos].CopyTo(dest[pos..]); pos += pointPos;
            dest[pos++] = (byte)'.';
            digits[pointPos..k].CopyTo(dest[pos..]); pos += k - pointPos;
        }
        else if (-6 < pointPos && pointPos <= 0)
        {
            dest[pos++] = (byte)'0';
            dest[pos++] = (byte)'.';
            for (int z = 0; z < -pointPos; z++) dest[pos++] = (byte)'0';
            digits[..k].CopyTo(dest[pos..]); pos += k;
        }
        else
        {
            dest[pos++] = digits[0];
            if (k > 1)
            {
                dest[pos++] = (byte)'.';
                digits[1..k].CopyTo(dest[pos..]); pos += k - 1;
            }
            dest[pos++] = (byte)'e';
            int ee = pointPos - 1;
            dest[pos++] = ee < 0 ? (byte)'-' : (byte)'+';
            ee = Math.Abs(ee);
            ee.TryFormat(dest[pos..], out int w, default, CultureInfo.InvariantCulture);
            pos += w;
        }
        return pos;
    }

    public static string FormatNumber(double value)
    {
        Span<byte> buf = stackalloc byte[64];
        int n = FormatNumber(value, buf);
        return System.Text.Encoding.ASCII.GetString(buf[..n]);
    }

    /// <summary>Whether a property key is an ECMAScript array index (canonical "0".."4294967294"), which
    /// JS objects enumerate before all other string keys, in ascending numeric order.</summary>
    public static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10) return false;
        if (key[0] == '0') return key.Length == 1;
        ulong v = 0;
        foreach (char c in key)
        {
            if ((uint)(c - '0') > 9) return false;
            v = v * 10 + (uint)(c - '0');
        }
        if (v > 4294967294UL) return false;
        index = (uint)v;
        return true;
    }

    /// <summary>Orders keys the way JS enumerates an object's own string keys given their insertion order.</summary>
    public static List<string> JsKeyOrder(IEnumerable<string> insertionOrder)
    {
        var indexKeys = new List<(uint, string)>();
        var others = new List<string>();
        foreach (var k in insertionOrder)
        {
            if (IsArrayIndex(k, out var idx)) indexKeys.Add((idx, k));
            else others.Add(k);
        }
        indexKeys.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        var result = new List<string>(indexKeys.Count + others.Count);
        foreach (var (_, k) in indexKeys) result.Add(k);
        result.AddRange(others);
        return result;
    }
}
