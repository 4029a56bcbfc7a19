using System.Globalization;
using System.Text.RegularExpressions;

namespace PeerCommons.Model;

/// <summary>A history date: a year, a month, a day, or a period of years (<c>1790/1800</c>).</summary>
public sealed partial record HistoryDate(string Text, int Year, int Month, int Day, int? EndYear) : IComparable<HistoryDate>
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{4})/(\d{4})$")]
    private static partial Regex Pattern();

    public static HistoryDate? Parse(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        if (m.Groups[4].Success)
        {
            int start = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), end = int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture);
            return end > start ? new HistoryDate(text, start, 0, 0, end) : null;
        }
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var day = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (month is < 0 or > 12) return null;
        if (day > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return null;
        return new HistoryDate(text, year, month, day, null);
    }

    /// <summary>Readable form: "1796", "March 1796", "14 March 1796", "1790–1800".</summary>
    public string Display => EndYear is { } end ? $"{Year}–{end}"
        : Day > 0 ? new DateOnly(Year, Month, Day).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
        : Month > 0 ? new DateOnly(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : Year.ToString(CultureInfo.InvariantCulture);

    public int CompareTo(HistoryDate? other) =>
        other is null ? 1 : (Year, Month, Day, EndYear ?? Year).CompareTo((other.Year, other.Month, other.Day, other.EndYear ?? other.Year));
}
